import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  applyOverlay,
  compareVersions,
  formatDataset,
  readStixBundle,
  type AttackDataset,
  type AttackOverlay,
  type StixBundle,
} from '../../src/attack/stix.ts';

const bundle: StixBundle = JSON.parse(
  readFileSync(new URL('../fixtures/attack/mini-bundle.json', import.meta.url), 'utf8'),
);
const dataset = readStixBundle(bundle, { source: 'fixture' });
const record = (id: string, data: AttackDataset = dataset) => data.objects.find((r) => r.id === id);

describe('readStixBundle', () => {
  test('reads the ATT&CK version and release date from the collection and the domain from the matrix', () => {
    expect(dataset).toMatchObject({
      domain: 'enterprise',
      attackVersion: '18.1',
      released: '2025-11-13',
      source: 'fixture',
    });
  });

  test('orders tactics as the matrix lists them, not by ID', () => {
    expect(dataset.matrix).toEqual(['TA0002', 'TA0003', 'TA0005']);
    expect(record('TA0005')).toEqual({
      id: 'TA0005',
      name: 'Defense Evasion',
      kind: 'tactic',
      shortname: 'defense-evasion',
      url: 'https://attack.mitre.org/tactics/TA0005',
    });
  });

  test('gives a technique its tactics in matrix order and ignores other kill chains', () => {
    expect(record('T1053')?.tactics).toEqual(['TA0002', 'TA0003']);
  });

  test('files a sub-technique under its parent technique', () => {
    expect(record('T1059.001')).toEqual({
      id: 'T1059.001',
      name: 'PowerShell',
      kind: 'sub-technique',
      tactics: ['TA0002'],
      parent: 'T1059',
      url: 'https://attack.mitre.org/techniques/T1059/001',
    });
    expect(record('T1059')).toMatchObject({ kind: 'technique', tactics: ['TA0002'] });
    expect(record('T1059')).not.toHaveProperty('parent');
  });

  test('marks a deprecated technique and keeps its last tactics', () => {
    expect(record('T1064')).toMatchObject({ name: 'Scripting', deprecated: true, tactics: ['TA0002', 'TA0005'] });
    expect(record('T1064')).not.toHaveProperty('revoked');
  });

  test('marks a revoked technique and names its successor from the revoked-by relationship', () => {
    expect(record('T1086')).toMatchObject({
      kind: 'technique',
      name: 'PowerShell',
      revoked: true,
      revokedBy: 'T1059.001',
    });
  });

  test('records whether software is malware or a tool', () => {
    expect(record('S0154')).toEqual({
      id: 'S0154',
      name: 'Cobalt Strike',
      kind: 'software',
      software: 'malware',
      url: 'https://attack.mitre.org/software/S0154',
    });
    expect(record('S0002')).toMatchObject({ name: 'Mimikatz', software: 'tool' });
  });

  test('keeps mitigations with M IDs and drops the old per-technique mitigations that reuse technique IDs', () => {
    expect(record('M1038')).toMatchObject({ name: 'Execution Prevention', kind: 'mitigation' });
    expect(dataset.objects.filter((r) => r.id === 'T1086')).toHaveLength(1);
  });

  test('leaves out groups and everything else that is not a tactic, technique, mitigation or software', () => {
    expect(record('G0016')).toBeUndefined();
    expect(dataset.objects.map((r) => r.id)).toEqual([
      'M1038',
      'S0002',
      'S0154',
      'T1053',
      'T1059',
      'T1059.001',
      'T1064',
      'T1086',
      'TA0002',
      'TA0003',
      'TA0005',
    ]);
  });

  test('reads the same dataset from a plain list of objects, as mitre/cti stores them one per file', () => {
    expect(readStixBundle(bundle.objects, { source: 'fixture' })).toEqual(dataset);
  });

  test('needs the version from the caller when the data has no collection, and reports skipped objects', () => {
    const withoutCollection = bundle.objects.filter((o) => o.type !== 'x-mitre-collection');
    expect(() => readStixBundle(withoutCollection)).toThrow(/--attack-version/);
    const warnings: string[] = [];
    const read = readStixBundle([...withoutCollection, { type: 'malware', id: 'malware--x', name: 'No ID' }], {
      attackVersion: '18.1',
      released: '2025-11-13',
      onWarning: (m) => warnings.push(m),
    });
    expect(read).toMatchObject({ attackVersion: '18.1', released: '2025-11-13' });
    expect(warnings).toEqual(['skipped malware malware--x with ATT&CK ID (none)']);
  });
});

describe('formatDataset', () => {
  test('writes the header and then one object per line, and reads back as the same dataset', () => {
    const text = formatDataset(dataset);
    const lines = text.split('\n');
    expect(lines.slice(0, 7)).toEqual([
      '{',
      '  "domain": "enterprise",',
      '  "attackVersion": "18.1",',
      '  "released": "2025-11-13",',
      '  "source": "fixture",',
      '  "matrix": ["TA0002","TA0003","TA0005"],',
      '  "objects": [',
    ]);
    expect(lines).toContain(
      '    {"id":"T1086","name":"PowerShell","kind":"technique","tactics":["TA0002"],"revoked":true,"revokedBy":"T1059.001","url":"https://attack.mitre.org/techniques/T1086"},',
    );
    expect(lines.filter((l) => l.startsWith('    {'))).toHaveLength(dataset.objects.length);
    expect(JSON.parse(text)).toEqual(dataset);
  });
});

