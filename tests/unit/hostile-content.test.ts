/**
 * Hostile content and settings: links that only look internal, files that are not what they seem, YAML that
 * explodes, invisible names and bad deployment variables. Each is a problem named on its file (or variable), never
 * a crash, a silent skip or a page that leaves the site.
 */
import { spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContentDir } from '../../src/entries/check-content.ts';
import { validateEntry } from '../../src/entries/validate-entry.ts';
import { deploymentSettings } from '../../src/links/urls.ts';
import { linkProblem } from '../../src/markdown/settings.ts';
import { removeInvisibleControls } from '../../src/text/invisible.ts';
import { termSource, validFrontmatter, writeFixture } from '../helpers/term-source.ts';

describe('linkProblem: a link is site-relative only if a browser keeps it on the site', () => {
  test.each([
    ['/\\evil.example/', 'a URL that looks like a site path but leaves the site'],
    ['/\t/evil.example/', 'a URL that looks like a site path but leaves the site'],
    ['\\\\evil.example/x', 'a URL that looks like a site path but leaves the site'],
    ['//evil.example/', 'a protocol-relative URL'],
    ['java\nscript:alert(1)', 'the "javascript:" scheme'],
    ['https://user:secret@example.org/', 'a user name or password in the URL'],
    ['docs/readme.md', 'a relative path'],
  ])('refuses %j', (url, problem) => {
    expect(linkProblem(url)).toBe(problem);
  });

  test.each([
    '/terms/execution/',
    '/terms/execution/#faq',
    '#how-it-works',
    '/%5Cevil.example/',
    'https://attack.mitre.org/',
    'mailto:team@example.org',
  ])('accepts %j', (url) => expect(linkProblem(url)).toBeUndefined());

  test('a body link to /\\host is reported with its file line, and the page never renders it', () => {
    const source = termSource(
      validFrontmatter('alpha-term', 1, []),
      `${'Plain words here. '.repeat(60)}\n\nSee [the notes](/\\evil.example/).`,
    );
    const result = validateEntry('content/terms/alpha-term.mdx', source);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems).toContainEqual(
      expect.objectContaining({
        field: 'link URL',
        found: expect.stringContaining('looks like a site path but leaves the site'),
      }),
    );
  });

  test('a source URL with a user name and password is refused', () => {
    const fm = {
      ...validFrontmatter('alpha-term', 1, []),
      sources: [{ title: 'A report', url: 'https://reader:hunter2@example.org/report' }],
    };
    const result = validateEntry('content/terms/alpha-term.mdx', termSource(fm));
    expect(result.ok ? [] : result.problems).toContainEqual(
      expect.objectContaining({ field: 'sources[0].url', expected: 'an http(s) URL without a user name or password' }),
    );
  });
});

describe('names that are invisible or reorder the text', () => {
  const problemsWith = (patch: Record<string, unknown>) => {
    const result = validateEntry(
      'content/terms/alpha-term.mdx',
      termSource({ ...validFrontmatter('alpha-term', 1, []), ...patch }),
    );
    return result.ok ? [] : result.problems;
  };

  test('a title of zero-width characters is refused, and the message shows them as escapes', () => {
    expect(problemsWith({ title: '\u200B\u2060\uFEFF' })).toContainEqual(
      expect.objectContaining({
        field: 'title',
        expected: 'the title with visible characters',
        found: '"\\u{200B}\\u{2060}\\u{FEFF}"',
      }),
    );
  });

  test.each([['title'], ['qualifier']])('a bidi override in the %s is refused', (field) => {
    expect(problemsWith({ [field]: 'Report\u202Efdp.exe' })).toContainEqual(
      expect.objectContaining({ field, expected: expect.stringContaining('without bidirectional control characters') }),
    );
  });

  test('a bidi isolate in an alias is refused too', () => {
    expect(problemsWith({ aliases: ['ok alias', 'abc\u2067def'] })).toContainEqual(
      expect.objectContaining({ field: 'aliases[1]' }),
    );
  });

  test('pack titles use the same rule: the controls are removed', () => {
    expect(removeInvisibleControls('Week\u202E 1\u2066 \u0000pack')).toBe('Week 1 pack');
  });
});

describe('review dates before ATT&CK', () => {
  test.each(['0099-01-01', '1969-07-20', '2014-12-31'])('refuses %s instead of publishing another year', (date) => {
    const result = validateEntry(
      'content/terms/alpha-term.mdx',
      termSource({ ...validFrontmatter('alpha-term', 1, []), reviewed: date }),
    );
    expect(result.ok ? [] : result.problems).toContainEqual(
      expect.objectContaining({ field: 'reviewed', found: `"${date}"` }),
    );
  });
});

