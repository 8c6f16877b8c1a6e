import { describe, expect, test } from 'vitest';
import { nameStartsLikeFormula, startsLikeFormula } from '../../src/text/formula.ts';

describe('startsLikeFormula and nameStartsLikeFormula', () => {
  test.each([
    ['=HYPERLINK("x")', true, true],
    ['+cmd', true, true],
    ['@SUM(A1)', true, true],
    ['  =1', true, true],
    ['\uFF1D1', true, true],
    ['\tx', true, true],
    ['\rx', true, true],
    ['-EncodedCommand', true, false],
    ['\uFF0D1', true, false],
    ['\nx', true, false],
    ['\u0000=1', true, false],
    ['PowerShell', false, false],
    ['a=b', false, false],
  ])('%j: a cell %s, a name %s', (text, cell, name) => {
    expect(startsLikeFormula(text)).toBe(cell);
    expect(nameStartsLikeFormula(text)).toBe(name);
  });
});
