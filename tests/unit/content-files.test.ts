import { describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkContentDir } from '../../src/entries/check-content.ts';
import { formatProblems, type Problem } from '../../src/entries/problems.ts';
import { MAX_FILE_BYTES } from '../../src/entries/term-file.ts';
import { retiredNumbersPath } from '../../src/entries/retired-numbers.ts';
import { smallGlossary, termSource, validFrontmatter, writeFixture } from '../helpers/term-source.ts';

// The whole content pass over a folder, as `npm run check` and the build run it: files as bytes on disk.
async function check(
  extra: Record<string, string | Buffer>,
  glossary = smallGlossary(),
): Promise<{ dir: string; problems: Problem[] }> {
  const dir = await writeFixture(glossary);
  for (const [name, content] of Object.entries(extra)) await writeFile(join(dir, name), content);
  const { problems } = await checkContentDir(dir, dir, { retiredNumbers: join(dir, 'no-retired-numbers.json') });
  return { dir, problems };
}

const epsilon = () => termSource(validFrontmatter('epsilon-term', 5, ['alpha-control', 'beta-signal', 'gamma-tool']));

describe('term files: encodings and line endings', () => {
  test('accepts a UTF-8 byte-order mark, and CR LF line endings', async () => {
    const { problems } = await check({
      'epsilon-term.mdx': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(epsilon())]),
      'zeta-term.mdx': termSource(
        validFrontmatter('zeta-term', 6, ['alpha-control', 'beta-signal', 'gamma-tool']),
      ).replace(/\n/g, '\r\n'),
    });
    expect(problems).toEqual([]);
  });

  test.each([
    [
      'UTF-16 with a byte-order mark',
      () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(epsilon(), 'utf16le')]),
      'UTF-16 (little-endian)',
    ],
    [
      'UTF-16 big-endian',
      () => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(epsilon(), 'utf16le').swap16()]),
      'UTF-16 (big-endian)',
    ],
    [
      'UTF-16 without a byte-order mark',
      () => Buffer.from(epsilon(), 'utf16le'),
      'UTF-16 (little-endian, without a byte-order mark)',
    ],
  ])('names %s as the encoding to change', async (_, bytes, found) => {
    const { problems } = await check({ 'epsilon-term.mdx': bytes() });
    expect(problems).toEqual([
      {
        file: expect.stringMatching(/epsilon-term\.mdx$/),
        field: 'file',
        expected: 'a file saved as UTF-8',
        found,
        hint: 'save it again as UTF-8, with your editor\'s "Save with Encoding" or the encoding choice in "Save As…"',
      },
    ]);
  });

  test('names a Latin-1 file, the line and what the line says, instead of showing "Caf� Na�ve"', async () => {
    const source = epsilon().replace('title: Epsilon Term', 'title: Café Naïve');
    const { problems } = await check({ 'epsilon-term.mdx': Buffer.from(source, 'latin1') });
    expect(problems).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/epsilon-term\.mdx$/),
        field: 'file',
        line: source.split('\n').indexOf('title: Café Naïve') + 1,
        expected: 'a file saved as UTF-8',
        found: 'bytes that are not UTF-8; read as Latin-1 (Windows-1252), the line says "title: Café Naïve"',
        hint: expect.stringContaining('the file was probably saved as Latin-1 or Windows-1252'),
      }),
    ]);
  });

  test('names CR-only line endings instead of reporting a missing YAML block', async () => {
    const { problems } = await check({ 'epsilon-term.mdx': epsilon().replace(/\n/g, '\r') });
    expect(problems).toEqual([
      {
        file: expect.stringMatching(/epsilon-term\.mdx$/),
        field: 'file',
        expected: 'lines that end in a line feed (LF, or CR LF)',
        found: 'lines that end in a carriage return (CR) alone, the line ending of classic Mac OS',
        hint: 'convert the line endings to LF in your editor',
      },
    ]);
  });

  test('names a stray carriage return with its line', async () => {
    const source = epsilon().replace('qualifier: Test Concept', 'qualifier: Test\rConcept');
    const { problems } = await check({ 'epsilon-term.mdx': source });
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'file',
        line: source.split('\n').findIndex((l) => l.startsWith('qualifier:')) + 1,
        found: 'a carriage return (CR) without a line feed',
      }),
    ]);
  });

  test('an unreadable file is still a term that others may link to', async () => {
    const glossary = smallGlossary();
    const { problems } = await check(
      { 'epsilon-term.mdx': Buffer.from(epsilon(), 'utf16le') },
      {
        ...glossary,
        'zeta-term': termSource(validFrontmatter('zeta-term', 6, ['alpha-control', 'beta-signal', 'epsilon-term'])),
      },
    );
    expect(problems.map((p) => p.file.split('/').pop())).toEqual(['epsilon-term.mdx']);
  });
});