describe('a content folder with every kind of hostile file at once', async () => {
  const outside = await mkdtemp(join(tmpdir(), 'glossary-outside-'));
  await writeFile(
    join(outside, 'secret.mdx'),
    termSource(validFrontmatter('secret', 90, ['alpha-term', 'beta-term', 'gamma-term'])),
  );
  await writeFile(
    join(outside, 'latin1.mdx'),
    Buffer.from('---\ntitle: Caf\xe9 secret-line-from-outside\n---\n', 'latin1'),
  );
  const bomb = [
    '---',
    'a: &a [x, x, x, x, x, x, x, x, x]',
    ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
    '---',
    '',
    'Body.',
  ].join('\n');
  const good = (slug: string, n: number, others: string[]) => termSource(validFrontmatter(slug, n, others));
  const dir = await writeFixture({
    'alpha-term': good('alpha-term', 1, ['beta-term', 'gamma-term', 'delta-term']),
    'beta-term': good('beta-term', 2, ['alpha-term', 'gamma-term', 'delta-term']),
    'gamma-term': good('gamma-term', 3, ['alpha-term', 'beta-term', 'delta-term']),
    'delta-term': good('delta-term', 4, ['alpha-term', 'beta-term', 'gamma-term']),
    'alias-bomb': bomb,
    'old-review': termSource({
      ...validFrontmatter('old-review', 5, ['alpha-term', 'beta-term', 'gamma-term']),
      reviewed: '0099-01-01',
    }),
    'invisible-title': termSource({
      ...validFrontmatter('invisible-title', 6, ['alpha-term', 'beta-term', 'gamma-term']),
      title: '\u200B\u200B',
    }),
  });
  await symlink(join(outside, 'secret.mdx'), join(dir, 'linked.mdx'));
  await symlink(join(outside, 'latin1.mdx'), join(dir, 'linked-latin1.mdx'));
  await symlink(join(outside, 'missing.mdx'), join(dir, 'dangling.mdx'));
  execFileSync('mkfifo', [join(dir, 'pipe.mdx')]);
  await mkdir(join(dir, 'drafts'));
  await writeFile(join(dir, 'drafts', 'epsilon-term.mdx'), good('epsilon-term', 7, []));
  await writeFile(join(dir, 'alpha-term.mdx.bak'), good('alpha-term', 1, []));

  const report = await checkContentDir(dir, dir);
  const byFile = (list: { file: string }[]) => Object.groupBy(list, (p) => p.file);

  test('each bad file gets its problem, named by file, and the good entries are still checked', () => {
    const files = byFile(report.problems);
    expect(Object.keys(files).sort()).toEqual([
      'alias-bomb.mdx',
      'dangling.mdx',
      'invisible-title.mdx',
      'linked-latin1.mdx',
      'linked.mdx',
      'old-review.mdx',
      'pipe.mdx',
    ]);
    for (const name of ['linked.mdx', 'linked-latin1.mdx', 'dangling.mdx']) {
      expect(files[name], name).toEqual([
        expect.objectContaining({ field: 'file', found: 'a symbolic link, which is not read' }),
      ]);
    }
    expect(files['pipe.mdx']).toEqual([expect.objectContaining({ found: 'a special file, which is not read' })]);
    expect(files['alias-bomb.mdx']).toContainEqual(
      expect.objectContaining({ field: 'frontmatter', found: expect.stringContaining('Excessive alias count') }),
    );
    expect(report.entries.map((e) => e.slug).sort()).toEqual(['alpha-term', 'beta-term', 'delta-term', 'gamma-term']);
  });

  test('nothing from outside the folder is published or quoted', () => {
    expect(report.entries.map((e) => e.slug)).not.toContain('secret');
    expect(JSON.stringify(report)).not.toContain('secret-line-from-outside');
  });

  test('a subfolder and a backup file are not read, and the check says so as warnings', () => {
    const warned = byFile(report.warnings);
    expect(warned['drafts']).toEqual([expect.objectContaining({ found: 'a subfolder, whose files are not read' })]);
    expect(warned['alpha-term.mdx.bak']).toEqual([
      expect.objectContaining({ found: '"alpha-term.mdx.bak", which is not read as a term' }),
    ]);
  });

  test('npm run check lists them all and exits 1', async () => {
    const run = spawnSync(process.execPath, ['scripts/check-content.ts'], {
      env: { ...process.env, GLOSSARY_CONTENT_DIR: dir },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    for (const name of [
      'alias-bomb.mdx',
      'linked.mdx',
      'dangling.mdx',
      'pipe.mdx',
      'old-review.mdx',
      'invisible-title.mdx',
    ])
      expect(run.stderr).toContain(name);
    expect(run.stderr).not.toMatch(/^\s+at /m); // no stack trace
    expect(await readFile(join(outside, 'secret.mdx'), 'utf8')).toContain('secret');
  });
});

describe('SITE_URL and BASE_PATH are checked before anything runs', () => {
  test.each([
    [{ BASE_PATH: '/glossary\n/' }, /^BASE_PATH must be .* found "\/glossary\\n\/"$/],
    [{ BASE_PATH: 'glossary/' }, /^BASE_PATH must be/],
    [{ BASE_PATH: '/../' }, /^BASE_PATH must be/],
    [
      { SITE_URL: 'javascript:alert(1)' },
      /^SITE_URL must be .* found "javascript:alert\(1\)", whose scheme is "javascript:"$/,
    ],
    [{ SITE_URL: 'https://user:pw@glossary.example.net' }, /^SITE_URL must be .* which holds a user name or password$/],
    [{ SITE_URL: 'https://glossary.example.net/?x=1' }, /which has a query or fragment$/],
    [{ SITE_URL: 'glossary.example.net' }, /which is not a URL$/],
  ])('refuses %j, naming the variable and the value', (env, message) => {
    expect(() => deploymentSettings(env)).toThrow(message);
  });

  test('accepts the documented forms', () => {
    expect(deploymentSettings({})).toEqual({ site: 'https://glossary.example.org', base: '/' });
    expect(deploymentSettings({ SITE_URL: 'https://glossary.example.net', BASE_PATH: '/glossary/' })).toEqual({
      site: 'https://glossary.example.net',
      base: '/glossary/',
    });
  });

  test('npm run build stops at once with the message and leaves the output folder alone', () => {
    const run = spawnSync(process.execPath, ['scripts/build.ts', '--outDir', join(tmpdir(), 'never-built')], {
      env: { ...process.env, SITE_URL: 'javascript:alert(1)' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('SITE_URL must be an absolute http(s) URL');
  });
});
