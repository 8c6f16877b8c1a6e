import { describe, expect, test } from 'vitest';
import { exampleAnchor, faqAnchor, slugify, urls, withBase } from '../../src/links/urls.ts';
import { mitreUrl } from '../../src/attack/ids.ts';
import { groupByLetter, letterAnchor } from '../../src/catalog/alphabet.ts';
import { exactTitleFirst, pickSubResults } from '../../src/search/ranking.ts';
import { attackIdPaths } from '../../src/attack/ids.ts';

describe('withBase', () => {
  test.each([
    ['/terms/execution/', '/', '/terms/execution/'],
    ['/terms/execution/', '/glossary/', '/glossary/terms/execution/'],
    ['terms/', '/glossary', '/glossary/terms/'],
  ])('puts %s under base %s', (path, base, expected) => {
    expect(withBase(path, base)).toBe(expected);
  });
});

describe('urls', () => {
  test('follow the documented URL contract', () => {
    expect(urls.term('execution')).toBe('/terms/execution/');
    expect(urls.category('attack-tactics')).toBe('/categories/attack-tactics/');
    expect(urls.attack('TA0002')).toBe('/attack/TA0002/');
    expect(urls.search('T1059 & more')).toBe('/search/?q=T1059%20%26%20more');
  });
});

describe('anchors', () => {
  test('an FAQ anchor is stable, readable and free of punctuation', () => {
    expect(faqAnchor('How is Execution different from Initial Access?')).toBe(
      'faq-how-is-execution-different-from-initial-access',
    );
    expect(faqAnchor('What does ATT&CK’s “T1059” cover?')).toBe('faq-what-does-att-and-ck-s-t1059-cover');
    expect(exampleAnchor(0)).toBe('example-1');
  });
  test('slugify keeps only lower-case words', () => {
    expect(slugify('  Défense -- Évasion!  ')).toBe('defense-evasion');
  });
});

describe('mitreUrl', () => {
  test.each([
    ['TA0002', 'tactic', 'https://attack.mitre.org/tactics/TA0002/'],
    ['T1059.001', 'sub-technique', 'https://attack.mitre.org/techniques/T1059/001/'],
    ['M1038', 'mitigation', 'https://attack.mitre.org/mitigations/M1038/'],
    ['S0154', 'software', 'https://attack.mitre.org/software/S0154/'],
  ] as const)('links %s to its page on attack.mitre.org', (id, kind, url) => {
    expect(mitreUrl({ id, kind })).toBe(url);
  });
});

describe('groupByLetter', () => {
  test('groups A–Z ignoring case and puts other first characters under # at the end', () => {
    const groups = groupByLetter([{ title: 'execution' }, { title: 'AMSI' }, { title: '3DES' }, { title: 'EDR' }]);
    expect(groups.map((g) => [g.letter, g.items.map((i) => i.title)])).toEqual([
      ['A', ['AMSI']],
      ['E', ['EDR', 'execution']],
      ['#', ['3DES']],
    ]);
    expect(letterAnchor('#')).toBe('letter-other');
  });
});

describe('pickSubResults', () => {
  const page = '/terms/x/';
  const subs = [
    { title: 'X', url: '/terms/x/' },
    { title: 'How it works', url: '/terms/x/#how-it-works' },
    { title: 'Which tactic does PowerShell serve?', url: '/terms/x/#faq-which-tactic' },
    { title: 'Examples', url: '/terms/x/#examples' },
  ];
  test('keeps anchored sections of the page, those mentioning the query first', () => {
    expect(pickSubResults(subs, page, 'powershell', 2).map((s) => s.url)).toEqual([
      '/terms/x/#faq-which-tactic',
      '/terms/x/#how-it-works',
    ]);
  });
});

describe('attackIdPaths', () => {
  test.each([
    ['TA0002', ['TA0002', 'ta0002']],
    ['T1059.001', ['T1059.001', 't1059.001', 'T1059/001', 't1059/001']],
  ])('gives every pasted form of %s', (id, forms) => {
    expect(attackIdPaths(id)).toEqual(forms);
  });
});

describe('exactTitleFirst', () => {
  const r = (title: string) => ({ meta: { title } });
  test('moves the entry whose title is the query to the top, ignoring case, spaces around it and the qualifier', () => {
    expect(
      exactTitleFirst(
        [r('PowerShell (MITRE Sub-technique)'), r('Windows Command Shell (MITRE Sub-technique)'), r('Sysmon')],
        ' windows command shell ',
      ).map((x) => x.meta.title),
    ).toEqual(['Windows Command Shell (MITRE Sub-technique)', 'PowerShell (MITRE Sub-technique)', 'Sysmon']);
  });
  test('also moves an entry one of whose other names is the query', () => {
    const at = { meta: { title: 'At (MITRE Sub-technique)', aliases: 'T1053.002. At (Windows). at command.' } };
    expect(exactTitleFirst([r('Command and Scripting Interpreter'), at], 'At command')[0]).toBe(at);
    expect(exactTitleFirst([r('Attack Surface Reduction'), at], 'at (windows)')[0]).toBe(at);
  });

  test('keeps Pagefind order when no title matches exactly', () => {
    expect(exactTitleFirst([r('B'), r('A')], 'shell').map((x) => x.meta.title)).toEqual(['B', 'A']);
  });
});
