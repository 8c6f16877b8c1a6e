import { describe, expect, test } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateEntry } from '../../src/entries/validate-entry.ts';
import { termSource, validFrontmatter, writeFixture } from '../helpers/term-source.ts';
import { ROOT } from '../helpers/run-build.ts';

describe('npm run new-term', () => {
  test('writes an entry with the next free number and every field, which the check rejects until it is finished', async () => {
    const dir = await writeFixture({
      'a-one': termSource(validFrontmatter('a-one', 4, ['b', 'c', 'd'])),
      'b-two': termSource(validFrontmatter('b-two', 9, ['a', 'c', 'd'])),
    });
    const out = execFileSync(process.execPath, [join(ROOT, 'scripts/new-term.ts'), 'Living off the Land'], {
      cwd: ROOT,
      env: { ...process.env, GLOSSARY_CONTENT_DIR: dir },
      encoding: 'utf8',
    });
    expect(out.trim()).toMatch(/living-off-the-land\.mdx$/);
    const source = readFileSync(join(dir, 'living-off-the-land.mdx'), 'utf8');
    expect(source).toContain('title: "Living off the Land"');
    expect(source).toContain('number: 10');

    const result = validateEntry('new.mdx', source);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => p.field)).not.toContain('title');
      expect(result.problems).toContainEqual(expect.objectContaining({ found: 'the placeholder "TODO"' }));
    }
  });

  const newTerm = (dir: string, title: string, env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [join(ROOT, 'scripts/new-term.ts'), title], {
      cwd: ROOT,
      env: { ...process.env, GLOSSARY_CONTENT_DIR: dir, GLOSSARY_RETIRED_NUMBERS: join(dir, 'retired.json'), ...env },
      encoding: 'utf8',
    });

  test('never hands out a retired number: printed /n/ links to it keep saying what became of the old entry', async () => {
    const dir = await writeFixture({ 'a-one': termSource(validFrontmatter('a-one', 4, ['b', 'c', 'd'])) });
    writeFileSync(
      join(dir, 'retired.json'),
      JSON.stringify([{ number: 12, slug: 'scripting', title: 'Scripting', reason: 'Deprecated by ATT&CK.' }]),
    );
    const run = newTerm(dir, 'Living off the Land');
    expect(run.status).toBe(0);
    expect(readFileSync(join(dir, 'living-off-the-land.mdx'), 'utf8')).toContain('number: 13');
  });

  test.each([
    [
      'a title with no letter a–z or digit',
      'Что это',
      'The title "Что это" gives no file name: the file name and URL are made of the title\'s letters a–z and digits 0–9, and it has none.',
    ],
    [
      'a title a spreadsheet would run',
      '=HYPERLINK("https://evil.example/")',
      'The title cannot be used: expected a name that does not start with "=", "+", "@", a tab or a line break',
    ],
  ])('refuses %s and writes nothing', async (_, title, message) => {
    const dir = await writeFixture({ 'a-one': termSource(validFrontmatter('a-one', 4, ['b', 'c', 'd'])) });
    const run = newTerm(dir, title);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(message);
    expect(readdirSync(dir)).toEqual(['a-one.mdx']);
  });
});
