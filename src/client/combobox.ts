/**
 * The header search box as a WAI-ARIA combobox with a listbox popup (the APG "combobox with listbox popup"
 * pattern), as plain functions: which option is highlighted after a key, what the live status says, and how one
 * suggestion becomes DOM. The client script (src/client/header-search.ts) only wires these to events.
 */
import { excerptHasMark, parseExcerpt, type ExcerptPart } from '../search/ranking.ts';

/** How many suggestions the popup lists above "See all": enough to find a term, few enough for a phone screen. */
export const SUGGESTION_LIMIT = 6;
/** How many results to read before ranking exact names first, so an exact name just past the limit still leads. */
export const SUGGESTION_CANDIDATES = 10;

export interface ComboboxState {
  open: boolean;
  /** The highlighted option, -1 when none is: Enter then submits the form. */
  active: number;
  /** How many options the listbox has ("See all" included). */
  count: number;
}

export type ComboboxAction =
  /** Nothing for the combobox to do; the key keeps its usual meaning in the text field. */
  | 'none'
  /** The popup opened, closed or moved its highlight: show `state`. */
  | 'update'
  /** Follow the highlighted option. */
  | 'follow'
  /** Enter with nothing highlighted: let the form submit to the search page. */
  | 'submit'
  /** Second Escape: empty the field. */
  | 'clear';

export interface KeyOutcome {
  state: ComboboxState;
  action: ComboboxAction;
  /** Whether the key's default must be stopped (arrow keys move the caret, Escape clears a search field, Enter submits). */
  preventDefault: boolean;
}

export interface KeyInput {
  key: string;
  altKey?: boolean;
  /** Whether the field holds text (Escape on a closed popup clears it). */
  hasValue: boolean;
}

/**
 * The next state after a key in the combobox. Arrow keys wrap from the last option to the first and back, so the
 * whole list is one loop either way; focus itself never leaves the text field (the highlight is
 * aria-activedescendant). Alt+ArrowDown opens the popup without highlighting, as the APG pattern says.
 */
export function comboboxKey(state: ComboboxState, { key, altKey = false, hasValue }: KeyInput): KeyOutcome {
  const { open, active, count } = state;
  const keep: KeyOutcome = { state, action: 'none', preventDefault: false };
  switch (key) {
    case 'ArrowDown': {
      if (count === 0) return keep;
      if (!open)
        return { state: { ...state, open: true, active: altKey ? -1 : 0 }, action: 'update', preventDefault: true };
      return { state: { ...state, active: (active + 1) % count }, action: 'update', preventDefault: true };
    }
    case 'ArrowUp': {
      if (count === 0) return keep;
      if (!open) return { state: { ...state, open: true, active: count - 1 }, action: 'update', preventDefault: true };
      return {
        state: { ...state, active: active <= 0 ? count - 1 : active - 1 },
        action: 'update',
        preventDefault: true,
      };
    }
    case 'Enter':
      if (open && active >= 0 && active < count) return { state, action: 'follow', preventDefault: true };
      return { state: { ...state, open: false, active: -1 }, action: 'submit', preventDefault: false };
    case 'Escape':
      if (open) return { state: { ...state, open: false, active: -1 }, action: 'update', preventDefault: true };
      // Chromium empties a search field on Escape by itself; doing it here makes every browser behave alike.
      if (hasValue) return { state: { ...state, active: -1, count: 0 }, action: 'clear', preventDefault: true };
      return keep;
    case 'Tab':
      // Tab leaves the field as usual; the popup must not stay behind.
      return open ? { state: { ...state, open: false, active: -1 }, action: 'update', preventDefault: false } : keep;
    default:
      return keep;
  }
}

/** Replaces `{name}` in an interface string. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}

export interface SuggestionStrings {
  /** "{count} results" */
  count: string;
  /** "1 result" */
  countOne: string;
  /** "No results" */
  none: string;
  /** "See all {count} results" */
  seeAll: string;
  /** "See 1 result on the search page" */
  seeAllOne: string;
}

/** What the polite live region says once a search has finished. */
export function statusText(total: number, strings: SuggestionStrings): string {
  if (total === 0) return strings.none;
  return total === 1 ? strings.countOne : fill(strings.count, { count: total });
}

/** The label of the last option, which opens the search page with every result. */
export function seeAllText(total: number, strings: SuggestionStrings): string {
  return total === 1 ? strings.seeAllOne : fill(strings.seeAll, { count: total });
}

/** The fields of a Pagefind result that a suggestion shows. */
export interface Suggestion {
  url: string;
  title: string;
  category: string;
  summary: string;
  /** Pagefind's excerpt: the text around what matched, shown instead of the summary when it marks a match. */
  excerpt?: ExcerptPart[];
}

/** A suggestion from a Pagefind result's data: plain strings, read as text, never as markup. */
export function toSuggestion(data: {
  url: string;
  meta: Record<string, string>;
  filters?: Record<string, string[]>;
  excerpt?: string;
}): Suggestion {
  const excerpt = parseExcerpt(data.excerpt ?? '');
  return {
    url: data.url,
    title: data.meta['title'] ?? data.url,
    category: data.filters?.['category']?.join(', ') ?? '',
    summary: data.meta['summary'] ?? '',
    ...(excerptHasMark(excerpt) ? { excerpt } : {}),
  };
}

/** Excerpt runs as text nodes, matched words in <mark>: markup in the index shows as characters and runs nothing. */
export function appendExcerpt(doc: ElementFactory, parent: HTMLElement, parts: readonly ExcerptPart[]): void {
  for (const part of parts) {
    if (part.mark) {
      const mark = doc.createElement('mark');
      mark.textContent = part.text;
      parent.append(mark);
    } else parent.append(doc.createTextNode(part.text));
  }
}

/** The least of `Document` that rendering needs, so tests can check it with a recording fake. */
export type ElementFactory = Pick<Document, 'createElement' | 'createTextNode'>;

/**
 * One option of the listbox: a link (so a click, a middle click or "open in new tab" work without script), in
 * the option role, out of the tab order because focus stays in the text field. Every indexed string goes in as
 * a text node, so a title such as `<img onerror=…>` shows as those characters and runs nothing.
 */
export function renderSuggestion(doc: ElementFactory, suggestion: Suggestion, id: string): HTMLAnchorElement {
  const option = doc.createElement('a');
  option.id = id;
  option.href = suggestion.url;
  option.tabIndex = -1;
  option.setAttribute('role', 'option');
  option.setAttribute('aria-selected', 'false');
  option.className = 'suggestion';
  const title = doc.createElement('span');
  title.className = 'suggestion-title';
  title.textContent = suggestion.title;
  option.append(title);
  if (suggestion.category) {
    const category = doc.createElement('span');
    category.className = 'suggestion-category';
    category.textContent = suggestion.category;
    // The space keeps the option's accessible name "PowerShell … ATT&CK Techniques", not "…)ATT&CK".
    option.append(doc.createTextNode(' '), category);
  }
  if (suggestion.excerpt || suggestion.summary) {
    const summary = doc.createElement('span');
    summary.className = 'suggestion-summary';
    // What matched, as on the search page; the definition when the match was in the title or the other names.
    if (suggestion.excerpt) appendExcerpt(doc, summary, suggestion.excerpt);
    else summary.textContent = suggestion.summary;
    // The summary is cut to one line on screen; left out of the option's name, so arrowing through the list
    // reads titles and categories, not whole definitions.
    summary.setAttribute('aria-hidden', 'true');
    option.append(summary);
  }
  return option;
}
