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

/** One line per problem, grouped by file, ending in a one-line summary. */
export function formatProblems(problems: readonly Problem[]): string {
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
  lines.push(
    `${problems.length} ${plural(problems.length, 'problem')} in ${files} ${plural(files, 'file')}: fix them and build again.`,
  );
  return lines.join('\n');
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
  return JSON.stringify(text).replace(/[\p{Cf}\p{Cc}\u2028\u2029\u3164\u115F\u1160\uFFA0]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`);
}
