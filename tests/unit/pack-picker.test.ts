import { describe, expect, test } from 'vitest';
import { PACK_FORMATS, packFiles } from '../../src/packs/downloads.ts';
import { ANKI_COLUMNS } from '../../src/packs/exports.ts';
import { MAX_TERMS, type Pack } from '../../src/packs/pack-url.ts';
import {
  addTerms,
  draftText,
  matchesFilter,
  moveTerm,
  packFileStem,
  readDraft,
  removeTerms,
  startingPack,
  termsOfTactic,
} from '../../src/packs/picker.ts';
import { readAnkiRow } from '../helpers/pack-formats.ts';
import { packTerm } from '../helpers/pack-term.ts';

const term = packTerm;

const pack = (slugs: string[], title = ''): Pack => ({ title, slugs });
const catalog = { slugs: ['a', 'b', 'c', 'new-name'], redirects: { 'old-name': 'new-name' } };

describe('addTerms', () => {
  test('appends the terms the pack does not hold, in the order given', () => {
    expect(addTerms(pack(['a']), ['c', 'a', 'b']).slugs).toEqual(['a', 'c', 'b']);
  });

  test(`stops at ${MAX_TERMS} terms`, () => {
    const full = pack(Array.from({ length: MAX_TERMS }, (_, i) => `t${i}`));
    expect(addTerms(full, ['one-more']).slugs).toHaveLength(MAX_TERMS);
  });

  test('keeps the title and seed', () => {
    expect(addTerms({ title: 'Week 3', slugs: [], seed: 7 }, ['a'])).toEqual({
      title: 'Week 3',
      slugs: ['a'],
      seed: 7,
    });
  });
});

describe('removeTerms', () => {
  test('removes every given term and keeps the order of the rest', () => {
    expect(removeTerms(pack(['a', 'b', 'c']), ['a', 'c', 'zz']).slugs).toEqual(['b']);
  });
});

describe('moveTerm', () => {
  test.each([
    ['b', -1, ['b', 'a', 'c']],
    ['b', 1, ['a', 'c', 'b']],
    ['a', -1, ['a', 'b', 'c']],
    ['c', 1, ['a', 'b', 'c']],
    ['zz', 1, ['a', 'b', 'c']],
  ] as const)('moves %s by %d', (slug, by, expected) => {
    expect(moveTerm(pack(['a', 'b', 'c']), slug, by).slugs).toEqual(expected);
  });
});

describe('matchesFilter', () => {
  test.each([
    ['', true],
    ['power', true],
    ['POWERSHELL', true],
    ['pwsh', true],
    ['t1059', true],
    ['T1059.001', true],
    ['power t1059', true],
    ['power bash', false],
    ['interpreter', false],
  ])('%j matches PowerShell: %s', (query, expected) => {
    expect(matchesFilter(term(), query)).toBe(expected);
  });

  test('ignores accents and case', () => {
    expect(matchesFilter(term({ title: 'Exécution', aliases: [] }), 'execution')).toBe(true);
  });
});

describe('termsOfTactic', () => {
  test('picks the terms placed under the tactic, the tactic’s own entry included', () => {
    const terms = [
      term({ slug: 'execution', tactics: ['TA0002'] }),
      term({ slug: 'powershell', tactics: ['TA0002'] }),
      term({ slug: 'scheduled-task', tactics: ['TA0002', 'TA0003'] }),
      term({ slug: 'persistence', tactics: ['TA0003'] }),
      term({ slug: 'edr', tactics: [] }),
    ];
    expect(termsOfTactic(terms, 'TA0002')).toEqual(['execution', 'powershell', 'scheduled-task']);
  });
});

