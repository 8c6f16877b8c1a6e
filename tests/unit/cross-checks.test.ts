import { describe, expect, test } from 'vitest';
import { crossEntryProblems, type CheckedEntry } from '../../src/lib/cross-checks.ts';

function entry(slug: string, number: number, extra: Partial<CheckedEntry['data']> = {}): CheckedEntry {
  return {
    slug,
    file: `content/terms/${slug}.mdx`,
    data: { title: slug.toUpperCase(), number, aliases: [], related: [], redirectFrom: [], ...extra },
  };
}
const rel = (...slugs: string[]) => slugs.map((term) => ({ term, relation: 'see-also' as const }));

describe('crossEntryProblems', () => {
  test('accepts entries that link to each other', () => {
    expect(crossEntryProblems([entry('a', 1, { related: rel('b') }), entry('b', 2, { related: rel('a') })])).toEqual([]);
  });

  test('reports an empty collection', () => {
    expect(crossEntryProblems([], { contentDir: 'content/terms' })).toEqual([
      { file: 'content/terms', field: 'file', expected: 'at least one term (.mdx file)', found: 'an empty folder' },
    ]);
  });

  test('reports a duplicate number on the second file and names the first, with the next free number', () => {
    expect(crossEntryProblems([entry('a', 4), entry('b', 4)])).toEqual([
      {
        file: 'content/terms/b.mdx',
        field: 'number',
        expected: 'a catalog number no other term uses',
        found: '4, already used by content/terms/a.mdx',
        hint: 'the next free number is 5',
      },
    ]);
  });

  test('reports a title or alias used twice across terms, ignoring case', () => {
    const problems = crossEntryProblems([entry('edr', 1, { aliases: ['Endpoint Detection and Response'] }), entry('xdr', 2, { aliases: ['endpoint detection AND response'] })]);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'content/terms/xdr.mdx',
        field: 'aliases[0]',
        found: '"endpoint detection AND response", already a name of content/terms/edr.mdx',
      }),
    ]);
  });

  test('reports a related slug that does not exist and suggests the closest one', () => {
    const problems = crossEntryProblems([entry('execution', 1, { related: rel('cyber-kil-chain') }), entry('cyber-kill-chain', 2)]);
    expect(problems).toEqual([
      {
        file: 'content/terms/execution.mdx',
        field: 'related[0].term',
        expected: 'the slug of an existing term (a file name in content/terms without .mdx)',
        found: '"cyber-kil-chain", which does not exist',
        hint: 'did you mean "cyber-kill-chain"?',
      },
    ]);
  });

  test('reports a term related to itself', () => {
    expect(crossEntryProblems([entry('a', 1, { related: rel('a') })])).toEqual([
      expect.objectContaining({ field: 'related[0].term', found: '"a", this term itself' }),
    ]);
  });

  test('reports an ATT&CK ID used twice in one domain, but not across domains', () => {
    const attack = (id: string, domain: 'enterprise' | 'mobile') => ({ id, domain, kind: 'tactic' as const });
    expect(crossEntryProblems([entry('a', 1, { attack: attack('TA0002', 'enterprise') }), entry('b', 2, { attack: attack('TA0002', 'enterprise') })])).toEqual([
      expect.objectContaining({ file: 'content/terms/b.mdx', field: 'attack.id', found: 'TA0002, already the ID of content/terms/a.mdx' }),
    ]);
    expect(crossEntryProblems([entry('a', 1, { attack: attack('TA0002', 'enterprise') }), entry('b', 2, { attack: attack('TA0002', 'mobile') })])).toEqual([]);
  });

  test('reports a former slug that is another term’s current slug', () => {
    expect(crossEntryProblems([entry('a', 1, { redirectFrom: ['b'] }), entry('b', 2)])).toEqual([
      expect.objectContaining({ file: 'content/terms/a.mdx', field: 'redirectFrom[0]', found: '"b", already the URL of content/terms/b.mdx' }),
    ]);
  });
});
