import { describe, expect, test } from 'vitest';
import { countWords, validateEntry } from '../../src/lib/validate-entry.ts';
import { formatProblems, type Problem } from '../../src/lib/problems.ts';
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
    ['a missing field', (fm) => delete fm['summary'], { field: 'summary', expected: 'text', found: 'nothing (the field is missing)' }],
    ['a mistyped number', (fm) => (fm['number'] = 'seven'), { field: 'number', expected: 'a number', found: '"seven"' }],
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
    ['too few examples', (fm) => (fm['examples'] = (fm['examples'] as unknown[]).slice(0, 1)), { field: 'examples', expected: 'at least 2 items', found: '1' }],
    ['too few FAQ entries', (fm) => (fm['faq'] = []), { field: 'faq', expected: 'at least 4 items', found: '0' }],
    ['a summary of two sentences', (fm) => (fm['summary'] = 'It watches endpoints closely. It also records every process start.'), { field: 'summary', expected: 'a single sentence, not several' }],
    ['a summary too short', (fm) => (fm['summary'] = 'Too short.'), { field: 'summary', expected: 'at least 40 characters', found: '10 characters' }],
    ['an unknown relation', (fm) => ((fm['related'] as { relation: string }[])[0]!.relation = 'detected-by'), { field: 'related[0].relation', hint: 'did you mean "detects"?' }],
    ['a source without a URL scheme', (fm) => (fm['sources'] = [{ title: 'x', url: 'attack.mitre.org' }]), { field: 'sources[0].url', expected: 'an http(s) URL' }],
    ['a review date that is not a date', (fm) => (fm['reviewed'] = 'last week'), { field: 'reviewed', expected: 'a date written YYYY-MM-DD' }],
    ['a placeholder', (fm) => (fm['summary'] = 'TBD: someone should write this summary before it ships.'), { field: 'summary', found: 'the placeholder "TBD"' }],
    [
      'an FAQ answer that repeats the summary',
      (fm) => ((fm['faq'] as { answer: string }[])[1]!.answer = 'Sample Term is a made-up term that exists only so the test suite has something to check.'),
      { field: 'faq[1].answer', found: 'an answer that mostly repeats the summary' },
    ],
    ['an FAQ answer that points elsewhere', (fm) => ((fm['faq'] as { answer: string }[])[0]!.answer = 'As detailed above, it depends.'), { field: 'faq[0].answer', found: '"As detailed above"' }],
  ])('reports %s with the field, what was expected and what was found', (_, change, expected) => {
    const problems = problemsOf(change);
    expect(problems).toContainEqual(expect.objectContaining({ file: FILE, ...expected }));
  });

  test('reports malformed MDX in the body with its line', () => {
    const problems = problemsOf(() => {}, `${VALID_BODY}\n\nThe registry key <HKLM is unclosed.`);
    expect(problems).toContainEqual(expect.objectContaining({ field: 'body', expected: expect.stringContaining('valid MDX'), line: expect.any(Number) }));
  });

  test.each([
    ['an unknown component', '<Chart kind="bar" />', { field: 'body', found: 'the unknown component <Chart>' }],
    ['a component with a bad prop', '<Callout type="danger" title="x">\n\nWatch out.\n\n</Callout>', { field: '<Callout> prop "type"', found: '"danger"' }],
    ['an expression', 'It ran {count} times.', { field: 'body', found: '{count}' }],
    ['an import', 'import Chart from "../chart.astro"', { field: 'body', found: '"import Chart from "../chart.astro""' }],
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
    const problems = problemsOf((fm) => ((fm['examples'] as { body: string }[])[0]!.body = 'Click [here](javascript:alert(1)) to see.'));
    expect(problems).toContainEqual(expect.objectContaining({ field: 'examples[0].body', found: expect.stringContaining('"javascript:"') }));
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
