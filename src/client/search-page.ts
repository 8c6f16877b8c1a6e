/**
 * The search page: runs Pagefind in the browser, keeps the query and the
 * category filter in the URL (so training material can link to a search), and
 * renders results as text nodes only, so no indexed content can inject markup.
 * Pagefind's excerpts are the one exception to "text only": their `<mark>`
 * tags become real <mark> elements, built by ../lib/search.ts's tokenizer.
 */
import {
  RESULT_BATCH,
  SUB_RESULT_LIMIT,
  categoryFilterName,
  categorySlugFromParam,
  exactTitleFirst,
  searchableQuery,
  excerptHasMark,
  parseExcerpt,
  pickSubResults,
} from '../search/ranking.ts';
import { appendExcerpt } from './combobox.ts';
import { loadPagefind, type PagefindResult, type PagefindResultData } from './pagefind.ts';

type Strings = Record<'empty' | 'count' | 'countOne' | 'loading' | 'failed' | 'prompt' | 'showing', string>;

export function startSearchPage(doc: Document): void {
  const form = doc.querySelector<HTMLFormElement>('[data-search-form]')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const select = form.querySelector<HTMLSelectElement>('select[name="category"]')!;
  const status = doc.querySelector<HTMLElement>('[data-search-status]')!;
  const list = doc.querySelector<HTMLOListElement>('[data-search-results]')!;
  const more = doc.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const strings = JSON.parse(status.dataset['strings'] ?? '{}') as Strings;
  const fill = (text: string, values: Record<string, string | number>) =>
    text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
  // The options carry each category's slug as value and its display name as text.
  const categories = [...select.options].filter((o) => o.value).map((o) => ({ slug: o.value, name: o.text.trim() }));

  const params = new URL(doc.location.href).searchParams;
  input.value = params.get('q') ?? '';
  // Links made before slugs were used name the category by its display name: both select the same option.
  select.value = categorySlugFromParam(params.get('category'), categories);

  /** The current search: every Pagefind result, how many are shown, and a number that later searches outdate. */
  let current = { generation: 0, query: '', results: [] as PagefindResult[], shown: 0 };

  function announce(): void {
    const { query, results, shown } = current;
    const total = results.length;
    let text =
      total === 0
        ? fill(strings.empty, { query })
        : fill(total === 1 ? strings.countOne : strings.count, { count: total, query });
    if (shown < total) text += ` ${fill(strings.showing, { shown, count: total })}`;
    status.textContent = text;
    more.hidden = shown >= total;
  }

  /** Loads and appends the next batch of the current search; returns the new items, or null if outdated. */
  async function loadBatch(): Promise<HTMLLIElement[] | null> {
    const search = current;
    const batch = search.results.slice(search.shown, search.shown + RESULT_BATCH);
    const data = await Promise.all(batch.map((r) => r.data()));
    if (search !== current) return null;
    const items = exactTitleFirst(data, search.query).map((result) => renderResult(doc, result, search.query));
    list.append(...items);
    search.shown += batch.length;
    return items;
  }

  async function run(): Promise<void> {
    const query = input.value.trim();
    const slug = select.value;
    const url = new URL(doc.location.href);
    url.search = '';
    if (query) url.searchParams.set('q', query);
    if (slug) url.searchParams.set('category', slug);
    history.replaceState(null, '', url);

    const generation = current.generation + 1;
    current = { generation, query, results: [], shown: 0 };
    if (!query) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = strings.prompt;
      return;
    }
    status.textContent = strings.loading;
    try {
      const engine = await loadPagefind();
      // Term pages index the category's display name as the filter value.
      const category = categoryFilterName(slug, categories);
      // 80 ms: long enough to skip searching mid-word for most typists, short enough that results feel immediate.
      const search = await engine.debouncedSearch(
        searchableQuery(query),
        category ? { filters: { category } } : {},
        80,
      );
      if (!search || current.generation !== generation) return; // a newer keystroke superseded this search
      current.results = search.results;
      list.replaceChildren();
      if ((await loadBatch()) === null) return;
    } catch {
      if (current.generation === generation) status.textContent = strings.failed;
      return;
    }
    announce();
  }

  more.addEventListener('click', () => {
    void (async () => {
      more.disabled = true;
      try {
        const items = await loadBatch();
        if (!items) return;
        announce();
        // Focus the first new result so keyboard and screen reader users continue where the list grew.
        items[0]?.querySelector<HTMLAnchorElement>('a.result-title')?.focus();
      } catch {
        status.textContent = strings.failed;
      } finally {
        more.disabled = false;
      }
    })();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  input.addEventListener('input', () => void run());
  select.addEventListener('change', () => void run());
  if (input.value) void run();
  else if (params.get('category') !== select.value) {
    // Rewrite an old display-name link to the slug even when there is no query yet.
    const url = new URL(doc.location.href);
    url.search = '';
    if (select.value) url.searchParams.set('category', select.value);
    history.replaceState(null, '', url);
  }
}

/** A paragraph of excerpt text with Pagefind's matched words in <mark>, from text nodes only; null if nothing matched. */
function renderExcerpt(doc: Document, excerpt: string | undefined, className: string): HTMLParagraphElement | null {
  const parts = parseExcerpt(excerpt ?? '');
  if (!excerptHasMark(parts)) return null;
  const p = doc.createElement('p');
  p.className = className;
  appendExcerpt(doc, p, parts);
  return p;
}

function renderResult(doc: Document, result: PagefindResultData, query: string): HTMLLIElement {
  const item = doc.createElement('li');
  const link = doc.createElement('a');
  link.className = 'result-title';
  link.href = result.url;
  link.textContent = result.meta['title'] ?? result.url;
  const summary = doc.createElement('p');
  summary.className = 'result-summary';
  summary.textContent = result.meta['summary'] ?? '';
  const category = doc.createElement('span');
  category.className = 'result-category';
  category.textContent = result.filters['category']?.join(', ') ?? '';
  item.append(link, summary);
  // The summary always stays (it is the definition); the excerpt is added when the query matched the body text.
  const excerpt = renderExcerpt(doc, result.excerpt, 'result-excerpt');
  if (excerpt) item.append(excerpt);
  item.append(category);

  const subs = pickSubResults(result.sub_results, result.url, query, SUB_RESULT_LIMIT);
  if (subs.length) {
    const subList = doc.createElement('ul');
    subList.className = 'sub-results';
    for (const sub of subs) {
      const li = doc.createElement('li');
      const a = doc.createElement('a');
      a.href = sub.url;
      a.textContent = sub.title;
      li.append(a);
      const subExcerpt = renderExcerpt(doc, sub.excerpt, 'sub-excerpt');
      if (subExcerpt) li.append(subExcerpt);
      subList.append(li);
    }
    item.append(subList);
  }
  return item;
}