describe('term files: names', () => {
  test('reports .md, .MDX and .markdown files that would be silently ignored, with the name to use', async () => {
    const { problems } = await check({
      'epsilon-term.md': epsilon(),
      'Zeta-Term.MDX': epsilon(),
      'eta.markdown': epsilon(),
      '.notes.md': 'x',
      'theta.mdx~': 'x',
      'README.txt': 'x',
    });
    expect(problems).toEqual([
      {
        file: expect.stringMatching(/Zeta-Term\.MDX$/),
        field: 'file name',
        expected: 'a term file named <slug>.mdx, in lower case',
        found: '"Zeta-Term.MDX", which is not read as a term',
        hint: 'rename it to zeta-term.mdx',
      },
      expect.objectContaining({
        file: expect.stringMatching(/epsilon-term\.md$/),
        hint: 'rename it to epsilon-term.mdx',
      }),
      expect.objectContaining({ file: expect.stringMatching(/eta\.markdown$/), hint: 'rename it to eta.mdx' }),
    ]);
  });
});

describe('term files: size', () => {
  test('refuses a file over the limit without parsing it, saying where the bulk is', async () => {
    const huge = termSource(
      validFrontmatter('epsilon-term', 5, ['alpha-control', 'beta-signal', 'gamma-tool']),
      `## How it works\n\n${'word '.repeat(1_000_000)}`,
    );
    const { problems } = await check({ 'epsilon-term.mdx': huge });
    expect(problems).toEqual([
      {
        file: expect.stringMatching(/epsilon-term\.mdx$/),
        field: 'file',
        expected: `a term file of at most ${MAX_FILE_BYTES / 1024 / 1024}.0 MB`,
        found: '4.8 MB, most of it in the body (4.8 MB)',
        hint: 'an entry is a 300–700-word explanation: remove what was pasted in by mistake',
      },
    ]);
  });
});

describe('catalog numbers', () => {
  const git = (dir: string, ...args: string[]) =>
    execFileSync(
      'git',
      ['-C', dir, '-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args],
      { stdio: 'pipe' },
    );

  test('when a new file takes a published number, only the new file is told, and never to renumber the published one', async () => {
    const glossary = smallGlossary();
    const dir = await writeFixture(glossary);
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'published');
    // "aardvark" sorts before "alpha-control": the old check told alpha-control.mdx its number was "already used".
    await writeFile(
      join(dir, 'aardvark.mdx'),
      termSource(validFrontmatter('aardvark', 1, ['beta-signal', 'gamma-tool', 'delta-tactic'])),
    );
    const { problems } = await checkContentDir(dir, dir, { retiredNumbers: join(dir, 'none.json') });
    expect(problems).toEqual([
      {
        file: 'aardvark.mdx',
        field: 'number',
        expected: 'a catalog number no other term uses',
        found: '1, the number of alpha-control.mdx since it was published',
        hint: 'a published entry keeps its number, which slides link to as /n/1/: give this entry another; the next free number is 5',
      },
    ]);
  });

  test('an alias that another, older entry has is reported on the newer entry', async () => {
    const newer = validFrontmatter('aardvark', 5, ['beta-signal', 'gamma-tool', 'delta-tactic']);
    newer['aliases'] = ['Delta Tactic alias'];
    const { problems } = await check({ 'aardvark.mdx': termSource(newer) });
    expect(formatProblems(problems)).toMatch(
      /aardvark\.mdx\n {2}- aliases\[0\]: expected a title or alias no other term uses \(ignoring case\), found "Delta Tactic alias", already a name of \S*delta-tactic\.mdx \(№ 4\)\n1 problem in 1 file/,
    );
  });

  test('keeps the list of retired numbers next to the terms folder: content/retired-numbers.json', () => {
    const saved = process.env['GLOSSARY_RETIRED_NUMBERS'];
    delete process.env['GLOSSARY_RETIRED_NUMBERS'];
    try {
      expect(retiredNumbersPath('/site/content/terms')).toBe('/site/content/retired-numbers.json');
    } finally {
      if (saved !== undefined) process.env['GLOSSARY_RETIRED_NUMBERS'] = saved;
    }
  });

  test('refuses a retired number, naming the entry that had it, and reports a broken list', async () => {
    const glossary = smallGlossary();
    const dir = await writeFixture(glossary);
    const retiredFile = join(dir, 'retired.json');
    await writeFile(
      retiredFile,
      JSON.stringify([{ number: 4, slug: 'scripting', title: 'Scripting', reason: 'ATT&CK deprecated T1064.' }]),
    );
    const { problems } = await checkContentDir(dir, dir, { retiredNumbers: retiredFile });
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'delta-tactic.mdx',
        field: 'number',
        found: '4, the retired number of "Scripting" (scripting), listed in retired.json',
      }),
    ]);

    await writeFile(retiredFile, JSON.stringify([{ number: 'seven', slug: 'x' }]));
    const broken = await checkContentDir(dir, dir, { retiredNumbers: retiredFile });
    expect(broken.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'retired.json', field: '[0].number', expected: 'a number', found: '"seven"' }),
        expect.objectContaining({ file: 'retired.json', field: '[0].title', expected: 'text' }),
      ]),
    );
  });
});
