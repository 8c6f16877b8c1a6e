/**
 * Catalog numbers are printed on slides and handouts and linked as `/n/<number>/`, so a number is never given
 * to another entry, even after its entry is gone. `content/retired-numbers.json` lists the numbers of removed
 * entries: `npm run new-term` skips them, the content check refuses them, and `/n/<number>/` says what happened.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { z } from 'astro/zod';
import { LIMITS, SLUG_PATTERN } from '../schemas/term.ts';
import { contentDir } from './term-file.ts';
import type { Problem } from './problems.ts';
import { issueToProblems } from './validate-entry.ts';

const slug = z
  .string()
  .max(LIMITS.slug)
  .regex(SLUG_PATTERN, { message: 'a slug of lower-case words joined by hyphens' });

export const retiredNumberSchema = z.strictObject({
  /** The catalog number, never to be used again. */
  number: z.number().int().positive(),
  /** The slug the entry had, so the page and the check can name it. */
  slug,
  /** Its title, as readers knew it. */
  title: z.string().trim().min(1).max(LIMITS.title),
  /** What happened, in one sentence for readers: "Merged into PowerShell, which covers the same technique." */
  reason: z.string().trim().min(1).max(LIMITS.summary),
  /** The entry that now covers the subject, when there is one. */
  replacedBy: slug.optional(),
});

export const retiredNumbersSchema = z.array(retiredNumberSchema);

export type RetiredNumber = z.infer<typeof retiredNumberSchema>;

/** `content/retired-numbers.json`: next to the folder of term files, or where `GLOSSARY_RETIRED_NUMBERS` says. */
export function retiredNumbersPath(termsDir = contentDir()): string {
  return resolve(process.env['GLOSSARY_RETIRED_NUMBERS'] ?? join(dirname(termsDir), 'retired-numbers.json'));
}

export interface RetiredNumbers {
  retired: RetiredNumber[];
  /** Problems of the file itself; `file` is the path as given. */
  problems: Problem[];
  /** The file's text, for cache keys ('' when there is none). */
  text: string;
}

/** Reads and checks the list; a missing file is an empty list. */
export async function readRetiredNumbers(path: string, shown = path): Promise<RetiredNumbers> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { retired: [], problems: [], text: '' };
    throw error;
  }
  return { ...parseRetiredNumbers(text, shown), text };
}

/** The same, synchronously, for pages: the build has already checked the file. */
export function loadRetiredNumbers(path = retiredNumbersPath()): RetiredNumber[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  return retiredNumbersSchema.parse(JSON.parse(text));
}

export function parseRetiredNumbers(text: string, file: string): { retired: RetiredNumber[]; problems: Problem[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return {
      retired: [],
      problems: [
        {
          file,
          field: 'file',
          expected: 'valid JSON: a list of { "number", "slug", "title", "reason" }',
          found: `a syntax error: ${(error as Error).message}`,
        },
      ],
    };
  }
  const parsed = retiredNumbersSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    return {
      retired: [],
      problems: parsed.error.issues.flatMap((issue) =>
        issueToProblems(file, issue).map((p) =>
          p.field === 'frontmatter'
            ? { ...p, field: 'file', expected: 'a list of { "number", "slug", "title", "reason" }' }
            : p,
        ),
      ),
    };
  }
  const problems: Problem[] = [];
  const seen = new Map<number, number>();
  parsed.data.forEach((entry, i) => {
    const first = seen.get(entry.number);
    if (first !== undefined) {
      problems.push({
        file,
        field: `[${i}].number`,
        expected: 'each retired number once',
        found: `${entry.number}, already retired at [${first}]`,
      });
    } else seen.set(entry.number, i);
  });
  return { retired: parsed.data, problems };
}

/** Numbers are never reused: the next one is above every number in use and every retired one. */
export function nextCatalogNumber(inUse: readonly number[], retired: readonly Pick<RetiredNumber, 'number'>[]): number {
  return Math.max(0, ...inUse, ...retired.map((r) => r.number)) + 1;
}
