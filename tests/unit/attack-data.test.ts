import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  attackDataVersion,
  attackName,
  attackObject,
  createAttackLookup,
  isKnownAttackId,
  matrixTactics,
  subTechniquesOf,
  techniquesOfTactic,
} from '../../src/attack/data.ts';
import { applyOverlay, readStixBundle, type AttackOverlay } from '../../src/attack/stix.ts';

describe('a lookup over the fixture bundle', () => {
  const bundle = JSON.parse(readFileSync(new URL('../fixtures/attack/mini-bundle.json', import.meta.url), 'utf8'));
  const fixture = readStixBundle(bundle, { source: 'fixture' });
  const lookup = createAttackLookup([fixture]);

  test('finds an object by ID with its domain, tactics, parent and URL with a trailing slash', () => {
    expect(lookup.attackObject('T1059.001')).toEqual({
      id: 'T1059.001',
      name: 'PowerShell',
      kind: 'sub-technique',
      domain: 'enterprise',
      tactics: ['TA0002'],
      parent: 'T1059',
      deprecated: false,
      revoked: false,
      url: 'https://attack.mitre.org/techniques/T1059/001/',
    });
  });

  test('accepts IDs in lower case and with a slash, as people paste them from URLs', () => {
    expect(lookup.attackName('t1059/001')).toBe('PowerShell');
    expect(lookup.attackName(' ta0002 ')).toBe('Execution');
  });

  test('knows revoked and deprecated IDs and says what replaced them', () => {
    expect(lookup.attackObject('T1086')).toMatchObject({ revoked: true, revokedBy: 'T1059.001' });
    expect(lookup.attackObject('T1064')).toMatchObject({ deprecated: true });
    expect(lookup.isKnownAttackId('T1086')).toBe(true);
    expect(lookup.isKnownAttackId('T9999')).toBe(false);
  });

  test('looks only in the domain asked for', () => {
    expect(lookup.attackObject('T1059', 'enterprise')?.name).toBe('Command and Scripting Interpreter');
    expect(lookup.attackObject('T1059', 'mobile')).toBeUndefined();
  });

  test('lists the techniques in use under a tactic by name, each with its sub-techniques, and leaves out deprecated ones', () => {
    expect(lookup.techniquesOfTactic('TA0002').map((t) => [t.technique.id, t.subTechniques.map((s) => s.id)])).toEqual([
      ['T1059', ['T1059.001']],
      ['T1053', []],
    ]);
    expect(lookup.techniquesOfTactic('TA0005')).toEqual([]);
    expect(lookup.techniquesOfTactic('T1059')).toEqual([]);
  });

  test('lists sub-techniques and matrix tactics in order', () => {
    expect(lookup.subTechniquesOf('T1059').map((o) => o.id)).toEqual(['T1059.001']);
    expect(lookup.subTechniquesOf('T9999')).toEqual([]);
    expect(lookup.matrixTactics().map((t) => `${t.id} ${t.shortname}`)).toEqual([
      'TA0002 execution',
      'TA0003 persistence',
      'TA0005 defense-evasion',
    ]);
  });

  test('reports the version of the data and whether an overlay was applied', () => {
    expect(lookup.version).toEqual({
      version: '18.1',
      label: 'v18',
      released: '2025-11-13',
      dataVersion: '18.1',
      source: 'fixture',
      overlay: false,
    });
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
          source: 'https://example.org',
        },
      ],
    };
    const overlaid = createAttackLookup([fixture], [overlay]);
    expect(overlaid.version).toMatchObject({
      version: '19.0',
      label: 'v19',
      released: '2026-04-28',
      dataVersion: '18.1',
      overlay: true,
    });
    expect(overlaid.attackName('TA0005')).toBe('Stealth');
  });
});

