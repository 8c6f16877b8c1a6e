/**
 * Checks one term file on its own: frontmatter against the schema, the MDX
 * body (components, props, links, headings; see markdown/body.ts), and the
 * quality rules the schema cannot express. What the check learns of the body
 * (headings, links, words) travels with the result; `@astrojs/mdx` compiles
 * only bodies that passed. Astro stops at the first broken entry; this pass
 * runs over every file first so that an author sees all problems in one go.
 */
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'astro/zod';
import { termSchema, TERM_KEYS, type TermData } from '../schemas/term.ts';
import { describeValue, type Problem } from './problems.ts';
import { didYouMean } from '../text/suggest.ts';
import { checkBody, countWords, type CheckedBody, type GlossaryIndex } from '../markdown/body.ts';
import { inlineHtml, parseInline, parsedInlineProblems, type ParsedInline } from '../markdown/inline.ts';
import { aliasAttackProblem, attackIdsInText, ownAttackProblems } from '../attack/checks.ts';
import { attackObject } from '../attack/data.ts';
import { faqAnchor } from '../links/urls.ts';
import { ATTACK_ID_PATTERN } from '../attack/ids.ts';

export { countWords };

export const BODY_WORDS = { min: 300, max: 700 } as const;

/** The longest body, in characters: four times the longest in the glossary. Words alone would let one 5 MB "word" through. */
export const BODY_MAX_CHARACTERS = 20_000;

/** Frontmatter fields of prose, where line breaks and tabs are part of the text. */
const PROSE_FIELDS = /^(?:summary|examples\[\d+\]\.body|faq\[\d+\]\.answer)$/;

const CONTROL_NAMES: Record<number, string> = {
  0x00: 'NUL',
  0x07: 'bell',
  0x08: 'backspace',
  0x09: 'tab',
  0x0a: 'line break',
  0x0b: 'vertical tab',
  0x0c: 'form feed',
  0x0d: 'carriage return',
  0x1b: 'escape',
  0x7f: 'delete',
};

