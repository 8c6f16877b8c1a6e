/**
 * Search tuning, shared by the search UI and its tests. Titles, aliases and
 * ATT&CK IDs must outrank pages that merely mention a word: "TA0002" has to
 * find Execution first, not a technique page that cites the tactic.
 */
// Tuned on the real content (tests/e2e/browser.test.ts checks every title and alias): aliases above titles, so an
// alias such as "Tactics, Techniques, and Procedures" beats a title that shares one word ("Procedure"); a
// lower term-frequency weight keeps long pages that repeat a word from outranking the term it names.
export const SEARCH_RANKING = {
  metaWeights: { title: 8, aliases: 15, summary: 1 },
  termFrequency: 0.5,
} as const;

export const SUB_RESULT_LIMIT = 3;

export interface SubResult {
  title: string;
  url: string;
}

/**
 * The sub-results worth showing under a page: sections with their own anchor
 * (examples, FAQ entries, body headings), never the page itself, and those
 * whose heading mentions the query first.
 */
export function pickSubResults(subs: readonly SubResult[], pageUrl: string, query: string, limit: number): SubResult[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const mentions = (s: SubResult) => words.some((w) => s.title.toLowerCase().includes(w));
  return subs
    .filter((s) => s.url.includes('#') && s.url.split('#')[0] === pageUrl.split('#')[0])
    .map((s, i) => ({ s, i, hit: mentions(s) ? 0 : 1 }))
    .sort((a, b) => a.hit - b.hit || a.i - b.i)
    .slice(0, limit)
    .map(({ s }) => s);
}

/**
 * Results whose title or one of whose other names is exactly the query come first, in Pagefind's order otherwise.
 * Pagefind scores words, so a long page that uses "Windows", "command" and "shell" often can outrank the entry
 * titled "Windows Command Shell", and "at command" matches many pages better than the entry that has it as an alias.
 */
export function exactTitleFirst<T extends { meta: Record<string, string> }>(results: readonly T[], query: string): T[] {
  const wanted = query.trim().toLowerCase();
  const names = (r: T) => [
    // The indexed title carries the qualifier: "Windows Command Shell (MITRE Sub-technique)".
    (r.meta['title'] ?? '').replace(/\s*\([^)]*\)\s*$/, ''),
    // Pagefind joins the list items of the aliases meta with ". ".
    ...(r.meta['aliases'] ?? '').split(/\.\s+|\.$/),
  ];
  const exact = results.filter((r) => names(r).some((n) => n.trim().toLowerCase() === wanted));
  return [...exact, ...results.filter((r) => !exact.includes(r))];
}
