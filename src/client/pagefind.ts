/**
 * Pagefind, loaded once per page and shared: the header's search box and the search page use the same instance,
 * so a page never downloads or configures the index twice.
 */
import { SEARCH_RANKING } from '../search/ranking.ts';
import { urls } from '../links/urls.ts';

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sub_results: { title: string; url: string; excerpt: string }[];
}
export interface PagefindResult {
  data(): Promise<PagefindResultData>;
}
export interface Pagefind {
  options(options: object): Promise<void>;
  debouncedSearch(query: string, options?: object, ms?: number): Promise<{ results: PagefindResult[] } | null>;
}

let pagefind: Promise<Pagefind> | undefined;

/** Loads Pagefind's bundle on first use only, so pages that never search never download it. */
export function loadPagefind(): Promise<Pagefind> {
  if (!pagefind) {
    const loading = (async () => {
      const module = (await import(/* @vite-ignore */ urls.pagefindScript())) as Pagefind;
      await module.options({ baseUrl: urls.home(), ranking: SEARCH_RANKING });
      return module;
    })();
    // A failed load (a dropped connection) is not remembered: the next keystroke tries again.
    loading.catch(() => {
      if (pagefind === loading) pagefind = undefined;
    });
    pagefind = loading;
  }
  return pagefind;
}