/** "U+0007 (bell)": a control character named so an author can find it, since editors rarely show it. */
export function describeControl(char: string): string {
  const code = char.codePointAt(0)!;
  const name = CONTROL_NAMES[code];
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}${name ? ` (${name})` : ''}`;
}

/** The first control character in `text` that is not allowed there (line breaks and tabs are, in prose; CRLF always is). */
function firstControl(text: string, prose: boolean): { char: string; index: number } | undefined {
  for (const match of text.matchAll(/\p{Cc}/gu)) {
    const char = match[0];
    if (prose && (char === '\n' || char === '\t')) continue;
    if (prose && char === '\r' && text[match.index + 1] === '\n') continue;
    return { char, index: match.index };
  }
  return undefined;
}

/** Words that mark an unfinished entry; matched case-insensitively as whole words. */
const PLACEHOLDERS = /\b(TBD|TODO|FIXME|lorem ipsum|coming soon|placeholder text)\b/i;

/** Phrases that point elsewhere instead of answering. */
const FILLER = /\b(as (?:detailed|described|mentioned|explained|noted) (?:above|earlier|previously)|see above)\b/i;

export interface ParsedEntry {
  data: TermData;
  body: CheckedBody;
  /** The HTML of each example's body and each FAQ answer, in order: rendered here, once, like the body. */
  prose: ProseHtml;
}

export interface ProseHtml {
  examples: string[];
  answers: string[];
}

export type EntryResult = { ok: true; entry: ParsedEntry; warnings: Problem[] } | { ok: false; problems: Problem[] };

/** Splits `---` YAML frontmatter from the MDX body. */
export function splitFrontmatter(source: string): { yaml: string; body: string } | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  return match ? { yaml: match[1] ?? '', body: match[2] ?? '' } : undefined;
}

/**
 * The file with its frontmatter emptied to its line breaks: the body stays on the same lines, so MDX's errors name
 * the lines an author sees. Line breaks alone, not spaces: @astrojs/mdx still parses what stands between the fences
 * as YAML, and a few kilobytes of spaces per file cost it 0.7–1.3 s at 5,000 terms, against 0.1 s for the breaks.
 */
export function withoutFrontmatter(source: string): string {
  return source.replace(
    /^(---\r?\n)([\s\S]*?)(\r?\n---(?:\r?\n|$))/,
    (_, open: string, yaml: string, close: string) => open + yaml.replace(/[^\r\n]/g, '') + close,
  );
}

export interface FrontmatterResult {
  /** The schema's output when the frontmatter is valid. */
  data?: TermData;
  /** Whatever the YAML held, for entries that fail the schema but still have a title. */
  raw?: unknown;
  problems: Problem[];
  body: string;
  /** Line of the file on which the body starts. */
  bodyLine: number;
  /** Examples' bodies and FAQ answers, parsed once (with `data`): checked here, linked and rendered by validateEntry. */
  prose?: { examples: ParsedInline[]; answers: ParsedInline[] };
}

/** Parses and validates the frontmatter alone (the first pass: every title must be known before bodies link). */
export function parseFrontmatter(file: string, source: string): FrontmatterResult {
  const problems: Problem[] = [];
  const at = (field: string, expected: string, found: string, line?: number, hint?: string) =>
    problems.push({ file, field, expected, found, ...(line ? { line } : {}), ...(hint ? { hint } : {}) });

  const parts = splitFrontmatter(source);
  if (!parts) {
    at('frontmatter', 'a YAML block between two "---" lines at the top of the file', 'none');
    return { problems, body: '', bodyLine: 1 };
  }
  const bodyLine = source.slice(0, source.length - parts.body.length).split('\n').length;
  const lines = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  let raw: unknown;
  try {
    doc = parseDocument(parts.yaml, { lineCounter: lines, prettyErrors: false });
    if (doc.errors.length) {
      const error = doc.errors[0]!;
      const line = lines.linePos(error.pos[0]).line + 1;
      at('frontmatter', 'valid YAML', `a syntax error: ${error.message.split('\n')[0]}`, line);
      return { problems, body: parts.body, bodyLine };
    }
    // The yaml library stops an alias bomb ("billion laughs") here by throwing: it is a problem with this file.
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    at(
      'frontmatter',
      'YAML that the parser can read',
      `an error while reading it: ${String(error instanceof Error ? error.message : error)
        .split('\n')[0]!
        .slice(0, 160)}`,
    );
    return { problems, body: parts.body, bodyLine };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    at('frontmatter', 'a mapping of keys such as "title:" and "summary:"', describeValue(raw), 2);
    return { problems, body: parts.body, bodyLine };
  }
  // The line of a field in the file (the YAML starts on line 2), or of its nearest parent that exists.
  const lineOf = (path: readonly PropertyKey[]): number => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) return lines.linePos(node.range[0]).line + 1;
    }
    return 2;
  };

  // Control characters are invisible in editors and break what reads the text later (the link-preview drawing
  // stopped the build on one, naming neither file nor field), so every string in the frontmatter is checked.
  const visitStrings = (value: unknown, path: PropertyKey[]): void => {
    if (typeof value === 'string') {
      const field = pathOf(path);
      const prose = PROSE_FIELDS.test(field);
      const control = firstControl(value, prose);
      if (control) {
        const spacing = control.char === '\t' || control.char === '\n' || control.char === '\r';
        at(
          field,
          prose
            ? 'text without control characters other than line breaks and tabs'
            : 'text without control characters (no tabs or line breaks either)',
          `${describeValue(value)}, which holds the control character ${describeControl(control.char)} at character ${control.index + 1}`,
          lineOf(path),
          spacing ? 'replace it with a space' : 'delete it: most editors do not show it',
        );
      }
    } else if (Array.isArray(value)) value.forEach((item, i) => visitStrings(item, [...path, i]));
    else if (value !== null && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) visitStrings(item, [...path, key]);
  };
  visitStrings(raw, []);

  const parsed = termSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      for (const problem of issueToProblems(file, issue)) {
        const key = issue.code === 'unrecognized_keys' ? [...issue.path, problem.field.split('.').pop()!] : issue.path;
        problems.push({ ...problem, line: lineOf(key) });
      }
    }
    return { raw, problems, body: parts.body, bodyLine };
  }
  const data = parsed.data;
  const prose = {
    examples: data.examples.map((e) => parseInline(e.body)),
    answers: data.faq.map((f) => parseInline(f.answer)),
  };
  const proseFields: [string, string, ParsedInline, PropertyKey[]][] = [
    ...data.examples.map((e, i): [string, string, ParsedInline, PropertyKey[]] => [
      `examples[${i}].body`,
      e.body,
      prose.examples[i]!,
      ['examples', i, 'body'],
    ]),
    ...data.faq.map((f, i): [string, string, ParsedInline, PropertyKey[]] => [
      `faq[${i}].answer`,
      f.answer,
      prose.answers[i]!,
      ['faq', i, 'answer'],
    ]),
  ];
  for (const [field, text, parsedText, path] of proseFields) {
    for (const p of parsedInlineProblems(parsedText)) problems.push({ file, field, ...p, line: lineOf(path) });
    for (const { id: _id, ...p } of attackIdsInText(text)) problems.push({ file, field, ...p, line: lineOf(path) });
  }
  if (data.attack) {
    for (const p of ownAttackProblems(data.attack, data.title, data.aliases))
      problems.push({ file, ...p, line: lineOf(p.field.split('.')) });
  }
  // Aliases are where former IDs belong, so a retired ID is fine there; one MITRE never had is not.
  data.aliases.forEach((alias, i) => {
    if (ATTACK_ID_PATTERN.test(alias) && !attackObject(alias)) {
      problems.push({
        file,
        field: `aliases[${i}]`,
        expected: "ATT&CK IDs that exist in MITRE's data",
        found: `"${alias}"`,
        line: lineOf(['aliases', i]),
      });
      return;
    }
    const problem = aliasAttackProblem(alias, data);
    if (problem) problems.push({ file, field: `aliases[${i}]`, ...problem, line: lineOf(['aliases', i]) });
  });
  problems.push(...answerProblems(file, data).map((p) => ({ ...p, line: lineOf(pathFromField(p.field)) })));
  problems.push(...faqAnchorProblems(file, data).map((p) => ({ ...p, line: lineOf(pathFromField(p.field)) })));
  return { data, raw, problems, body: parts.body, bodyLine, prose };
}

export interface ValidateOptions {
  /** The other entries, for links; without it, any `<Term>` link is reported as unknown. */
  index?: GlossaryIndex;
  slug?: string;
  base?: string;
}

export function validateEntry(
  file: string,
  source: string,
  options: ValidateOptions = {},
  frontmatter = parseFrontmatter(file, source),
): EntryResult {
  const problems = [...frontmatter.problems];
  const index = options.index ?? { terms: new Map() };
  const slug =
    options.slug ??
    file
      .split('/')
      .pop()!
      .replace(/\.mdx$/, '');
  if (frontmatter.prose) {
    // Links in frontmatter prose to /terms/<slug>/ need the other entries; parseFrontmatter checked the rest.
    const { examples, answers } = frontmatter.prose;
    const linked = (parsed: ParsedInline) => parsedInlineProblems(parsed, { policy: false, terms: index.terms });
    examples.forEach((parsed, i) =>
      linked(parsed).forEach((p) => problems.push({ file, field: `examples[${i}].body`, ...p })),
    );
    answers.forEach((parsed, i) =>
      linked(parsed).forEach((p) => problems.push({ file, field: `faq[${i}].answer`, ...p })),
    );
  }
  if (!splitFrontmatter(source)) return { ok: false, problems };

  if (frontmatter.body.length > BODY_MAX_CHARACTERS) {
    // Not compiled: parsing megabytes of MDX only to report more would keep the author waiting.
    problems.push({
      file,
      field: 'body',
      expected: `a body of at most ${BODY_MAX_CHARACTERS.toLocaleString('en')} characters`,
      found: `${frontmatter.body.length.toLocaleString('en')} characters`,
    });
    return { ok: false, problems };
  }
  const control = firstControl(frontmatter.body, true);
  if (control) {
    problems.push({
      file,
      field: 'body',
      line: frontmatter.bodyLine + frontmatter.body.slice(0, control.index).split('\n').length - 1,
      expected: 'text without control characters other than line breaks and tabs',
      found: `the control character ${describeControl(control.char)}`,
      hint: 'delete it: most editors do not show it',
    });
  }

  const body = checkBody(frontmatter.body, { ...index, slug });
  const toFile = (line: number) => frontmatter.bodyLine + line - 1;
  for (const p of body.problems)
    problems.push({
      file,
      field: p.field,
      expected: p.expected,
      found: p.found,
      line: toFile(p.line),
      ...(p.hint ? { hint: p.hint } : {}),
    });

  if (
    !body.problems.some((p) => p.found.startsWith('a syntax error')) &&
    (body.words < BODY_WORDS.min || body.words > BODY_WORDS.max)
  ) {
    problems.push({
      file,
      field: 'body',
      expected: `an explanation of ${BODY_WORDS.min}–${BODY_WORDS.max} words`,
      found: `${body.words} words`,
    });
  }

  const placeholder = PLACEHOLDERS.exec(source);
  if (placeholder) {
    const line = source.slice(0, placeholder.index).split('\n').length;
    problems.push({
      file,
      field: fieldOfLine(source, placeholder.index),
      expected: 'finished text',
      found: `the placeholder "${placeholder[1]}"`,
      line,
    });
  }

  if (problems.length || !frontmatter.data) return { ok: false, problems };
  const warnings = body.unlinked.map((m): Problem => ({
    file,
    field: 'body',
    line: toFile(m.line),
    expected: `the first mention of "${m.text}" linked`,
    found: 'plain text',
    hint: `write <Term slug="${m.slug}">${m.text}</Term>`,
  }));
  const base = options.base ?? '/';
  const prose: ProseHtml = {
    examples: frontmatter.prose!.examples.map((parsed) => inlineHtml(parsed, base)),
    answers: frontmatter.prose!.answers.map((parsed) => inlineHtml(parsed, base)),
  };
  return { ok: true, entry: { data: frontmatter.data, body, prose }, warnings };
}

function pathFromField(field: string): PropertyKey[] {
  return [...field.matchAll(/([A-Za-z]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

/**
 * Each FAQ answer has the anchor `#faq-<question>` (URL contract). Two questions with the same anchor would share
 * one link, and a question with no letter or digit a–z/0–9 would get the empty anchor `#faq-`.
 */
