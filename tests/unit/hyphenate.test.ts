import { describe, expect, test } from 'vitest';
import { breakable } from '../../src/catalog/hyphenate.ts';

describe('breakable (soft hyphens for the matrix columns)', () => {
  test('marks dictionary break points in long words, invisible until a line breaks there', () => {
    expect(breakable('Reconnaissance')).toBe('Re\u00adcon\u00adnais\u00adsance');
    expect(breakable('Command and Control')).toBe('Com\u00admand and Con\u00adtrol');
    expect(breakable('Command and Control').replace(/\u00ad/g, '')).toBe('Command and Control');
  });

  test('leaves short words, IDs and punctuation alone', () => {
    expect(breakable('BITS Jobs')).toBe('BITS Jobs');
    expect(breakable('T1059.001')).toBe('T1059.001');
    expect(breakable('Scheduled Task/Job').replace(/\u00ad/g, '')).toBe('Scheduled Task/Job');
  });
});
