/**
 * Search tuning, shared by the search UI and its tests. Titles, aliases and
 * ATT&CK IDs must outrank pages that merely mention a word: "TA0002" has to
 * find Execution first, not a technique page that cites the tactic.
 */
// Tuned on the real content (tests/e2e/browser.test.ts checks every title and alias): aliases above titles, so an
// alias such as "Tactics, Techniques, and Procedures" beats a title that shares one word ("Procedure"); a
// lower term-frequency weight keeps long pages that repeat a word from outranking the term it names.
export const SEARCH_RANKING = {
  metaWeights: { title: 8, aliases: 15, phrases: 12, summary: 1 },
  termFrequency: 0.5,
} as const;

/** The `data-pagefind-weight` of a page's list of other names: its words count ten times a body word's. */
export const ALIAS_TEXT_WEIGHT = 10;

/** How a page's search phrases are joined in its `phrases` metadata, and split again. */
export const PHRASE_SEPARATOR = '; ';

/**
 * Words of a learner's question that say nothing about which term they want: "how do attackers run code" searches
 * for "run code". In a security glossary "attackers" is on every page, so it only dilutes the ranking.
 */
const FILLER = new Set(
  "a an the is are was were be do does did what whats what's who which why how when where to of in on for with by can could should would i you we they my it its this that there attacker attackers hacker hackers adversary adversaries someone people mean means meaning define definition explain explained example examples".split(
    ' ',
  ),
);

/**
 * The query as Pagefind should get it: question words and filler removed (the box and the URL keep what the
 * learner typed). A query made only of filler ("what is it") is searched as typed.
 */
export function searchableQuery(query: string): string {
  const words = query
    .trim()
    .replace(/[?¿!.]+$/u, '')
    .split(/\s+/)
    .filter(Boolean);
  const kept = words.filter((w) => !FILLER.has(w.toLowerCase().replace(/[’']/g, "'")));
  return (kept.length ? kept : words).join(' ');
}

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
export function pickSubResults<T extends SubResult>(
  subs: readonly T[],
  pageUrl: string,
  query: string,
  limit: number,
): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const mentions = (s: T) => words.some((w) => s.title.toLowerCase().includes(w));
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
  const wanted = new Set([query.trim().toLowerCase(), searchableQuery(query).toLowerCase()]);
  const names = (r: T) => [
    ...(r.meta['phrases'] ?? '').split(PHRASE_SEPARATOR),
    // The indexed title carries the qualifier: "Windows Command Shell (MITRE Sub-technique)".
    (r.meta['title'] ?? '').replace(/\s*\([^)]*\)\s*$/, ''),
    // Pagefind joins the list items of the aliases meta with ". ".
    ...(r.meta['aliases'] ?? '').split(/\.\s+|\.$/),
  ];
  const exact = results.filter((r) => names(r).some((n) => wanted.has(n.trim().toLowerCase())));
  return [...exact, ...results.filter((r) => !exact.includes(r))];
}

/** How many results the search page loads at a time; "Show more" loads the next batch. */
export const RESULT_BATCH = 20;

/** A run of excerpt text, marked when Pagefind matched the query's words in it. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  '#x27': "'",
  '#X27': "'",
};

/** Decodes the few entities Pagefind writes into excerpts, in one pass, so "&amp;lt;" stays the text "&lt;". */
export function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27|#X27);/g, (_, name: string) => ENTITIES[name]!);
}

/**
 * Splits a Pagefind excerpt into text and marked runs. Only `<mark>` and `</mark>` are read as tags; everything
 * else, including markup written raw or as entities, stays text for the caller to put in text nodes.
 */
export function parseExcerpt(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let mark = false;
  for (const token of excerpt.split(/(<\/?mark>)/i)) {
    const tag = token.toLowerCase();
    if (tag === '<mark>') mark = true;
    else if (tag === '</mark>') mark = false;
    else if (token) {
      const text = decodeEntities(token);
      const last = parts.at(-1);
      if (last && last.mark === mark) last.text += text;
      else parts.push({ text, mark });
    }
  }
  return parts;
}

/** True when an excerpt marks at least one word, that is, the query matched the text the excerpt was cut from. */
export function excerptHasMark(parts: readonly ExcerptPart[]): boolean {
  return parts.some((p) => p.mark && p.text.trim() !== '');
}

/**
 * The category slug that a `?category=` value names: the slug itself, or (for links made before slugs were used)
 * the display name, matched exactly or ignoring case. Anything else names no category.
 */
export function categorySlugFromParam(
  value: string | null,
  categories: readonly { slug: string; name: string }[],
): string {
  const wanted = (value ?? '').trim();
  if (!wanted) return '';
  const lower = wanted.toLowerCase();
  const found =
    categories.find((c) => c.slug === wanted || c.name === wanted) ??
    categories.find((c) => c.slug.toLowerCase() === lower || c.name.toLowerCase() === lower);
  return found?.slug ?? '';
}

/** The name Pagefind filters by (term pages index the category's display name) for a category slug. */
export function categoryFilterName(
  slug: string,
  categories: readonly { slug: string; name: string }[],
): string | undefined {
  return categories.find((c) => c.slug === slug)?.name;
}
