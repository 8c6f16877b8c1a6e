import { describe, expect, test } from 'vitest';
import {
  AGAIN_GAP,
  currentCard,
  flip,
  mark,
  next,
  previous,
  progressKey,
  resumeSession,
  saveProgress,
  startSession,
  summary,
  type FlashcardSession,
  type Mark,
} from '../../src/packs/flashcards.ts';
import { mulberry32 } from '../../src/packs/random.ts';

const slugs = ['amsi', 'execution', 'powershell', 'wmi', 'cron', 'at'];

/** The cards seen, in order, when each card gets the mark `choose` returns. */
function play(session: FlashcardSession, choose: (card: string, seen: number) => Mark): string[] {
  const seen: string[] = [];
  let s = session;
  while (currentCard(s) !== null && seen.length < 100) {
    const card = currentCard(s)!;
    seen.push(card);
    s = mark(s, choose(card, seen.filter((c) => c === card).length));
  }
  return seen;
}

describe('startSession', () => {
  test('deals the pack in its own order, term side up, each card once', () => {
    const session = startSession([...slugs, 'amsi']);
    expect(session.cards).toEqual(slugs);
    expect(currentCard(session)).toBe('amsi');
    expect(session.flipped).toBe(false);
  });

  test('shuffles the deck with a seeded rng, the same way each time for the same seed', () => {
    const a = startSession(slugs, { rng: mulberry32(1) });
    expect([...a.cards].sort()).toEqual([...slugs].sort());
    expect(a.cards).not.toEqual(slugs);
    expect(startSession(slugs, { rng: mulberry32(1) })).toEqual(a);
  });
});

describe('flip, next and previous', () => {
  test('flip turns the card over and back; moving turns the next card term side up', () => {
    const flipped = flip(startSession(slugs));
    expect(flipped.flipped).toBe(true);
    expect(flip(flipped).flipped).toBe(false);
    expect(next(flipped)).toMatchObject({ index: 1, flipped: false });
    expect(previous(next(flipped))).toMatchObject({ index: 0, flipped: false });
  });

  test('previous stays on the first card, and next stops once the session is over', () => {
    expect(previous(startSession(slugs)).index).toBe(0);
    let s = startSession(['amsi', 'wmi']);
    for (let i = 0; i < 5; i++) s = next(s);
    expect(s.index).toBe(2);
    expect(currentCard(s)).toBeNull();
    expect(summary(s).over).toBe(true);
    expect(flip(s)).toBe(s);
  });
});

describe('mark', () => {
  test('moves on after marking a card known, and the card does not come back', () => {
    expect(play(startSession(slugs), () => 'known')).toEqual(slugs);
  });

  test(`brings an "again" card back ${AGAIN_GAP} cards later, until it is known`, () => {
    const seen = play(startSession(slugs), (card, times) => (card === 'amsi' && times < 3 ? 'again' : 'known'));
    expect(seen).toEqual(['amsi', 'execution', 'powershell', 'wmi', 'amsi', 'cron', 'at', 'amsi']);
  });

  test('brings an "again" card back at the end when fewer cards are left', () => {
    const seen = play(startSession(['amsi', 'wmi']), (card, times) =>
      card === 'amsi' && times === 1 ? 'again' : 'known',
    );
    expect(seen).toEqual(['amsi', 'wmi', 'amsi']);
  });

  test('does not queue a card twice when it is marked "again" twice before it comes back', () => {
    let s = mark(startSession(slugs), 'again');
    s = mark(previous(s), 'again');
    expect(s.queue.filter((card) => card === 'amsi')).toHaveLength(2);
  });

  test('stops bringing a card back once it is marked known on a second look', () => {
    let s = mark(startSession(slugs), 'again');
    s = mark(previous(s), 'known');
    expect(s.queue).toEqual(slugs);
  });

  test('keeps only the latest mark of each card in the summary', () => {
    let s = startSession(['amsi', 'wmi', 'cron']);
    s = mark(s, 'again');
    s = mark(previous(s), 'known');
    s = mark(s, 'again');
    expect(summary(s)).toEqual({ total: 3, known: 1, again: 1, unmarked: 1, position: 3, length: 4, over: false });
  });

  test('does nothing once the session is over', () => {
    const over = next(startSession(['amsi']));
    expect(mark(over, 'again')).toBe(over);
  });
});

describe('progressKey', () => {
  test('is the same for the same terms in any order, and differs for other terms', () => {
    expect(progressKey(['wmi', 'amsi'])).toBe(progressKey(['amsi', 'wmi', 'amsi']));
    expect(progressKey(['wmi', 'amsi'])).not.toBe(progressKey(['wmi', 'amsi', 'cron']));
    expect(progressKey(['ab', 'c'])).not.toBe(progressKey(['a', 'bc']));
    expect(progressKey(slugs.map((s) => s.repeat(40)).concat(...Array(200).fill('x'))).length).toBeLessThan(60);
  });
});

describe('saveProgress and resumeSession', () => {
  const played = flip(mark(mark(startSession(slugs, { rng: mulberry32(3) }), 'again'), 'known'));

  test('continue where the student left off, term side up, after a reload', () => {
    const resumed = resumeSession(slugs, saveProgress(played), { rng: mulberry32(99) });
    expect(resumed).toEqual({ ...played, flipped: false });
    expect(summary(resumed)).toMatchObject({ known: 1, again: 1, position: 3 });
  });

  test('stored progress stays small', () => {
    expect(saveProgress(played).length).toBeLessThan(200);
  });

  const fresh = startSession(slugs);
  const saved = JSON.parse(saveProgress(played)) as Record<string, unknown>;
  test.each([
    ['nothing stored', null],
    ['an empty string', ''],
    ['text that is not JSON', '{"v":1,'],
    ['JSON null', 'null'],
    ['a number', '42'],
    ['an array', '[1,2,3]'],
    ['another version', JSON.stringify({ ...saved, v: 2 })],
    ['an extra field', JSON.stringify({ ...saved, extra: true })],
    ['another pack', JSON.stringify({ ...saved, cards: ['amsi', 'wmi'] })],
    ['a card repeated in the deck', JSON.stringify({ ...saved, cards: [...slugs.slice(1), 'execution'] })],
    ['a queue with a foreign card', JSON.stringify({ ...saved, queue: [...slugs, 'evil'] })],
    ['an index past the end', JSON.stringify({ ...saved, index: 99 })],
    ['a negative index', JSON.stringify({ ...saved, index: -1 })],
    ['a fractional index', JSON.stringify({ ...saved, index: 1.5 })],
    ['an unknown mark', JSON.stringify({ ...saved, marks: { amsi: 'maybe' } })],
    ['a mark for a foreign card', JSON.stringify({ ...saved, marks: { evil: 'known' } })],
  ])('start afresh, without throwing, from %s', (_, stored) => {
    expect(resumeSession(slugs, stored)).toEqual(fresh);
  });

  test('ignore a __proto__ key among the stored marks, without it reaching any object', () => {
    const stored = `{"v":1,"cards":["amsi"],"queue":["amsi"],"index":0,"marks":{"__proto__":{"polluted":"known"}}}`;
    const resumed = resumeSession(['amsi'], stored);
    expect(summary(resumed)).toMatchObject({ known: 0, again: 0, unmarked: 1 });
    expect(Object.getPrototypeOf(resumed.marks)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
