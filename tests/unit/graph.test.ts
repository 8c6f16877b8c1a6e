import { describe, expect, test } from 'vitest';
import { relationLabel, relationsByTerm, type End, type GraphTerm } from '../../src/catalog/graph.ts';
import { RELATION_KEYS, type Relation } from '../../src/schemas/vocabulary.ts';

const link = (term: string, relation: Relation) => ({ term, relation });
const labels = (terms: GraphTerm[], slug: string) =>
  relationsByTerm(terms)
    .get(slug)!
    .map((e) => `${e.label}: ${e.slug}`);

describe('relationLabel', () => {
  test.each<[Relation, string, string]>([
    ['part-of', 'Part of', 'Contains'],
    ['precedes', 'Next step', 'Previous step'],
    ['detects', 'Detects', 'Detected by'],
    ['counters', 'Counters', 'Countered by'],
    ['often-confused-with', 'Often confused with', 'Often confused with'],
    ['see-also', 'See also', 'See also'],
  ])('labels "%s" as "%s" on the stating page and "%s" on the named page', (relation, source, target) => {
    expect(relationLabel(relation, 'source')).toBe(source);
    expect(relationLabel(relation, 'target')).toBe(target);
  });

  test('has exactly the relations above, in display order', () => {
    expect(RELATION_KEYS).toEqual(['part-of', 'precedes', 'detects', 'counters', 'often-confused-with', 'see-also']);
  });

  test.each<[End, string]>([
    ['source', 'Often leads to'],
    ['target', 'Often follows'],
  ])('between two tactics labels the %s end of "precedes" "%s"', (end, label) => {
    expect(relationLabel('precedes', end, true)).toBe(label);
  });

  test('keeps the general wording of every other relation between two tactics', () => {
    expect(relationLabel('part-of', 'target', true)).toBe('Contains');
    expect(relationLabel('see-also', 'source', true)).toBe('See also');
  });
});

describe('relationsByTerm', () => {
  test('shows a link on both pages, each labelled from its own side', () => {
    const terms = [
      { slug: 'amsi', related: [link('powershell', 'detects')] },
      { slug: 'powershell', related: [] },
    ];
    expect(relationsByTerm(terms).get('amsi')).toEqual([
      { slug: 'powershell', relation: 'detects', end: 'source', label: 'Detects' },
    ]);
    expect(relationsByTerm(terms).get('powershell')).toEqual([
      { slug: 'amsi', relation: 'detects', end: 'target', label: 'Detected by' },
    ]);
  });

  test.each<[string, GraphTerm[], string, string[]]>([
    [
      'says "tactic" when both ends are ATT&CK tactics',
      [
        { slug: 'initial-access', attack: { kind: 'tactic' }, related: [link('execution', 'precedes')] },
        { slug: 'execution', attack: { kind: 'tactic' }, related: [link('persistence', 'precedes')] },
        { slug: 'persistence', attack: { kind: 'tactic' }, related: [] },
      ],
      'execution',
      ['Often follows: initial-access', 'Often leads to: persistence'],
    ],
    [
      'says "step" when one end is not a tactic',
      [
        { slug: 'phishing', attack: { kind: 'technique' }, related: [link('user-execution', 'precedes')] },
        { slug: 'user-execution', attack: { kind: 'technique' }, related: [] },
        { slug: 'execution', attack: { kind: 'tactic' }, related: [link('persistence', 'precedes')] },
        { slug: 'persistence', related: [] },
      ],
      'user-execution',
      ['Previous step: phishing'],
    ],
    [
      'says "step" for a tactic whose neighbour has no ATT&CK kind',
      [
        { slug: 'execution', attack: { kind: 'tactic' }, related: [link('persistence', 'precedes')] },
        { slug: 'persistence', related: [] },
      ],
      'execution',
      ['Next step: persistence'],
    ],
  ])('%s', (_, terms, slug, expected) => {
    expect(labels(terms, slug)).toEqual(expected);
  });

  test('orders part-of, steps (earlier first), detects, counters, confusions, then see-also', () => {
    const terms = [
      {
        slug: 'powershell',
        related: [
          link('cobalt-strike', 'see-also'),
          link('cmd', 'often-confused-with'),
          link('interpreter', 'part-of'),
          link('payload', 'precedes'),
        ],
      },
      { slug: 'amsi', related: [link('powershell', 'detects')] },
      { slug: 'clm', related: [link('powershell', 'counters')] },
      { slug: 'macro', related: [link('powershell', 'precedes')] },
      { slug: 'encoded-command', related: [link('powershell', 'part-of')] },
      { slug: 'wmi', related: [link('powershell', 'see-also')] },
      ...['cobalt-strike', 'cmd', 'interpreter', 'payload'].map((slug) => ({ slug, related: [] })),
    ];
    expect(labels(terms, 'powershell')).toEqual([
      'Part of: interpreter',
      'Contains: encoded-command',
      'Previous step: macro',
      'Next step: payload',
      'Detected by: amsi',
      'Countered by: clm',
      'Often confused with: cmd',
      'See also: cobalt-strike',
      'See also: wmi',
    ]);
  });

  test('lists a symmetric link stated in both files once, on each page', () => {
    const terms = [
      { slug: 'edr', related: [link('antivirus', 'often-confused-with')] },
      { slug: 'antivirus', related: [link('edr', 'often-confused-with')] },
    ];
    expect(labels(terms, 'edr')).toEqual(['Often confused with: antivirus']);
    expect(labels(terms, 'antivirus')).toEqual(['Often confused with: edr']);
  });

  test('ignores links to terms that do not exist and to the term itself', () => {
    const terms = [{ slug: 'edr', related: [link('edr', 'see-also'), link('xdr', 'part-of')] }];
    expect(labels(terms, 'edr')).toEqual([]);
  });
});
