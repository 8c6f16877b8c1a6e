import { describe, expect, test } from 'vitest';
import { matrixView } from '../../src/attack/matrix-view.ts';
import { ENTERPRISE_TACTICS } from '../../src/attack/matrix.ts';
import { techniquesOfTactic } from '../../src/attack/data.ts';

const ENTRIES: Record<string, string> = {
  TA0002: 'execution',
  T1059: 'command-and-scripting-interpreter',
  'T1059.001': 'powershell',
  'T1218.011': 'rundll32',
};
const view = matrixView((id) => ENTRIES[id]);

describe('matrixView', () => {
  test('has the 15 Enterprise tactics in matrix order, each with every technique the data lists under it', () => {
    expect(view.columns.map((c) => c.id)).toEqual(ENTERPRISE_TACTICS.map((t) => t.id));
    for (const column of view.columns) {
      expect(column.techniques.map((t) => t.id)).toEqual(techniquesOfTactic(column.id).map((t) => t.technique.id));
    }
    const execution = view.columns.find((c) => c.id === 'TA0002')!;
    expect(execution.slug).toBe('execution');
    expect(view.columns.find((c) => c.id === 'TA0003')!.slug).toBeUndefined();
  });

  test('marks the techniques and sub-techniques with entries, and counts them', () => {
    const execution = view.columns.find((c) => c.id === 'TA0002')!;
    const interpreter = execution.techniques.find((t) => t.id === 'T1059')!;
    expect(interpreter.slug).toBe('command-and-scripting-interpreter');
    expect(interpreter.subTechniques.find((s) => s.id === 'T1059.001')).toEqual({
      id: 'T1059.001',
      name: 'PowerShell',
      slug: 'powershell',
      url: 'https://attack.mitre.org/techniques/T1059/001/',
    });
    expect(interpreter.subTechniques.find((s) => s.id === 'T1059.003')?.slug).toBeUndefined();
    expect(interpreter.coveredSubTechniques).toBe(1);
    expect(execution.coveredTechniques).toBe(1);
    expect(execution.covered).toBe(2);
    // Stealth: T1218 has no entry here, but its sub-technique T1218.011 has.
    const stealth = view.columns.find((c) => c.id === 'TA0005')!;
    expect(stealth.techniques.find((t) => t.id === 'T1218')).toMatchObject({
      slug: undefined,
      coveredSubTechniques: 1,
    });
    expect(stealth.coveredTechniques).toBe(1);
  });

  test('counts each ID once across tactics for the coverage, out of every technique and sub-technique in the matrix', () => {
    // T1218.011 sits under Stealth only; T1059 and T1059.001 under Execution.
    expect(view.coverage.covered).toBe(3);
    const distinct = new Set(
      view.columns.flatMap((c) => c.techniques.flatMap((t) => [t.id, ...t.subTechniques.map((s) => s.id)])),
    );
    expect(view.coverage.total).toBe(distinct.size);
    const placements = view.columns.reduce(
      (n, c) => n + c.techniques.reduce((m, t) => m + 1 + t.subTechniques.length, 0),
      0,
    );
    expect(view.coverage.total).toBeLessThan(placements);
  });

  test('an ID without an entry has no slug anywhere', () => {
    const none = matrixView(() => undefined);
    expect(none.coverage.covered).toBe(0);
    expect(
      none.columns.every(
        (c) =>
          c.covered === 0 &&
          c.coveredTechniques === 0 &&
          !c.slug &&
          c.techniques.every((t) => !t.slug && t.coveredSubTechniques === 0),
      ),
    ).toBe(true);
  });
});
