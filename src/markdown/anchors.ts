/**
 * Anchors a term page already uses for its own parts. A body heading that
 * slugs to one of these would give the page two elements with one id, and
 * the URL contract's `#faq`, `#example-1`… would land on the wrong one.
 *
 * The page's own ids are listed here; the ids body components give their
 * parts come from the component registry. A test reads every built term page
 * and fails when the page uses an id outside the body that this does not
 * reserve (tests/e2e/built-pages.test.ts), so the list cannot drift again.
 */
import { COMPONENT_ID_PREFIXES } from './body-components/registry.ts';

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
  'use-in-training',
  'on-this-page',
  'toc',
  'site-search',
  'site-search-listbox',
  'site-search-status',
  'search-query',
  'copy-status',
]);

/** Ids the page and the components number (`example-1`, `callout-1`, `tabs-1-2`): reserved when a digit follows. */
const NUMBERED = ['example-', ...COMPONENT_ID_PREFIXES];
/** Ids the page names after text (`faq-<question>`, `site-search-listbox-1`): reserved whatever follows. */
const NAMED = ['faq-', 'site-search-listbox-'];

export function isReservedAnchor(id: string): boolean {
  return reservedAnchorReason(id) !== undefined;
}

/** Why a heading's anchor can't be used: the page has that id, or ids starting this way are the page's to make. */
export function reservedAnchorReason(id: string): string | undefined {
  if (id === '' || PAGE_IDS.has(id)) return `the page already uses #${id}`;
  const named = NAMED.find((p) => id.startsWith(p));
  if (named)
    return `anchors starting "#${named}" are reserved for the page's own ${named === 'faq-' ? 'FAQ answers' : 'parts'}`;
  const numbered = NUMBERED.find((p) => id.startsWith(p) && /\d/.test(id.charAt(p.length)));
  return numbered ? `anchors starting "#${numbered}<number>" are reserved for the page's own parts` : undefined;
}
