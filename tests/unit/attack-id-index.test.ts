import { describe, expect, test } from 'vitest';
import { attackIdIndex, type IndexedTerm } from '../../src/attack/id-index.ts';
import { urls } from '../../src/links/urls.ts';

const term = (slug: string, title: string, attack?: IndexedTerm['attack'], aliases: string[] = []): IndexedTerm => ({
  slug,
  title,
  aliases,
  ...(attack ? { attack } : {}),
});

const TERMS: IndexedTerm[] = [
  term('powershell', 'PowerShell', { id: 'T1059.001', domain: 'enterprise', kind: 'sub-technique' }, [
    'T1059.001',
    'T1086',
    'pwsh',
  ]),
  term(
    'command-and-scripting-interpreter',
    'Command and Scripting Interpreter',
    { id: 'T1059', domain: 'enterprise', kind: 'technique' },
    ['T1059', 'T1064'],
  ),
  term('cobalt-strike', 'Cobalt Strike', { id: 'S0154', domain: 'enterprise', kind: 'software' }),
  term('execution-prevention', 'Execution Prevention', { id: 'M1038', domain: 'enterprise', kind: 'mitigation' }, [
    'M0938',
  ]),
  term('execution', 'Execution', { id: 'TA0002', domain: 'enterprise', kind: 'tactic' }, ['TA0041']),
  term('initial-access', 'Initial Access', { id: 'TA0001', domain: 'enterprise', kind: 'tactic' }),
  term('phishing', 'Phishing', { id: 'T1566', domain: 'enterprise', kind: 'technique' }, ['T1566.002', 'T1192']),
  term('edr', 'EDR'),
];
const index = attackIdIndex(TERMS);

describe('attackIdIndex', () => {
  test('groups IDs as tactics, techniques with sub-techniques, mitigations, software, then former IDs, each in ID order', () => {
    expect(index.map((g) => [g.group, g.rows.map((r) => r.id)])).toEqual([
      ['tactics', ['TA0001', 'TA0002']],
      ['techniques', ['T1059', 'T1059.001', 'T1566']],
      ['mitigations', ['M1038']],
      ['software', ['S0154']],
      ['former', ['T1064', 'T1086', 'T1192']],
    ]);
  });

  test('names each ID as MITRE does and leads it to its entry', () => {
    const powershell = index[1]!.rows.find((r) => r.id === 'T1059.001');
    expect(powershell).toMatchObject({
      name: 'PowerShell',
      kind: 'sub-technique',
      parent: 'T1059',
      term: { slug: 'powershell', title: 'PowerShell' },
    });
    expect(index[3]!.rows[0]).toMatchObject({ name: 'Cobalt Strike', term: { slug: 'cobalt-strike' } });
  });

  test('lists a revoked former ID with its successor, and a deprecated one as having none', () => {
    const former = index.find((g) => g.group === 'former')!.rows;
    expect(former.find((r) => r.id === 'T1086')).toMatchObject({
      name: 'PowerShell',
      revoked: true,
      revokedBy: { id: 'T1059.001', name: 'PowerShell' },
      term: { slug: 'powershell' },
    });
    expect(former.find((r) => r.id === 'T1192')).toMatchObject({
      revokedBy: { id: 'T1566.002', name: 'Spearphishing Link' },
      term: { slug: 'phishing' },
    });
    expect(former.find((r) => r.id === 'T1064')).toMatchObject({
      name: 'Scripting',
      deprecated: true,
      term: { slug: 'command-and-scripting-interpreter' },
    });
    expect(former.find((r) => r.id === 'T1064')?.revoked).toBeUndefined();
  });

  test('leaves out aliases that are current IDs, of this or another matrix, and words that are not IDs', () => {
    const all = index.flatMap((g) => g.rows.map((r) => r.id));
    for (const id of ['T1566.002', 'TA0041', 'M0938', 'pwsh']) expect(all).not.toContain(id);
    expect(all.filter((id) => id === 'T1059.001')).toHaveLength(1);
  });
});

describe('urls.attackIds', () => {
  test('is the documented address of the index', () => {
    expect(urls.attackIds()).toBe('/attack/ids/');
  });
});