function faqAnchorProblems(file: string, data: TermData): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  data.faq.forEach(({ question }, i) => {
    const field = `faq[${i}].question`;
    const anchor = faqAnchor(question);
    const first = seen.get(anchor);
    if (anchor === 'faq-') {
      problems.push({
        file,
        field,
        expected: 'a question with letters or digits a–z or 0–9, from which its anchor (#faq-…) is made',
        found: `${describeValue(question)}, which gives an empty anchor`,
        hint: 'write the question in English',
      });
    } else if (first !== undefined) {
      problems.push({
        file,
        field,
        expected: 'a question whose anchor no other question of this entry has',
        found: `${describeValue(question)}, which gives #${anchor}, the anchor of faq[${first}].question ${describeValue(data.faq[first]!.question)}`,
        hint: 'reword one of the two questions, or merge them',
      });
    } else seen.set(anchor, i);
  });
  return problems;
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

function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

/** A schema issue in the project's words: field, expected, found, and a hint when the fix can be guessed. */
export function issueToProblems(file: string, issue: z.core.$ZodIssue): Problem[] {
  const field = pathOf(issue.path) || 'frontmatter';
  const found = describeValue(issue.input);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        file,
        field: pathOf([...issue.path, key]),
        expected: issue.path.length ? 'only the documented keys' : `only the keys ${TERM_KEYS.join(', ')}`,
        found: `the unknown key ${JSON.stringify(key)}`,
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
      const unit = issue.origin === 'array' ? 'items' : issue.origin === 'string' ? 'characters' : '';
      const size =
        issue.origin === 'array' && Array.isArray(issue.input)
          ? `${issue.input.length}`
          : issue.origin === 'string' && typeof issue.input === 'string'
            ? `${issue.input.length} characters`
            : found;
      return [{ file, field, expected: `${bound} ${String(limit)} ${unit}`.trim(), found: size }];
    }
    case 'custom': {
      // A refinement may say what it found and how to fix it (see the review date in schemas/term.ts).
      const params = (issue.params ?? {}) as { found?: string; hint?: string };
      return [
        {
          file,
          field,
          expected: issue.message,
          found: params.found ?? found,
          ...(params.hint ? { hint: params.hint } : {}),
        },
      ];
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
