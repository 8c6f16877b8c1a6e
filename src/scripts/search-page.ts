/**
 * The search page: runs Pagefind in the browser, keeps the query and the
 * category filter in the URL (so training material can link to a search), and
 * renders results as text nodes only, so no indexed content can inject markup.
 */
import { SEARCH_RANKING, SUB_RESULT_LIMIT, exactTitleFirst, pickSubResults } from '../lib/search.ts';

interface PagefindResultData {
  url: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sub_results: { title: string; url: string }[];
}
interface Pagefind {
  options(options: object): Promise<void>;
  debouncedSearch(
    query: string,
    options?: object,
    ms?: number,
  ): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

type Strings = Record<'empty' | 'count' | 'countOne' | 'loading' | 'failed' | 'prompt', string>;

const RESULT_LIMIT = 20;

let pagefind: Promise<Pagefind> | undefined;

/** Loads Pagefind's bundle on first use only, so pages that never search never download it. */
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const base = import.meta.env.BASE_URL;
    const module = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await module.options({ baseUrl: base, ranking: SEARCH_RANKING });
    return module;
  })();
  return pagefind;
}

export function startSearchPage(doc: Document): void {
  const form = doc.querySelector<HTMLFormElement>('[data-search-form]')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const select = form.querySelector<HTMLSelectElement>('select[name="category"]')!;
  const status = doc.querySelector<HTMLElement>('[data-search-status]')!;
  const list = doc.querySelector<HTMLOListElement>('[data-search-results]')!;
  const strings = JSON.parse(status.dataset['strings'] ?? '{}') as Strings;
  const fill = (text: string, values: Record<string, string | number>) =>
    text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

  const params = new URL(doc.location.href).searchParams;
  input.value = params.get('q') ?? '';
  select.value = params.get('category') ?? '';

  async function run(): Promise<void> {
    const query = input.value.trim();
    const category = select.value;
    const url = new URL(doc.location.href);
    url.search = '';
    if (query) url.searchParams.set('q', query);
    if (category) url.searchParams.set('category', category);
    history.replaceState(null, '', url);

    if (!query) {
      list.replaceChildren();
      status.textContent = strings.prompt;
      return;
    }
    status.textContent = strings.loading;
    let found: PagefindResultData[];
    try {
      const engine = await loadPagefind();
      // 80 ms: long enough to skip searching mid-word for most typists, short enough that results feel immediate.
      const search = await engine.debouncedSearch(query, category ? { filters: { category } } : {}, 80);
      if (!search) return; // a newer keystroke superseded this search
      found = exactTitleFirst(await Promise.all(search.results.slice(0, RESULT_LIMIT).map((r) => r.data())), query);
    } catch {
      status.textContent = strings.failed;
      return;
    }
    if (input.value.trim() !== query || select.value !== category) return;
    list.replaceChildren(...found.map((result) => renderResult(doc, result, query)));
    status.textContent =
      found.length === 0
        ? fill(strings.empty, { query })
        : fill(found.length === 1 ? strings.countOne : strings.count, { count: found.length, query });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  input.addEventListener('input', () => void run());
  select.addEventListener('change', () => void run());
  if (input.value) void run();
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
  item.append(link, summary, category);

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
      subList.append(li);
    }
    item.append(subList);
  }
  return item;
}
