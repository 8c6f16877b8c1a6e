/**
 * The whole content check over a folder of term files: every file on its own,
 * then the rules across files. The build, `npm run check` and the tests all
 * call this one function, so they report problems in the same words.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { crossEntryProblems, type CheckedEntry } from './cross-checks.ts';
import type { Problem } from './problems.ts';
import { validateEntry } from './validate-entry.ts';
import { SLUG_PATTERN, type TermData } from '../schemas/term.ts';

export interface ContentReport {
  entries: (CheckedEntry & { data: TermData })[];
  problems: Problem[];
}

export async function checkContentDir(dir: string, root = process.cwd()): Promise<ContentReport> {
  const shown = (path: string) => relative(root, path) || path;
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.mdx')).sort();
  } catch {
    return {
      entries: [],
      problems: [{ file: shown(dir), field: 'file', expected: 'a folder of term files', found: 'no such folder' }],
    };
  }

  const entries: ContentReport['entries'] = [];
  const problems: Problem[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const file = shown(path);
    const slug = name.slice(0, -'.mdx'.length);
    if (!SLUG_PATTERN.test(slug)) {
      problems.push({
        file,
        field: 'file name',
        expected: 'lower-case words joined by hyphens, like "cyber-kill-chain.mdx"',
        found: `"${name}"`,
      });
    }
    const result = validateEntry(file, await readFile(path, 'utf8'));
    if (result.ok) entries.push({ slug, file, data: result.entry.data });
    else problems.push(...result.problems);
  }
  const allSlugs = names.map((n) => n.slice(0, -'.mdx'.length));
  problems.push(...crossEntryProblems(entries, { contentDir: shown(dir), allSlugs }));
  return { entries, problems };
}