describe('the committed ATT&CK data', () => {
  test('answers for ATT&CK v19, applied over MITRE 18.1 data from mitre/cti', () => {
    expect(attackDataVersion).toMatchObject({
      version: '19.0',
      label: 'v19',
      released: '2026-04-28',
      dataVersion: '18.1',
      overlay: true,
    });
    expect(attackDataVersion.source).toMatch(/^mitre\/cti@[0-9a-f]{40}:enterprise-attack\/$/);
  });

  test('names T1059.001 PowerShell, a sub-technique of T1059 under Execution', () => {
    expect(attackObject('T1059.001')).toMatchObject({
      name: 'PowerShell',
      kind: 'sub-technique',
      parent: 'T1059',
      tactics: ['TA0002'],
    });
    expect(attackName('T1059')).toBe('Command and Scripting Interpreter');
    expect(subTechniquesOf('T1059').map((o) => o.id)).toContain('T1059.001');
  });

  test('files Cobalt Strike (S0154) as malware, not as a tool', () => {
    expect(attackObject('S0154')).toMatchObject({
      name: 'Cobalt Strike',
      kind: 'software',
      software: 'malware',
      domain: 'enterprise',
    });
  });

  test('marks Scripting (T1064) deprecated and PowerShell (T1086) revoked by T1059.001', () => {
    expect(attackObject('T1064')).toMatchObject({ name: 'Scripting', deprecated: true, revoked: false });
    expect(attackObject('T1086')).toMatchObject({ name: 'PowerShell', revoked: true, revokedBy: 'T1059.001' });
  });

  test('has the 15 Enterprise tactics of v19, with Stealth (TA0005) followed by Defense Impairment (TA0112)', () => {
    const tactics = matrixTactics('enterprise');
    expect(tactics).toHaveLength(15);
    expect(tactics.slice(5, 9).map((t) => `${t.id} ${t.name} ${t.shortname}`)).toEqual([
      'TA0004 Privilege Escalation privilege-escalation',
      'TA0005 Stealth stealth',
      'TA0112 Defense Impairment defense-impairment',
      'TA0006 Credential Access credential-access',
    ]);
  });

  test('moves Impair Defenses (T1562) to Disable or Modify Tools (T1685) under Defense Impairment', () => {
    expect(attackObject('T1562')).toMatchObject({ revoked: true, revokedBy: 'T1685' });
    expect(attackObject('T1562.001')).toMatchObject({ revoked: true, revokedBy: 'T1685' });
    expect(attackObject('T1685')).toMatchObject({
      name: 'Disable or Modify Tools',
      kind: 'technique',
      tactics: ['TA0112'],
    });
    expect(attackObject('T1685.005')).toMatchObject({
      name: 'Clear Windows Event Logs',
      parent: 'T1685',
      url: 'https://attack.mitre.org/techniques/T1685/005/',
    });
    expect(techniquesOfTactic('TA0112').map((t) => t.technique.id)).toEqual(
      expect.arrayContaining(['T1685', 'T1686', 'T1112', 'T1553', 'T1484', 'T1556']),
    );
  });

  test('keeps hiding techniques under Stealth and takes Abuse Elevation Control Mechanism out of it', () => {
    const stealth = techniquesOfTactic('TA0005');
    const injection = stealth.find((t) => t.technique.id === 'T1055');
    expect(injection?.subTechniques.map((s) => s.name)).toContain('Process Hollowing');
    expect(stealth.map((t) => t.technique.id)).toEqual(
      expect.arrayContaining(['T1027', 'T1036', 'T1218', 'T1564', 'T1684']),
    );
    expect(stealth.map((t) => t.technique.id)).not.toContain('T1548');
    expect(attackName('T1211')).toBe('Exploitation for Stealth');
  });

  test('has, with the overlay, the numbers of objects in use that the v19 release notes give for each domain', () => {
    // https://attack.mitre.org/resources/updates/updates-april-2026/: "Enterprise: 15 Tactics, 222 Techniques,
    // 475 Sub-Techniques, … 821 Pieces of Software, … 44 Mitigations", and likewise for Mobile and ICS.
    const overlay = JSON.parse(
      readFileSync(new URL('../../src/attack/data/overlay-v19.json', import.meta.url), 'utf8'),
    );
    const counts = (domain: string) => {
      const data = JSON.parse(readFileSync(new URL(`../../src/attack/data/${domain}.json`, import.meta.url), 'utf8'));
      const inUse = applyOverlay(data, overlay).objects.filter((o) => !o.revoked && !o.deprecated);
      const n = (kind: string) => inUse.filter((o) => o.kind === kind).length;
      return [n('tactic'), n('technique'), n('sub-technique'), n('mitigation'), n('software')];
    };
    expect(counts('enterprise')).toEqual([15, 222, 475, 44, 821]);
    expect(counts('mobile')).toEqual([12, 77, 47, 13, 126]);
    expect(counts('ics')).toEqual([12, 79, 18, 52, 23]);
  });

  test('looks up Mobile and ICS objects', () => {
    expect(attackObject('TA0041')).toMatchObject({ name: 'Execution', domain: 'mobile' });
    expect(attackObject('TA0104')).toMatchObject({ name: 'Execution', domain: 'ics' });
    expect(matrixTactics('ics')).toHaveLength(12);
    expect(attackObject('T1693.001', 'ics')).toMatchObject({ name: 'System Firmware', parent: 'T1693' });
    expect(isKnownAttackId('T0857')).toBe(true);
    expect(isKnownAttackId('T9999')).toBe(false);
  });
});

describe('idStubs: pages for ATT&CK IDs without an entry', () => {
  test('lists every Enterprise technique and sub-technique in use without an entry, once, with its facts', async () => {
    const { idStubs } = await import('../../src/attack/id-pages.ts');
    const withEntry = new Map([
      ['T1574', 'hijack-execution-flow'],
      ['TA0003', 'persistence'],
    ]);
    const stubs = idStubs((id) => withEntry.get(id));
    const ids = stubs.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain('T1574');
    const dll = stubs.find((s) => s.id === 'T1574.001')!;
    expect(dll).toMatchObject({
      name: 'DLL',
      kind: 'sub-technique',
      url: 'https://attack.mitre.org/techniques/T1574/001/',
      parent: { id: 'T1574', slug: 'hijack-execution-flow' },
    });
    expect(dll.tactics).toContainEqual({ id: 'TA0003', name: 'Persistence', slug: 'persistence' });
    expect(stubs.find((s) => s.id === 'T1574')).toBeUndefined();
    expect(stubs.find((s) => s.id === 'T1562')).toBeUndefined(); // revoked in v19: no page
  });
});