describe('applyOverlay', () => {
  const overlay: AttackOverlay = {
    attackVersion: '19.0',
    released: '2026-04-28',
    basedOn: '18.1',
    changes: [
      {
        domain: 'enterprise',
        op: 'rename',
        id: 'TA0005',
        name: 'Stealth',
        was: 'Defense Evasion',
        shortname: 'stealth',
        source: 'https://example.org/notes',
      },
      {
        domain: 'enterprise',
        op: 'add',
        id: 'TA0112',
        kind: 'tactic',
        name: 'Defense Impairment',
        shortname: 'defense-impairment',
        after: 'TA0003',
        source: 'https://example.org/notes',
      },
      {
        domain: 'enterprise',
        op: 'add',
        id: 'T1685',
        kind: 'technique',
        name: 'Disable or Modify Tools',
        tactics: ['TA0112'],
        source: 'https://example.org/notes',
      },
      {
        domain: 'enterprise',
        op: 'add',
        id: 'T1685.005',
        kind: 'sub-technique',
        name: 'Clear Windows Event Logs',
        tactics: ['TA0112'],
        source: 'https://example.org/notes',
      },
      {
        domain: 'enterprise',
        op: 'tactics',
        id: 'T1053',
        tactics: ['TA0112', 'TA0002'],
        was: ['TA0002', 'TA0003'],
        source: 'https://example.org/layer',
      },
      { domain: 'enterprise', op: 'revoke', id: 'T1059.001', revokedBy: 'T1685', source: 'https://example.org/notes' },
      {
        domain: 'mobile',
        op: 'add',
        id: 'S9004',
        kind: 'software',
        name: 'Crocodilus',
        source: 'https://example.org/notes',
      },
    ],
  };
  const after = applyOverlay(dataset, overlay);

  test("brings the data to the overlay's version and says so in the source", () => {
    expect(after).toMatchObject({ attackVersion: '19.0', released: '2026-04-28', source: 'fixture + overlay 19.0' });
  });

  test('renames a tactic and places a new one after the tactic it follows', () => {
    expect(record('TA0005', after)).toMatchObject({ name: 'Stealth', shortname: 'stealth' });
    expect(after.matrix).toEqual(['TA0002', 'TA0003', 'TA0112', 'TA0005']);
  });

  test('adds techniques with their URL and parent, and moves tactics into matrix order', () => {
    expect(record('T1685.005', after)).toEqual({
      id: 'T1685.005',
      name: 'Clear Windows Event Logs',
      kind: 'sub-technique',
      tactics: ['TA0112'],
      parent: 'T1685',
      url: 'https://attack.mitre.org/techniques/T1685/005',
    });
    expect(record('T1053', after)?.tactics).toEqual(['TA0002', 'TA0112']);
  });

  test('revokes an object in favour of its successor and ignores changes for other domains', () => {
    expect(record('T1059.001', after)).toMatchObject({ revoked: true, revokedBy: 'T1685' });
    expect(record('S9004', after)).toBeUndefined();
  });

  test('leaves the input dataset untouched', () => {
    expect(record('TA0005')?.name).toBe('Defense Evasion');
    expect(record('T1059.001')).not.toHaveProperty('revoked');
  });

  test("returns data already at or past the overlay's version as it is", () => {
    const newer = { ...dataset, attackVersion: '19.1' };
    expect(applyOverlay(newer, overlay)).toBe(newer);
  });

  test('refuses data of another release than the one the overlay was written against', () => {
    expect(() => applyOverlay({ ...dataset, attackVersion: '17.1' }, overlay)).toThrow(
      'written against ATT&CK 18.1, but the enterprise data is 17.1',
    );
  });

  test('refuses a change to an ID the data does not have, and an addition of one it has', () => {
    const change = {
      domain: 'enterprise',
      op: 'rename',
      id: 'T9999',
      name: 'X',
      was: 'Y',
      source: 'https://example.org',
    } as const;
    expect(() => applyOverlay(dataset, { ...overlay, changes: [change] })).toThrow(
      'rename T9999, which the enterprise data does not have',
    );
    const add = {
      domain: 'enterprise',
      op: 'add',
      id: 'T1059',
      kind: 'technique',
      name: 'X',
      source: 'https://example.org',
    } as const;
    expect(() => applyOverlay(dataset, { ...overlay, changes: [add] })).toThrow(
      'adds T1059, which the enterprise data already has',
    );
  });
});

describe('compareVersions', () => {
  test('compares release numbers part by part', () => {
    expect(compareVersions('18.1', '19.0')).toBeLessThan(0);
    expect(compareVersions('19.10', '19.2')).toBeGreaterThan(0);
    expect(compareVersions('v19', '19.0')).toBe(0);
  });
});
