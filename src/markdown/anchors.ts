/**
 * Anchors a term page already uses for its own parts. A body heading that
 * slugs to one of these would give the page two elements with one id, and
 * the URL contract's `#faq`, `#example-1`… would land on the wrong one.
 */
const PAGE_IDS = new Set([
  'main',
  'definition',
  'examples',
  'faq',
  'other-names',
  'related',
  'in-attack',
  'referenced-by',
  'sources',
  'cite',
  'use-in-training',
  'training-links',
  'training-section',
  'training-link',
  'training-short-link',
  'training-attack-link',
  'training-embed',
  'training-embed-code',
  'training-slide',
  'on-this-page',
  'toc',
  'site-search',
  'site-search-listbox',
  'site-search-status',
  'search-query',
  'copy-status',
]);

/** Prefixes of ids the page and the body components generate (`example-1`, `faq-…`, `tabs-1-2`, `callout-1`, `citation-apa`, `site-search-listbox-1`). */
const PAGE_PREFIXES = /^(?:example-\d|faq-|tabs-\d|callout-\d|detection-\d|citation-|site-search-listbox-)/;

export function isReservedAnchor(id: string): boolean {
  return reservedAnchorReason(id) !== undefined;
}

/** Why a heading's anchor can't be used: the page has that id, or ids starting this way are the page's to make. */
export function reservedAnchorReason(id: string): string | undefined {
  if (id === '' || PAGE_IDS.has(id)) return `the page already uses #${id}`;
  const prefix = PAGE_PREFIXES.exec(id)?.[0];
  return prefix ? `anchors starting "#${prefix.replace(/\d$/, '<number>')}" are reserved for the page's own ${prefix.startsWith('faq') ? 'FAQ answers' : 'parts'}` : undefined;
}
