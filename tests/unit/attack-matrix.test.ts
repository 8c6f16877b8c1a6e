import { describe, expect, test } from 'vitest';
import { ATTACK_VERSION, ENTERPRISE_TACTICS, tacticPosition, inMatrixOrder } from '../../src/attack/matrix.ts';

describe('ENTERPRISE_TACTICS', () => {
  test('lists the 15 Enterprise tactics of ATT&CK v19 in matrix order with their IDs', () => {
    expect(ATTACK_VERSION).toEqual({ version: 'v19', released: 'April 2026' });
    expect(ENTERPRISE_TACTICS.map((t) => `${t.id} ${t.name}`)).toEqual([
      'TA0043 Reconnaissance',
      'TA0042 Resource Development',
      'TA0001 Initial Access',
      'TA0002 Execution',
      'TA0003 Persistence',
      'TA0004 Privilege Escalation',
      'TA0005 Stealth',
      'TA0112 Defense Impairment',
      'TA0006 Credential Access',
      'TA0007 Discovery',
      'TA0008 Lateral Movement',
      'TA0009 Collection',
      'TA0011 Command and Control',
      'TA0010 Exfiltration',
      'TA0040 Impact',
    ]);
  });
});

describe('tacticPosition', () => {
  test('places Execution at stage 4 of 15 between Initial Access and Persistence', () => {
    expect(tacticPosition('TA0002')).toEqual({
      stage: 4,
      of: 15,
      previous: expect.objectContaining({ name: 'Initial Access' }),
      next: expect.objectContaining({ name: 'Persistence' }),
    });
  });
  test('has no previous tactic for the first and no next for the last', () => {
    expect(tacticPosition('TA0043')?.previous).toBeUndefined();
    expect(tacticPosition('TA0040')?.next).toBeUndefined();
    expect(tacticPosition('TA9999')).toBeUndefined();
  });
});

describe('inMatrixOrder', () => {
  const tactic = (id: string, title: string) => ({ title, attack: { id, kind: 'tactic', domain: 'enterprise' } });
  test('puts Enterprise tactics in matrix order first, then everything else in the order it came', () => {
    const list = [
      { title: 'Defense Evasion (former name)', attack: undefined },
      tactic('TA0002', 'Execution'),
      { title: 'Execution (Mobile)', attack: { id: 'TA0041', kind: 'tactic', domain: 'mobile' } },
      tactic('TA0040', 'Impact'),
      tactic('TA0043', 'Reconnaissance'),
      { title: 'Cyber Kill Chain', attack: undefined },
    ];
    expect(inMatrixOrder(list).map((t) => t.title)).toEqual([
      'Reconnaissance',
      'Execution',
      'Impact',
      'Defense Evasion (former name)',
      'Execution (Mobile)',
      'Cyber Kill Chain',
    ]);
  });
});
