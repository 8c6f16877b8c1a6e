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

/** A stand-in origin for the site: only how a URL resolves against it matters, never the host's name. */
const SITE = 'https://glossary.invalid';

/**
 * Link targets allowed in prose: the web, mail, and pages of this site. "A page of this site" is decided the way a
 * browser decides it: the URL is parsed as WHATWG URL parsing does (which drops tabs and line breaks, reads `\` as
 * `/` and `/\host` as another host) against a page of the site, and must keep the site's origin. A site link that
 * only looks internal ("/\evil.example") would otherwise render without the external-link marker and leave.
 */
export function linkProblem(url: string): string | undefined {
  let here: URL;
  let elsewhere: URL;
  try {
    here = new URL(url, `${SITE}/terms/a/`);
    elsewhere = new URL(url, `${SITE}/b/`);
  } catch {
    return 'a URL that browsers cannot parse';
  }
  if (here.origin === SITE) {
    // Relative paths ("docs/x.md") resolve differently from different pages: only an absolute path or an anchor is stable.
    if (here.href !== elsewhere.href && !/^[\u0000-\u0020]*#/.test(url)) return 'a relative path';
    if (!/^[\u0000-\u0020]*[/#]/.test(url)) return "a URL that names this site's stand-in address";
    return undefined;
  }
  const scheme = here.protocol.slice(0, -1);
  if (!['http', 'https', 'mailto'].includes(scheme)) return `the "${scheme}:" scheme`;
  // Written as a site path but parsed as another host: "//host", "/\\host", "/\thost".
  if (/^[\u0000-\u0020]*\/\//.test(url)) return 'a protocol-relative URL';
  if (!/^[\u0000-\u0020]*[a-z][a-z0-9+.-]*:/i.test(url)) return 'a URL that looks like a site path but leaves the site';
  if (here.username || here.password) return 'a user name or password in the URL';
  return undefined;
}

export const LINK_POLICY = 'an http(s) or mailto: URL, or a site path starting with "/"';

/** The slug of a `/terms/<slug>/` link, which must name an existing entry. */
export function termPathSlug(url: string): string | undefined {
  return /^\/terms\/([^/#?]+)\/?(?:[#?].*)?$/.exec(url)?.[1];
}
