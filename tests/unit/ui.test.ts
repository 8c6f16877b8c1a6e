import { describe, expect, test } from 'vitest';
import { t, tSlots } from '../../src/i18n/ui.ts';

describe('tSlots', () => {
  test('cuts a string at its slots, keeping the words around them', () => {
    expect(tSlots('embed.packs.text')).toEqual([
      "To take a lesson's terms into class, ",
      { slot: 'packLink' },
      ': pick the terms, then print a handout, share flashcards and a self-test with students, or download the pack for Moodle, Anki or Quizlet. The whole glossary is also one ',
      { slot: 'moodleLink' },
      '.',
    ]);
  });

  test('gives a string without slots whole', () => {
    expect(tSlots('embed.data.term')).toEqual([t('embed.data.term')]);
  });
});
