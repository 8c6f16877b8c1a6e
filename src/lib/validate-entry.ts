/**
 * Checks one term file on its own: frontmatter against the schema, the MDX
 * body's syntax, and the quality rules the schema cannot express. Astro stops
 * at the first broken entry; this pass runs over every file first so that an
 * author sees all problems in one go.
 */
import { mdxToMdast } from 'satteri';
import { parse as parseYaml } from 'yaml';
import type { z } from 'astro/zod';
import { termSchema, TERM_KEYS, type TermData } from '../schemas/term.ts';
import { describeValue, type Problem } from './problems.ts';
import { didYouMean } from './suggest.ts';

export const BODY_WORDS = { min: 300, max: 700 } as const;

/** Words that mark an unfinished entry; matched case-insensitively as whole words. */
const PLACEHOLDERS = /\b(TBD|TODO|FIXME|lorem ipsum|coming soon|placeholder text)\b/i;

/** Phrases that point elsewhere instead of answering. */
const FILLER = /\b(as (?:detailed|described|mentioned|explained|noted) (?:above|earlier|previously)|see above)\b/i;

export interface ParsedEntry {
  data: TermData;
  body: string;
}

export type EntryResult = { ok: true; entry: ParsedEntry } | { ok: false; problems: Problem[] };

/** Splits `---` YAML frontmatter from the MDX body. */
export function splitFrontmatter(source: string): { yaml: string; body: string } | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  return match ? { yaml: match[1] ?? '', body: match[2] ?? '' } : undefined;
}

export function validateEntry(file: string, source: string): EntryResult {
  const problems: Problem[] = [];
  const at = (field: string, expected: string, found: string, hint?: string) =>
    problems.push({ file, field, expected, found, ...(hint ? { hint } : {}) });

  const parts = splitFrontmatter(source);
  if (!parts) {
    at('frontmatter', 'a YAML block between two "---" lines at the top of the file', 'none');
    return { ok: false, problems };
  }

  let raw: unknown;
  try {
    raw = parseYaml(parts.yaml);
  } catch (error) {
    at('frontmatter', 'valid YAML', `a syntax error: ${firstLine(error)}`);
    return { ok: false, problems };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    at('frontmatter', 'a mapping of keys such as "title:" and "summary:"', describeValue(raw));
    return { ok: false, problems };
  }

  const parsed = termSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(...issueToProblems(file, issue));
  }

  try {
    const script = firstScriptNode(mdxToMdast(parts.body));
    if (script) at('body', PROSE_ONLY, `${script.what} on line ${bodyLine(source, parts.body, script.line)}`);
  } catch (error) {
    at('body', 'valid MDX (put code, braces and angle brackets in backticks)', `a syntax error at ${firstLine(error)}`);
  }

  const words = countWords(parts.body);
  if (words < BODY_WORDS.min || words > BODY_WORDS.max) {
    at('body', `an explanation of ${BODY_WORDS.min}–${BODY_WORDS.max} words`, `${words} words`);
  }

  const placeholder = PLACEHOLDERS.exec(source);
  if (placeholder) {
    at(fieldOfLine(source, placeholder.index), 'finished text', `the placeholder "${placeholder[1]}"`);
  }

  if (parsed.success) {
    problems.push(...answerProblems(file, parsed.data));
    return problems.length ? { ok: false, problems } : { ok: true, entry: { data: parsed.data, body: parts.body } };
  }
  return { ok: false, problems };
}

// Term bodies are rendered as Markdown when content syncs (see term-loader.ts) and are exported as text, so the
// parts of MDX that need a JavaScript runtime have no place in them.
const PROSE_ONLY = 'Markdown prose without components, {expressions} or import/export lines';

interface MdNode {
  type: string;
  name?: string | null | undefined;
  value?: string | undefined;
  position?: { start: { line: number } } | undefined;
  children?: MdNode[] | undefined;
}

