/**
 * Every URL the site prints comes from here, relative and absolute, so the URL contract in README.md lives in
 * one place and the base path is applied once.
 */
// Written out in full so Vite can replace `import.meta.env.BASE_URL` at build time; plain Node (the authoring
// scripts) has no `import.meta.env`, and gets "/".
export const BASE: string = import.meta.env ? import.meta.env.BASE_URL : '/';

/** Joins a site-relative path onto the configured base (`/` or `/glossary/`). */
export function withBase(path: string, base: string = BASE): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return prefix + path.replace(/^\/+/, '');
}

export const urls = {
  home: () => withBase('/'),
  terms: () => withBase('/terms/'),
  /** `base` is for Markdown rendered outside Vite (the content checks), where BASE is always "/". */
  term: (slug: string, base: string = BASE) => withBase(`/terms/${slug}/`, base),
  category: (slug: string) => withBase(`/categories/${slug}/`),
  attack: (id: string, base: string = BASE) => withBase(`/attack/${id}/`, base),
  embed: (slug: string, base: string = BASE) => withBase(`/embed/${slug}/`, base),
  /** A term's links, embed code, citations and slide for training material, on a page of their own. */
  training: (slug: string) => withBase(`/terms/${slug}/training/`),
  embedHelp: () => withBase('/embed/'),
  ogImage: (slug: string) => withBase(`/og/${slug}.png`),
  /** A 1920×1080 slide of the term for training decks; the PNG is drawn from it in the browser. */
  slide: (slug: string) => withBase(`/slides/${slug}.svg`),
  number: (number: number, base: string = BASE) => withBase(`/n/${number}/`, base),
  attackOverview: () => withBase('/attack/'),
  attackIds: () => withBase('/attack/ids/'),
  /** A Navigator layer: `layer` (the current release) or `layer-v18` (the committed data's IDs; navigator-layer.ts). */
  attackLayer: (stem = 'layer') => withBase(`/attack/${stem}.json`),
  search: (query?: string) => withBase(query ? `/search/?q=${encodeURIComponent(query)}` : '/search/'),
  /** `base` is for the build integrations, which run before Vite sets BASE. */
  shortLinks: (base: string = BASE) => withBase('/n/', base),
  apiTerms: () => withBase('/api/terms.json'),
  apiTerm: (slug: string) => withBase(`/api/terms/${slug}.json`),
  apiIds: () => withBase('/api/ids.json'),
  csv: () => withBase('/glossary.csv'),
  sitemap: () => withBase('/sitemap.xml'),
  favicon: () => withBase('/favicon.svg'),
  /** The print stylesheet that prints the site's origin after links (its content depends on SITE_URL). */
  printOrigin: () => withBase('/print-origin.css'),
  /** The link-preview script other sites load; it is also used on the glossary's own pages. */
  previewScript: () => withBase('/embed/preview.js'),
  /** Course packs: the picker, and the pages a pack's link opens (the pack itself is in the query string). */
  packs: () => withBase('/packs/'),
  packHandout: () => withBase('/packs/handout/'),
  packFlashcards: () => withBase('/packs/flashcards/'),
  packQuiz: () => withBase('/packs/quiz/'),
  /**
   * "Add to a pack" on a term page: the picker adds the term to the pack this browser was last building. Without
   * JavaScript, or with no pack started, the same link is a pack of that one term.
   */
  packAdd: (slug: string) => withBase(`/packs/?terms=${encodeURIComponent(slug)}&add=1`),
  /** Every term as the pack pages need it (PackTerm), with renamed slugs and the tactics to pick by. */
  packData: () => withBase('/api/pack-terms.json'),
  /** The whole glossary as a Moodle Glossary import file. */
  moodleGlossary: () => withBase('/api/moodle-glossary.xml'),
  /** Pagefind's bundle, loaded by the search box on first use. */
  pagefindScript: () => withBase('/pagefind/pagefind.js'),
};

/**
 * The absolute form of a URL from `urls`, on the configured site. Without a site (a build with no SITE_URL) the
 * URL is made absolute on localhost, so callers always get a full URL to print.
 */
export function absolute(path: string, site: URL | string | undefined): string {
  return new URL(path, site ?? 'http://localhost/').href;
}

/** The id of an FAQ answer's anchor: `faq-` plus the question as a slug. */
export function faqAnchor(question: string): string {
  return `faq-${slugify(question)}`;
}

/** The id of an example's anchor: `example-` plus its number. */
export function exampleAnchor(index: number): string {
  return `example-${index + 1}`;
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** The host astro.config.mjs falls back to when `SITE_URL` is not set: a placeholder, never a real site. */
export const EXAMPLE_HOST = 'glossary.example.org';

/**
 * The one-line warning a production build prints when `SITE_URL` is missing or still the example host, or undefined
 * when it names a real site. The build goes on either way: a preview build needs no public address.
 */
export function siteUrlWarning(env: Record<string, string | undefined>): string | undefined {
  const value = env['SITE_URL']?.trim();
  const fix = 'set it to the public address, e.g. `SITE_URL=https://your.host npm run build`.';
  const affects = 'canonical URLs, citations, JSON exports and the sitemap';
  if (!value) return `Warning: SITE_URL is not set, so ${affects} point at https://${EXAMPLE_HOST}: ${fix}`;
  let host: string;
  try {
    host = new URL(value).hostname;
  } catch {
    return `Warning: SITE_URL is not a URL (found "${value}"), so ${affects} will be wrong: ${fix}`;
  }
  if (host === EXAMPLE_HOST)
    return `Warning: SITE_URL is the example host ${EXAMPLE_HOST}, so ${affects} point at a site that is not yours: ${fix}`;
  return undefined;
}

/**
 * `SITE_URL` and `BASE_PATH` as Astro should get them, checked before anything runs: a newline in the base path or
 * `SITE_URL=javascript:…` would otherwise fail late, deep in a page, with a message that names neither variable.
 * Throws an Error that names the variable, the value and what is expected.
 */
export function deploymentSettings(env: Record<string, string | undefined>): { site: string; base: string } {
  const shown = (value: string) => JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}…` : value);
  const base = env['BASE_PATH'] ?? '/';
  if (!/^\/(?:[A-Za-z0-9._~-]+\/)*$/.test(base) || /(?:^|\/)\.\.?\//.test(base)) {
    throw new Error(
      `BASE_PATH must be a path of letters, digits, ".", "_", "~" and "-" that starts and ends with "/" (such as /glossary/), found ${shown(base)}`,
    );
  }
  const raw = env['SITE_URL']?.trim() || `https://${EXAMPLE_HOST}`;
  const site = URL.parse(raw);
  const problem = !site
    ? 'which is not a URL'
    : !['http:', 'https:'].includes(site.protocol)
      ? `whose scheme is "${site.protocol}"`
      : site.username || site.password
        ? 'which holds a user name or password'
        : site.search || site.hash || raw.includes('?') || raw.includes('#')
          ? 'which has a query or fragment'
          : undefined;
  if (problem)
    throw new Error(
      `SITE_URL must be an absolute http(s) URL without credentials, query or fragment (such as https://glossary.example.net), found ${shown(raw)}, ${problem}`,
    );
  return { site: raw, base };
}
