import { describe, expect, test } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuild } from '../helpers/run-build.ts';
import { smallGlossary, termSource, validFrontmatter, writeFixture } from '../helpers/term-source.ts';

// These run the real `astro build` on tiny fixture folders: the message an author sees, and the exit code CI sees.
describe('npm run build with broken content', () => {
  test('stops with every problem of every file, grouped by file, and a non-zero exit', async () => {
    const files = smallGlossary();
    const broken = validFrontmatter('beta-signal', 2, ['alpha-control', 'gamma-tool', 'delta-tactic']);
    broken['colour'] = 'blue';
    files['beta-signal'] = termSource(broken);
    files['delta-tactic'] = termSource(
      validFrontmatter('delta-tactic', 1, ['alpha-control', 'beta-signal', 'gamma-tol']),
    );
    files['gamma-tool'] = files['gamma-tool']!.replace(
      '\n\n## How it works',
      '\n\n## How it works\n\nAn unclosed <Tag in the text.',
    );
    const dir = await writeFixture(files);

    const { code, output } = await runBuild({ GLOSSARY_CONTENT_DIR: dir });

    expect(code).not.toBe(0);
    expect(output).toMatch(
      /beta-signal\.mdx\n {2}- colour \(line \d+\): expected only the keys title, qualifier, number/,
    );
    // Neither file is known to be the published one (the fixture is not a git checkout): both are named, neither is told to change.
    expect(output).toMatch(
      /delta-tactic\.mdx\n {2}- number: expected a catalog number no other term uses, found 1, also the number of \S*alpha-control\.mdx \(the entry published first keeps 1, which slides link to as \/n\/1\/; give the other one another number\)\n/,
    );
    expect(output).toMatch(
      /alpha-control\.mdx\n {2}- number: expected a catalog number no other term uses, found 1, also the number of \S*delta-tactic\.mdx /,
    );
    expect(output).toContain(
      '  - related[2].term: expected the slug of an existing term (a file name in content/terms without .mdx), found "gamma-tol", which does not exist (did you mean "gamma-tool"?)',
    );
    expect(output).toMatch(/gamma-tool\.mdx\n {2}- body \(line \d+\): expected valid MDX .*found a syntax error: /);
    expect(output).toContain('5 problems in 4 files: fix them and build again.');
  });

  test('stops at the content check on a control character in a title, naming file and field, before drawing anything', async () => {
    const files = smallGlossary();
    files['beta-signal'] = files['beta-signal']!.replace('title: Beta Signal', 'title: "Beta\\aSignal"');
    const dir = await writeFixture(files);

    const { code, output } = await runBuild({ GLOSSARY_CONTENT_DIR: dir });

    expect(code).not.toBe(0);
    expect(output).toMatch(
      /beta-signal\.mdx\n {2}- title \(line 2\): expected text without control characters \(no tabs or line breaks either\), found "Beta\\u0007Signal", which holds the control character U\+0007 \(bell\) at character 5 \(delete it: most editors do not show it\)\n/,
    );
    expect(output).not.toContain('link-preview');
  });

  test('stops when the content folder is empty', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'glossary-empty-'));
    const { code, output } = await runBuild({ GLOSSARY_CONTENT_DIR: dir });
    expect(code).not.toBe(0);
    expect(output).toContain('- file: expected at least one term (.mdx file), found an empty folder');
  });

  test('stops when the content folder does not exist', async () => {
    const { code, output } = await runBuild({ GLOSSARY_CONTENT_DIR: join(tmpdir(), 'no-such-glossary-folder') });
    expect(code).not.toBe(0);
    expect(output).toContain('- file: expected a folder of term files, found no such folder');
  });
});

describe('npm run build without SITE_URL', () => {
  test('prints one warning line naming what it affects and how to fix it, and still builds', async () => {
    const dir = await writeFixture(smallGlossary());
    const outDir = await mkdtemp(join(tmpdir(), 'glossary-no-site-url-'));

    // SITE_URL: '' leaves it unset (runBuild otherwise sets a test host, so other builds stay quiet).
    const { code, output } = await runBuild({ GLOSSARY_CONTENT_DIR: dir, SITE_URL: '' }, ['--outDir', outDir]);

    expect(code).toBe(0);
    const warnings = output.split('\n').filter((line) => line.includes('SITE_URL'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /SITE_URL is not set.*canonical URLs, citations, JSON exports and the sitemap.*SITE_URL=https:\/\/your\.host npm run build/,
    );
  });
});
