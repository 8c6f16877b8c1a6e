/**
 * The site's search box (src/components/SearchBox.astro) as a combobox: the top results appear as you type, in a
 * listbox the arrow keys move through while focus stays in the text field. The states and the rendering are in
 * ../lib/combobox.ts; this file only connects them to the page. Without this script the box is a plain form that
 * submits to the search page, which is why the combobox roles are added here and not in the HTML.
 */
import { exactTitleFirst, searchableQuery } from '../search/ranking.ts';
import {
  SUGGESTION_CANDIDATES,
  SUGGESTION_LIMIT,
  comboboxKey,
  fill,
  renderSuggestion,
  seeAllText,
  statusText,
  toSuggestion,
  type ComboboxState,
  type SuggestionStrings,
} from './combobox.ts';
import { loadPagefind, type PagefindResultData } from './pagefind.ts';

type Strings = SuggestionStrings & { empty: string; failed: string };

// Long enough to skip searching mid-word for most typists, short enough that suggestions keep up with typing.
const DEBOUNCE_MS = 100;

export function startHeaderSearch(doc: Document): void {
  const form = doc.querySelector<HTMLFormElement>('[data-combobox-search]');
  if (!form) return;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const popup = form.querySelector<HTMLElement>('[data-popup]')!;
  const listbox = form.querySelector<HTMLElement>('[role="listbox"]')!;
  const empty = form.querySelector<HTMLElement>('[data-empty]')!;
  const status = form.querySelector<HTMLElement>('[role="status"]')!;
  const strings = JSON.parse(status.dataset['strings'] ?? '{}') as Strings;

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listbox.id);

  let state: ComboboxState = { open: false, active: -1, count: 0 };
  /** Bumped by every search; a search that finishes after a newer one started shows nothing. */
  let generation = 0;

  const options = () => [...listbox.children] as HTMLAnchorElement[];

  function show(next: ComboboxState): void {
    state = next;
    popup.hidden = !state.open;
    // An open popup that says "No terms match" has no listbox to expand.
    const expanded = state.open && state.count > 0;
    input.setAttribute('aria-expanded', String(expanded));
    const all = options();
    all.forEach((option, i) => option.setAttribute('aria-selected', String(i === state.active)));
    const active = expanded ? all[state.active] : undefined;
    if (active) {
      input.setAttribute('aria-activedescendant', active.id);
      active.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function seeAllOption(query: string, total: number): HTMLAnchorElement {
    // The same address the form submits to, so the search page opens exactly as Enter would open it.
    const url = new URL(form!.action);
    url.searchParams.set('q', query);
    const option = doc.createElement('a');
    option.id = `${listbox.id}-all`;
    option.href = url.href;
    option.tabIndex = -1;
    option.className = 'suggestion see-all';
    option.setAttribute('role', 'option');
    option.textContent = seeAllText(total, strings);
    return option;
  }

  function render(query: string, data: PagefindResultData[], total: number): void {
    const suggestions = exactTitleFirst(data, query).slice(0, SUGGESTION_LIMIT);
    const items = suggestions.map((d, i) => renderSuggestion(doc, toSuggestion(d), `${listbox.id}-${i}`));
    if (total > 0) items.push(seeAllOption(query, total));
    listbox.replaceChildren(...items);
    listbox.hidden = total === 0;
    empty.hidden = total > 0;
    empty.textContent = total === 0 ? fill(strings.empty, { query }) : '';
    status.textContent = statusText(total, strings);
    // Results that arrive after the reader left the field wait there until they come back and press a key.
    show({ open: doc.activeElement === input, active: -1, count: items.length });
  }

  async function search(): Promise<void> {
    const query = input.value.trim();
    const mine = ++generation;
    if (!query) {
      listbox.replaceChildren();
      status.textContent = '';
      show({ open: false, active: -1, count: 0 });
      return;
    }
    try {
      const engine = await loadPagefind();
      const found = await engine.debouncedSearch(searchableQuery(query), {}, DEBOUNCE_MS);
      if (!found || mine !== generation) return;
      // A few more than are shown, so that an exact title or alias just past the limit still comes first.
      const data = await Promise.all(found.results.slice(0, SUGGESTION_CANDIDATES).map((r) => r.data()));
      if (mine !== generation) return;
      render(query, data, found.results.length);
    } catch {
      if (mine !== generation) return;
      listbox.replaceChildren();
      status.textContent = strings.failed;
      show({ open: false, active: -1, count: 0 });
    }
  }

  input.addEventListener('input', () => {
    // What was highlighted belongs to the previous text: Enter must not open it while the new results load.
    show({ ...state, active: -1 });
    void search();
  });
  // Start loading on focus, so the first suggestions do not wait for the index; never on page load.
  input.addEventListener('focus', () => void loadPagefind().catch(() => {}), { once: true });
  input.addEventListener('keydown', (event) => {
    if (event.isComposing || event.ctrlKey || event.metaKey) return;
    const outcome = comboboxKey(state, { key: event.key, altKey: event.altKey, hasValue: input.value !== '' });
    if (outcome.preventDefault) event.preventDefault();
    if (outcome.action === 'follow') {
      const option = options()[state.active];
      if (option) doc.location.assign(option.href);
    } else if (outcome.action === 'clear') {
      input.value = '';
      void search();
    } else if (outcome.action !== 'none') {
      // 'submit' closes the popup; the form then submits by itself.
      show(outcome.state);
    }
  });
  // Keep focus in the field when an option is pressed, so the click lands on the link before blur closes the popup.
  popup.addEventListener('mousedown', (event) => event.preventDefault());
  // Clicking or tabbing anywhere else takes focus from the field, and closes the popup.
  input.addEventListener('blur', () => show({ ...state, open: false, active: -1 }));
  // A page restored by Back must not come back with the popup still open over it.
  doc.defaultView?.addEventListener('pageshow', () => show({ ...state, open: false, active: -1 }));
}