/** The first JSX element, expression or ESM line in an MDX tree, described for an author. */
function firstScriptNode(node: MdNode): { line: number; what: string } | undefined {
  const line = node.position?.start.line ?? 1;
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') return { line, what: `the component <${node.name ?? ''}>` };
  if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') return { line, what: `the expression {${node.value ?? ''}}` };
  if (node.type === 'mdxjsEsm') return { line, what: `the line "${(node.value ?? '').split('\n')[0]}"` };
  for (const child of node.children ?? []) {
    const found = firstScriptNode(child);
    if (found) return found;
  }
  return undefined;
}

/** Converts a line number inside the body into one inside the whole file, which is what an editor shows. */
function bodyLine(source: string, body: string, line: number): number {
  return source.slice(0, source.length - body.length).split('\n').length - 1 + line;
}

/** FAQ answers must add something: not restate the summary, not point "above". */
function answerProblems(file: string, data: TermData): Problem[] {
  const problems: Problem[] = [];
  const summaryWords = new Set(contentWords(data.summary));
  data.faq.forEach(({ answer }, i) => {
    const field = `faq[${i}].answer`;
    const filler = FILLER.exec(answer);
    if (filler) {
      problems.push({ file, field, expected: 'an answer that stands on its own', found: `"${filler[1]}"` });
      return;
    }
    const words = contentWords(answer);
    const shared = words.filter((w) => summaryWords.has(w)).length;
    if (words.length > 0 && shared / words.length >= 0.7) {
      problems.push({
        file,
        field,
        expected: 'an answer that adds information beyond the summary',
        found: 'an answer that mostly repeats the summary',
      });
    }
  });
  return problems;
}

const STOP_WORDS = new Set(
  'a an and are as at be by for from has have in is it its of on or that the this to was were which with'.split(' '),
);

function contentWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9.]+/)
    .filter((w) => w && !STOP_WORDS.has(w));
}

export function countWords(markdown: string): number {
  const text = markdown
    .replace(/^#+\s.*$/gm, ' ')
    .replace(/[`*_>#|-]+/g, ' ')
    .trim();
  return text ? text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length : 0;
}

/** The top-level frontmatter key whose block contains the given offset. */
function fieldOfLine(source: string, offset: number): string {
  const before = source.slice(0, offset).split('\n');
  if (!source.startsWith('---') || before.length <= 1) return 'file';
  const closing = source.indexOf('\n---', 3);
  if (offset > closing) return 'body';
  for (const line of before.reverse()) {
    const key = /^([A-Za-z]+):/.exec(line)?.[1];
    if (key) return key;
  }
  return 'frontmatter';
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

function issueToProblems(file: string, issue: z.core.$ZodIssue): Problem[] {
  const field = pathOf(issue.path) || 'frontmatter';
  const found = describeValue(issue.input);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        file,
        field: pathOf([...issue.path, key]),
        expected: issue.path.length ? 'only the documented keys' : `only the keys ${TERM_KEYS.join(', ')}`,
        found: `the unknown key "${key}"`,
        ...(issue.path.length ? {} : didYouMean(key, TERM_KEYS)),
      }));
    case 'invalid_type':
      return [{ file, field, expected: article(issue.expected), found }];
    case 'invalid_value': {
      const values = issue.values.map(String);
      const hint = typeof issue.input === 'string' ? didYouMean(issue.input, values) : {};
      return [{ file, field, expected: `one of ${values.join(', ')}`, found, ...hint }];
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? 'at least' : 'at most';
      const limit = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const unit =
        issue.origin === 'array'
          ? 'items'
          : issue.origin === 'string'
            ? 'characters'
            : '';
      const size =
        issue.origin === 'array' && Array.isArray(issue.input)
          ? `${issue.input.length}`
          : issue.origin === 'string' && typeof issue.input === 'string'
            ? `${issue.input.length} characters`
            : found;
      return [{ file, field, expected: `${bound} ${String(limit)} ${unit}`.trim(), found: size }];
    }
    default:
      return [{ file, field, expected: issue.message, found }];
  }
}

function article(type: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    array: 'a list',
    object: 'a mapping of keys',
    date: 'a date written YYYY-MM-DD',
    boolean: 'true or false',
  };
  return names[type] ?? type;
}
