/**
 * The flashcards page: renders whatever session state packs/flashcards.ts returns, saves it to localStorage after
 * every step (so a reload, or tomorrow's lesson, carries on), and takes buttons, keys, taps and swipes. Term text
 * only ever goes in through textContent: pack data is content, and content is not trusted to be markup.
 */
import { urls } from '../links/urls.ts';
import {
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
} from '../packs/flashcards.ts';
import type { PackTerm } from '../packs/pack-term.ts';
import { packHref } from '../packs/pack-url.ts';
import { mulberry32 } from '../packs/random.ts';
import { fill, startPackPage } from './pack-shell.ts';

type Action = 'flip' | 'previous' | 'next' | 'known' | 'again' | 'shuffle' | 'restart';
type Strings = Record<'progress' | 'saysFront' | 'saysBack' | 'saysShuffled' | 'saysRestarted' | 'doneSummary', string>;

/** How far a finger or mouse must travel sideways, in CSS pixels, for a swipe rather than a tap. */
const SWIPE_PX = 50;
/** How far a pointer may wander and still count as a tap (fingers are not still). */
const TAP_PX = 10;

export async function startFlashcards(doc: Document): Promise<void> {
  const pack = await startPackPage(doc);
  if (!pack || pack.terms.length === 0) return;
  const { reading, bySlug } = pack;
  const root = doc.querySelector<HTMLElement>('[data-cards]')!;
  const strings = JSON.parse(root.dataset['strings'] ?? '{}') as Strings;
  const part = <T extends HTMLElement>(name: string) => root.querySelector<T>(`[data-${name}]`)!;
  const deck = part('cards-deck');
  const done = part('cards-summary');
  const announce = announcer(part('cards-announce'));
  const key = progressKey(reading.slugs);
  let session = resumeSession(reading.slugs, readStored(key));

  function termOf(slug: string | null): PackTerm {
    return bySlug.get(slug ?? '')!;
  }

  function frontSays(state: FlashcardSession): string {
    const { position, length } = summary(state);
    return fill(strings.saysFront, { position, length, title: termOf(currentCard(state)).title });
  }

  function act(action: Action): void {
    const wasOver = summary(session).over;
    const before = session;
    switch (action) {
      case 'flip':
        session = flip(session);
        break;
      case 'previous':
        session = previous(session);
        break;
      case 'next':
        session = next(session);
        break;
      case 'known':
      case 'again':
        session = mark(session, action);
        break;
      case 'shuffle':
        // A pack's seed gives the whole class the same order; without one, every shuffle is new.
        session = startSession(reading.slugs, {
          rng: reading.seed === undefined ? Math.random : mulberry32(reading.seed),
        });
        break;
      case 'restart':
        session = startSession(session.cards);
        break;
    }
    if (session === before) return;
    writeStored(key, saveProgress(session));
    render();
    const over = summary(session).over;
    if (over) {
      if (!wasOver) done.focus();
      return;
    }
    // The control that was used sits in the summary, hidden now: focus goes where the next step is.
    if (wasOver) root.querySelector<HTMLElement>('[data-cards-action="flip"]')!.focus();
    const term = termOf(currentCard(session));
    if (action === 'shuffle' || action === 'restart') {
      announce(fill(action === 'shuffle' ? strings.saysShuffled : strings.saysRestarted, { title: term.title }));
    } else if (session.flipped) {
      announce(fill(strings.saysBack, { title: term.title, summary: term.summary }));
    } else {
      announce(frontSays(session));
    }
  }

  function render(): void {
    const state = summary(session);
    deck.hidden = state.over;
    done.hidden = !state.over;
    if (state.over) renderSummary();
    else renderCard();
  }

  function renderCard(): void {
    const term = termOf(currentCard(session));
    const { position, length, known, again } = summary(session);
    part('cards-progress').textContent = fill(strings.progress, { position, length, known, again });
    part('cards-front').hidden = session.flipped;
    part('cards-back').hidden = !session.flipped;
    part('card-title').textContent = term.title;
    part('card-back-title').textContent = term.title;
    setText(part('card-qualifier'), term.qualifier);
    part('card-summary').textContent = term.summary;
    setText(part('card-example'), term.example, part('card-example').parentElement!);
    setText(part('card-attack'), term.attack?.id ?? '', part('card-attack-line'));
    part<HTMLAnchorElement>('card-link').href = urls.term(term.slug);
  }

  function renderSummary(): void {
    const { known, total, again: againCount, unmarked } = summary(session);
    part('cards-done-text').textContent = fill(strings.doneSummary, { known, total, again: againCount, unmarked });
    const again = session.cards.filter((slug) => session.marks[slug] === 'again');
    part('cards-again').hidden = again.length === 0;
    part('cards-again-list').replaceChildren(
      ...again.map((slug) => {
        const link = Object.assign(doc.createElement('a'), { href: urls.term(slug), textContent: termOf(slug).title });
        const item = doc.createElement('li');
        item.append(link);
        return item;
      }),
    );
    const studyAgain = part<HTMLAnchorElement>('cards-study-again');
    studyAgain.hidden = again.length === 0;
    studyAgain.href = packHref(urls.packFlashcards(), { title: reading.title, slugs: again, seed: reading.seed });
    // The again cards are a pack of their own, with their own progress: it starts afresh rather than where a
    // session on exactly those cards was once left.
    studyAgain.onclick = () => removeStored(progressKey(again));
  }

  root.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLElement>('[data-cards-action]');
    if (button) act(button.dataset['cardsAction'] as Action);
  });
  doc.addEventListener('keydown', (event) => {
    if (deck.hidden || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const action = keyAction(event);
    if (!action) return;
    event.preventDefault();
    act(action);
  });
  enableTouch(part('cards-card'), act);
  render();
}

