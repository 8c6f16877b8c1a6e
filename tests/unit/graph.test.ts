import { describe, expect, test } from 'vitest';
import { outgoing, referencedBy } from '../../src/lib/graph.ts';

const terms = [
  { slug: 'edr', related: [{ term: 'execution', relation: 'detects' as const }] },
  { slug: 'execution', related: [{ term: 'persistence', relation: 'precedes' as const }] },
  { slug: 'persistence', related: [] },
];

describe('referencedBy', () => {
  test('lists the terms that name a term, labelled from the named side', () => {
    const incoming = referencedBy(terms);
    expect(incoming.get('execution')).toEqual([{ slug: 'edr', relation: 'detects', label: 'Detected by' }]);
    expect(incoming.get('persistence')).toEqual([{ slug: 'execution', relation: 'precedes', label: 'Comes after' }]);
    expect(incoming.get('edr')).toEqual([]);
  });
});

describe('outgoing', () => {
  test('labels a term’s own links from its side', () => {
    expect(outgoing(terms[0]!)).toEqual([{ slug: 'execution', relation: 'detects', label: 'Detects' }]);
  });
});
