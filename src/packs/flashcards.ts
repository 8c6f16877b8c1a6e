/**
 * The state of one flashcard session, as plain data changed only by the functions below, so the
 * page script just renders whatever they return and saves it to localStorage after each step.
 * Cards are term slugs; the page looks the terms up itself.
 */
// zod/mini rather than astro/zod: this runs in the browser, where the full zod adds about 440 KB
// (minified) to the page and zod/mini about 20 KB.
import * as z from 'zod/mini';
import { shuffle } from './random.ts';

export type Mark = 'known' | 'again';

/** Cards marked "again" come back this many cards later (or at the end, if fewer are left). */
export const AGAIN_GAP = 3;

/** Bumped whenever the stored shape changes, so progress saved by an older page is ignored. */
const PROGRESS_VERSION = 1;

export interface FlashcardSession {
  /** The pack's cards, each once, in deck order. */
  readonly cards: readonly string[];
  /** The order cards are shown in: the deck, plus the "again" cards put back into it. */
  readonly queue: readonly string[];
  /** Position in `queue`; equal to `queue.length` once the session is over. */
  readonly index: number;
  /** Whether the current card shows its definition side. */
  readonly flipped: boolean;
  /** The latest mark of each card that has one. */
  readonly marks: Readonly<Record<string, Mark>>;
}

export interface SessionOptions {
  /** Shuffles the deck; without it, cards come in pack order. */
  rng?: () => number;
}

export function startSession(slugs: readonly string[], { rng }: SessionOptions = {}): FlashcardSession {
  const cards = [...new Set(slugs)];
  const deck = rng ? shuffle(cards, rng) : cards;
  return { cards: deck, queue: deck, index: 0, flipped: false, marks: {} };
}

/** The card on show, or null once the session is over. */
export function currentCard(session: FlashcardSession): string | null {
  return session.queue[session.index] ?? null;
}

export function flip(session: FlashcardSession): FlashcardSession {
  return isOver(session) ? session : { ...session, flipped: !session.flipped };
}

/** Moves on a card, term side up; past the last card the session is over. */
export function next(session: FlashcardSession): FlashcardSession {
  return isOver(session) ? session : { ...session, index: session.index + 1, flipped: false };
}

/** Moves back a card, term side up; stays put on the first. */
export function previous(session: FlashcardSession): FlashcardSession {
  return { ...session, index: Math.max(0, session.index - 1), flipped: false };
}

/**
 * Marks the card on show and moves on. An "again" card is put back `AGAIN_GAP` cards later,
 * unless it is already waiting further on (marking it twice must not make it come back twice).
 * A card marked "known" after going back to it no longer comes back.
 */
export function mark(session: FlashcardSession, value: Mark): FlashcardSession {
  const card = currentCard(session);
  if (card === null) return session;
  const marks = { ...session.marks, [card]: value };
  const queue = value === 'again' ? putBack(session, card) : dropLater(session, card);
  return next({ ...session, marks, queue });
}

function putBack({ queue, index }: FlashcardSession, card: string): readonly string[] {
  if (queue.indexOf(card, index + 1) !== -1) return queue;
  const copy = [...queue];
  copy.splice(Math.min(index + 1 + AGAIN_GAP, copy.length), 0, card);
  return copy;
}

function dropLater({ queue, index }: FlashcardSession, card: string): readonly string[] {
  return queue.filter((queued, i) => i <= index || queued !== card);
}

function isOver(session: FlashcardSession): boolean {
  return session.index >= session.queue.length;
}

export interface SessionSummary {
  /** Cards in the pack. */
  total: number;
  known: number;
  again: number;
  /** Cards not marked yet. */
  unmarked: number;
  /** 1-based position of the card on show, for "card 3 of 12". */
  position: number;
  /** Cards in the queue, repeats included. */
  length: number;
  over: boolean;
}

export function summary(session: FlashcardSession): SessionSummary {
  const marks = session.cards.map((card) => session.marks[card]);
  const known = marks.filter((m) => m === 'known').length;
  const again = marks.filter((m) => m === 'again').length;
  return {
    total: session.cards.length,
    known,
    again,
    unmarked: session.cards.length - known - again,
    position: Math.min(session.index + 1, session.queue.length),
    length: session.queue.length,
    over: isOver(session),
  };
}

/**
 * The localStorage key for a pack's progress. The same terms in another order are the same pack;
 * the slugs are hashed because a 200-term list would make an unwieldy key. A collision is harmless:
 * `resumeSession` only accepts progress whose cards are exactly the pack's.
 */
export function progressKey(slugs: readonly string[]): string {
  const sorted = [...new Set(slugs)].sort();
  return `glossary:pack-progress:v${PROGRESS_VERSION}:${sorted.length}:${fnv1a(sorted.join(','))}`;
}

/** FNV-1a, 32 bits, as hex: only spreads keys out, so it needs no strength. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** What is stored: the session itself, minus the flipped side (a reload starts term side up). */
const storedProgress = z.strictObject({
  v: z.literal(PROGRESS_VERSION),
  cards: z.array(z.string()),
  queue: z.array(z.string()),
  index: z.int().check(z.nonnegative()),
  marks: z.record(z.string(), z.enum(['known', 'again'])),
});

export function saveProgress(session: FlashcardSession): string {
  const { cards, queue, index, marks } = session;
  return JSON.stringify({ v: PROGRESS_VERSION, cards, queue, index, marks });
}

/**
 * Continues the saved session for these cards, or starts a new one when nothing usable was stored:
 * no entry, text that is not JSON, another version's shape, another pack's cards, or a queue that
 * does not fit the cards. Stored data is never trusted and never makes the page throw.
 */
export function resumeSession(
  slugs: readonly string[],
  stored: string | null | undefined,
  options: SessionOptions = {},
): FlashcardSession {
  const fresh = startSession(slugs, options);
  const progress = parseProgress(stored);
  if (!progress || !fitsCards(progress, fresh.cards)) return fresh;
  const { cards, queue, index, marks } = progress;
  return { cards, queue, index, marks, flipped: false };
}

function parseProgress(stored: string | null | undefined): z.infer<typeof storedProgress> | null {
  if (!stored) return null;
  try {
    const parsed = storedProgress.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function fitsCards(progress: z.infer<typeof storedProgress>, cards: readonly string[]): boolean {
  const pack = new Set(cards);
  const stored = new Set(progress.cards);
  return (
    stored.size === progress.cards.length &&
    stored.size === pack.size &&
    progress.cards.every((card) => pack.has(card)) &&
    progress.queue.every((card) => pack.has(card)) &&
    progress.index <= progress.queue.length &&
    Object.keys(progress.marks).every((card) => pack.has(card))
  );
}