describe('readDraft', () => {
  test('reads back what draftText wrote, following renames and leaving out unknown terms', () => {
    expect(readDraft(draftText(pack(['b', 'old-name', 'gone'], 'Week 3')), catalog)).toEqual({
      title: 'Week 3',
      slugs: ['b', 'new-name'],
    });
  });

  test.each([null, '', 'not json', '[]', 'null', '42', '{"slugs":"a"}', '{"slugs":[1,2]}', '{"title":"x"}'])(
    'ignores %j',
    (stored) => {
      expect(readDraft(stored, catalog)).toBeUndefined();
    },
  );

  test('drops a title that is not text', () => {
    expect(readDraft('{"title":{"x":1},"slugs":["a"]}', catalog)).toEqual({ title: '', slugs: ['a'] });
  });
});

describe('startingPack', () => {
  const draft = pack(['a', 'b'], 'Draft');
  const params = (search: string) => new URLSearchParams(search);

  test('a link with add adds its terms to the draft', () => {
    expect(startingPack(pack(['c', 'a']), params('?terms=c,a&add=1'), draft)).toEqual({
      pack: pack(['a', 'b', 'c'], 'Draft'),
      from: 'added',
    });
  });

  test('a link with add and no draft is the pack it names', () => {
    expect(startingPack(pack(['c']), params('?terms=c&add=1'), undefined)).toEqual({ pack: pack(['c']), from: 'link' });
  });

  test('a plain /packs/ reopens the draft', () => {
    expect(startingPack(pack([]), params(''), draft)).toEqual({ pack: draft, from: 'draft' });
  });

  test('a plain /packs/ with an empty draft is an empty pack', () => {
    expect(startingPack(pack([]), params(''), pack([]))).toEqual({ pack: pack([]), from: 'link' });
  });

  test('any other link is the pack it names, whatever the draft', () => {
    expect(startingPack(pack(['c'], 'Shared'), params('?terms=c&title=Shared'), draft)).toEqual({
      pack: pack(['c'], 'Shared'),
      from: 'link',
    });
  });
});

describe('packFileStem', () => {
  test.each([
    ['Week 3: Execution', 'week-3-execution'],
    ['"><img src=x onerror=alert(1)>', 'img-src-x-onerror-alert-1'],
    ['', 'course-pack'],
    ['🔐', 'course-pack'],
  ])('names files for %j %j', (title, stem) => {
    expect(packFileStem(title)).toBe(stem);
  });
});

describe('packFiles', () => {
  const names = {
    glossary: 'Security Glossary',
    untitled: 'Course pack',
    labels: { example: 'Example:', attack: 'MITRE ATT&CK:', tactics: 'Tactics:', fullEntry: 'Full entry:' },
  };

  test('names each file after the pack and gives it its media type', () => {
    const files = packFiles([term()], { ...names, title: 'Week 3' });
    expect(PACK_FORMATS.map((format) => [files[format].filename, files[format].type])).toEqual([
      ['week-3-moodle.xml', 'application/xml'],
      ['week-3-anki.txt', 'text/plain;charset=utf-8'],
      ['week-3-quizlet.txt', 'text/plain;charset=utf-8'],
      ['week-3.csv', 'text/csv;charset=utf-8'],
    ]);
  });

  test('puts the pack in a deck under the glossary’s, and names the Moodle glossary after the pack', () => {
    const files = packFiles([term()], { ...names, title: 'Week 3' });
    expect(files.anki.text).toContain('\t"Security Glossary::Week 3"\t');
    expect(files.moodle.text).toContain('<NAME>Week 3</NAME>');
  });

  test('an untitled pack gets the generic name', () => {
    const files = packFiles([term()], { ...names, title: '  ' });
    expect(files.moodle.filename).toBe('course-pack-moodle.xml');
    expect(files.anki.text).toContain('"Security Glossary::Course pack"');
    expect(files.moodle.text).toContain('<NAME>Security Glossary: Course pack</NAME>');
  });

  test('a title of digits only is a deck named after it under the glossary’s, never a bare number Anki takes for a deck id', () => {
    const files = packFiles([term()], { ...names, title: '2026' });
    const row = files.anki.text.split('\n').find((line) => line && !line.startsWith('#'))!;
    expect(readAnkiRow(row)[ANKI_COLUMNS.indexOf('Deck')]).toBe('Security Glossary::2026');
    expect(files.anki.filename).toBe('2026-anki.txt');
  });
});
