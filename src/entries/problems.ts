import type { AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import { isoDate } from '../text/dates.ts';
/**
 * A problem in the content, phrased for the author who has to fix it: which
 * file, which field, what was expected, what was found, and a hint when we can
 * guess the fix.
 */
export interface Problem {
  /** Path of the file, relative to the project root where possible. */
  file: string;
  /** Dotted path of the field (`related[2].term`), or `body` (the explanation), or `file` (the file as a whole). */
  field: string;
  expected: string;
  found: string;
  hint?: string;
  /** Line in the file, where known: what an editor jumps to. */
  line?: number;
}

/**
 * One line per problem, grouped by file, ending in a one-line summary. Without `summary`, the list alone: for
 * warnings, which need no fixing before a build.
 */
export function formatProblems(problems: readonly Problem[], { summary = true } = {}): string {
  const byFile = new Map<string, Problem[]>();
  for (const problem of problems) {
    const list = byFile.get(problem.file) ?? [];
    list.push(problem);
    byFile.set(problem.file, list);
  }
  const lines: string[] = [];
  for (const [file, list] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(file);
    for (const p of list) {
      const hint = p.hint ? ` (${p.hint})` : '';
      lines.push(`  - ${p.field}${p.line ? ` (line ${p.line})` : ''}: expected ${p.expected}, found ${p.found}${hint}`);
    }
  }
  const files = byFile.size;
  if (summary) {
    lines.push(
      `${problems.length} ${plural(problems.length, 'problem')} in ${files} ${plural(files, 'file')}: fix them and build again.`,
    );
  }
  return lines.join('\n');
}

/** What the build, `astro dev` and every page say when the content has problems: a heading, then the list. */
export function contentProblemsMessage(problems: readonly Problem[]): string {
  return `The glossary content has problems.\n${formatProblems(problems)}`;
}

/** The hint under the list when a build stops: the list already names file, field, expected and found. */
export const BUILD_HINT =
  'Each line names the file, the field, what was expected and what was found. `npm run check` lists the same problems without building.';

/** The hint under the list on a page `astro dev` renders while the content has problems. */
export const DEV_PAGE_HINT = 'Fix the files named above; the page reloads when they are saved.';

/**
 * The error that stops a build or a page with content problems. Its stack is dropped: the stack of the hook or
 * module that found them would only bury the list.
 */
export function contentProblemsError(problems: readonly Problem[], hint: string = BUILD_HINT): AstroError {
  const error = new AstroError(contentProblemsMessage(problems), hint);
  error.stack = '';
  return error;
}

/**
 * How a build hook or loader reports content problems: under `astro dev` (`dev`), logged, so the server keeps
 * running and its pages show the same list in the error overlay until the files are fixed; in a build, thrown.
 * Returns whether there were any, so the caller can skip its own success message.
 */
export function reportContentProblems(
  problems: readonly Problem[],
  { dev, logger, hint }: { dev: boolean; logger: Pick<AstroIntegrationLogger, 'error'>; hint?: string },
): boolean {
  if (!problems.length) return false;
  if (dev) {
    logger.error(contentProblemsMessage(problems));
    return true;
  }
  throw contentProblemsError(problems, hint);
}

/** A short, quoted rendering of a value an author wrote, for "found …". */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
    return visibleQuote(shown);
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : isoDate(value);
  if (Array.isArray(value)) return `a list of ${value.length} ${plural(value.length, 'item')}`;
  if (typeof value === 'object') return 'a mapping of keys';
  return String(value);
}

export function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}

/**
 * A quoted excerpt for a message, with every character that would be invisible or would reorder the terminal's
 * line (zero-width spaces, bidi overrides, controls) written as `\u{…}`, so the message shows what the file holds.
 */
export function visibleQuote(text: string): string {
  return JSON.stringify(text).replace(
    /[\p{Cf}\p{Cc}\u2028\u2029\u3164\u115F\u1160\uFFA0]/gu,
    (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`,
  );
}
