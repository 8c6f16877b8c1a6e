/**
 * The one set of Markdown settings for every piece of prose in an entry: the
 * MDX body and the inline Markdown of examples and FAQ answers. Bodies and
 * answers used to go through two engines and came out with different quotes.
 */
import type { Features } from 'satteri';

export const MARKDOWN_FEATURES: Features = {
  gfm: { footnotes: false },
  smartPunctuation: true,
  frontmatter: false,
};

/** Link targets allowed in prose: the web, mail, and pages of this site. */
export function linkProblem(url: string): string | undefined {
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"), so strip them before looking.
  const bare = url.replace(/[\u0000-\u0020\u007f]+/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(bare)?.[1];
  if (scheme) return ['http', 'https', 'mailto'].includes(scheme) ? undefined : `the "${scheme}:" scheme`;
  if (bare.startsWith('//')) return 'a protocol-relative URL';
  if (bare.startsWith('/') || bare.startsWith('#')) return undefined;
  return 'a relative path';
}

export const LINK_POLICY = 'an http(s) or mailto: URL, or a site path starting with "/"';

/** The slug of a `/terms/<slug>/` link, which must name an existing entry. */
export function termPathSlug(url: string): string | undefined {
  return /^\/terms\/([^/#?]+)\/?(?:[#?].*)?$/.exec(url)?.[1];
}
