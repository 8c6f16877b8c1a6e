import { describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateEntry } from '../../src/lib/validate-entry.ts';
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
});
