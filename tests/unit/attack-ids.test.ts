import { describe, expect, test } from 'vitest';
import { ATTACK_ID_PATTERN } from '../../src/attack/ids.ts';
import { ATTACK_KIND_KEYS, attackIdPattern } from '../../src/schemas/vocabulary.ts';

describe('attackIdPattern', () => {
  test.each([
    ['TA0002', true],
    ['T1059', true],
    ['T1059.001', true],
    ['M1038', true],
    ['S0154', true],
    ['DC0032', false],
    ['t1059', false],
    ['T10590', false],
    ['T1059.01', false],
    [' T1059', false],
  ])('ATTACK_ID_PATTERN, the IDs entries may cite, takes %s: %s', (id, expected) => {
    expect(ATTACK_ID_PATTERN.test(id)).toBe(expected);
  });

  test('takes data components only when asked for every kind', () => {
    expect(attackIdPattern(ATTACK_KIND_KEYS).test('DC0032')).toBe(true);
    expect(attackIdPattern(['technique', 'sub-technique']).test('TA0002')).toBe(false);
  });

  test('finds sub-techniques in text whole, not their parent part', () => {
    const text = 'TA0002 leads to T1059.001, then T1059 (M1038, S0154); T10590 and XT1059 are not IDs.';
    const found = [
      ...text.matchAll(
        attackIdPattern(['tactic', 'technique', 'sub-technique', 'mitigation', 'software'], { inText: true }),
      ),
    ];
    expect(found.map((m) => m[1])).toEqual(['TA0002', 'T1059.001', 'T1059', 'M1038', 'S0154']);
  });
});