function keyAction(event: KeyboardEvent): Action | null {
  const target = event.target as Element | null;
  if (target?.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])')) return null;
  switch (event.key) {
    // Space on a button or link already does what that control does.
    case ' ':
      return target?.closest('button, a[href], summary') ? null : 'flip';
    case 'ArrowLeft':
      return 'previous';
    case 'ArrowRight':
      return 'next';
    case 'k':
    case 'K':
      return 'known';
    case 'a':
    case 'A':
      return 'again';
    default:
      return null;
  }
}

/**
 * A tap or click on the card flips it; a sideways swipe (or mouse drag) moves to the next card (leftwards) or
 * back. Both are read from pointer events alone: Chromium drops the click of a tap that follows a swipe, and one
 * source of truth cannot flip twice.
 */
function enableTouch(card: HTMLElement, act: (action: Action) => void): void {
  let start: { x: number; y: number } | null = null;
  card.addEventListener('pointerdown', (event) => {
    start = event.isPrimary && event.button === 0 ? { x: event.clientX, y: event.clientY } : null;
  });
  card.addEventListener('pointercancel', () => (start = null));
  card.addEventListener('pointerup', (event) => {
    if (!start || !event.isPrimary || (event.target as Element).closest('a')) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    start = null;
    if (Math.abs(dx) >= SWIPE_PX && Math.abs(dx) >= 2 * Math.abs(dy)) act(dx < 0 ? 'next' : 'previous');
    else if (Math.hypot(dx, dy) <= TAP_PX) act('flip');
  });
}

/** A polite live region; emptying it first makes a repeated sentence a change, so it is read again. */
function announcer(region: HTMLElement): (text: string) => void {
  return (text) => {
    region.textContent = '';
    requestAnimationFrame(() => (region.textContent = text));
  };
}

function setText(element: HTMLElement, text: string, line: HTMLElement = element): void {
  element.textContent = text;
  line.hidden = text === '';
}

// localStorage throws when storage is off (some private modes, a full quota); the cards still work, unsaved.
function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStored(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Progress is a convenience: without storage the session simply is not kept.
  }
}

function removeStored(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing stored, nothing to remove.
  }
}
