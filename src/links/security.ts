/**
 * The Content-Security-Policy and the other response headers, in one place: the `<meta>` policy in every page
 * and the `_headers` file for static hosts both come from here.
 *
 * - No 'unsafe-inline' anywhere: Astro is set to emit external stylesheets and scripts only.
 * - 'wasm-unsafe-eval' only where search runs: every page with the site header, whose search box runs Pagefind as
 *   you type (Pagefind compiles WebAssembly in its worker under /pagefind/, or on the page when no worker starts).
 *   Term cards, framed by other sites, have no header and stay without it. The worker comes from the site's own
 *   origin, which default-src 'self' allows: no worker-src, blob: or other source is needed.
 * - No `data:` images and no `<base>`: nothing uses them.
 *
 * How hosts read `_headers` differs, and the file is written so that the difference cannot matter:
 * - Cloudflare Pages applies every rule whose pattern matches, in file order, and joins a header that two rules
 *   set with a comma (two `Content-Security-Policy` values joined that way are two policies, both enforced).
 * - Netlify merges the headers of every matching rule too; for a header two rules both set, its local emulation
 *   (`netlify dev`) keeps the later rule's value, and its parser silently ignores Cloudflare's `! Name` lines.
 * So, under Cloudflare's reading, no header name is set by two rules that can match the same path, and nothing
 * relies on `!`. Where Netlify's looser patterns (an optional trailing slash) let a second rule match, that rule
 * comes later and sets the policies again, so Netlify's later-wins merge frames and shares the same paths. `/*` carries only the headers that are
 * the same everywhere; every other header comes from one rule per area of the site (`tests/unit/security.test.ts`
 * checks this for every file of a build, with both hosts' pattern syntax).
 */
type Policy = Record<string, string>;

const BASE_POLICY: Policy = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self'",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'self'",
};

/** What a page that runs search adds: Pagefind compiles WebAssembly. */
const SEARCH_POLICY: Policy = { ...BASE_POLICY, 'script-src': "'self' 'wasm-unsafe-eval'" };

/** Data and images for other sites: nothing in them may load or run anything, or be framed. */
const DATA_POLICY: Policy = { 'default-src': "'none'", 'frame-ancestors': "'none'" };

const serialize = (policy: Policy) =>
  Object.entries(policy)
    .map(([directive, value]) => `${directive} ${value}`)
    .join('; ');

/**
 * The policy for a page's `<meta>` tag: with 'wasm-unsafe-eval' when the page runs search (pages with the site
 * header, `src/layouts/BaseLayout.astro`), strict otherwise (term cards, redirects). `frame-ancestors` is ignored
 * there (Chromium logs an error for it), so it is left out: it comes from the `_headers` file.
 */
export function metaPolicy(search: boolean): string {
  return search ? SEARCH_META : BASE_META;
}
// Serialized once, not on each of the build's pages.
const BASE_META = serialize(BASE_POLICY);
const SEARCH_META = serialize(SEARCH_POLICY);

/** Headers that are the same on every path, so they can come from the `/*` rule alone. */
export const COMMON_HEADERS: readonly [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  // Nothing on the site uses these features; embedded frames cannot be granted them either.
  [
    'Permissions-Policy',
    'accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), serial=(), usb=()',
  ],
  // Pages opened from other sites (a course, a slide) get their own browsing context group.
  ['Cross-Origin-Opener-Policy', 'same-origin'],
];

const pageHeaders = (policy: Policy): [string, string][] => [
  ['Content-Security-Policy', serialize({ ...policy, 'frame-ancestors': "'self'" })],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
];

/** Term cards: framed by LMS pages on any origin. */
const CARD_HEADERS: [string, string][] = [
  ['Content-Security-Policy', serialize({ ...BASE_POLICY, 'frame-ancestors': '*' })],
  ['Cross-Origin-Resource-Policy', 'cross-origin'],
  ['Access-Control-Allow-Origin', '*'],
];

/**
 * Data, link-preview images and slides: read by pages and tools on other sites. The policy also keeps an SVG slide
 * opened directly from running anything (ours have no script, style or links, and must not gain any).
 */
const DATA_HEADERS: [string, string][] = [
  ['Content-Security-Policy', serialize(DATA_POLICY)],
  ['Cross-Origin-Resource-Policy', 'cross-origin'],
  ['Access-Control-Allow-Origin', '*'],
];

/** Site paths (without the base) of everything the build writes outside the folders below. */
const ROOT_FILES = [
  '/',
  '/index.html',
  '/404.html',
  '/favicon.svg',
  '/favicon.ico',
  '/robots.txt',
  '/sitemap.xml',
  '/print-origin.css',
];
/** Folders of pages and of the site's own assets. */
const PAGE_FOLDERS = [
  '/terms/*',
  '/categories/*',
  '/attack/*',
  '/n/*',
  '/search/*',
  '/packs/*',
  '/pagefind/*',
  '/_astro/*',
];

export interface HeaderRule {
  /** The rule's URL pattern, base path included. */
  path: string;
  headers: [string, string][];
  comment?: string | undefined;
}

/**
 * The rules of the `_headers` file, in order. `layerFiles` are the Navigator layers' file names under /attack/
 * (`layer.json`, `layer-v18.json`): the caller passes them, since they depend on the ATT&CK data and links/ sits
 * below attack/ in the folder order.
 */
export function headerRules(base: string, layerFiles: readonly string[]): HeaderRule[] {
  const path = (p: string) => `${base.replace(/\/$/, '')}${p}`;
  return [
    { path: path('/*'), headers: [...COMMON_HEADERS], comment: 'The same on every path.' },
    ...[...ROOT_FILES, ...PAGE_FOLDERS].map((p, i) => ({
      path: path(p),
      headers: pageHeaders(SEARCH_POLICY),
      comment:
        i === 0
          ? "Pages and the site's own files: framed only by the site itself. The search box in every page's header " +
            'runs Pagefind, which compiles WebAssembly (in a worker under /pagefind/).'
          : undefined,
    })),
    // The help page /embed/ is a page like the others; the cards below it are not.
    { path: path('/embed/'), headers: pageHeaders(SEARCH_POLICY) },
    {
      path: path('/embed/:slug/'),
      headers: CARD_HEADERS,
      comment:
        'Term cards, framed by LMS pages on any origin: only addresses of the form /embed/<name>/. A missing one gets ' +
        '/embed/404.html, which has nothing worth framing.',
    },
    {
      path: path('/embed/:slug/:rest*'),
      headers: pageHeaders(SEARCH_POLICY),
      comment: 'Anything deeper under /embed/ is not a card.',
    },
    // Netlify reads `/embed/:slug/` as also matching these two (a trailing slash is optional there) and keeps the
    // later rule's value of a header, so these come after it and set its policy and resource policy again (the
    // page keeps the cards' `Access-Control-Allow-Origin: *` there, harmless on a public page without
    // credentials). Cloudflare Pages matches neither against the card rule: each header comes from one rule.
    ...['/embed/index.html', '/embed/404.html'].map((p) => ({ path: path(p), headers: pageHeaders(SEARCH_POLICY) })),
    {
      path: path('/embed/preview.js'),
      headers: DATA_HEADERS,
      comment: 'The link-preview script, loaded by pages on any origin.',
    },
    ...['/api/*', '/og/*', '/slides/*', '/glossary.csv'].map((p, i) => ({
      path: path(p),
      headers: DATA_HEADERS,
      comment:
        i === 0
          ? 'Data, link-preview images and slides, read by pages and tools on other sites; nothing in them may run.'
          : undefined,
    })),
    ...layerFiles.map((file, i) => ({
      path: path(`/attack/${file}`),
      headers: [['Access-Control-Allow-Origin', '*']] as [string, string][],
      comment:
        i === 0
          ? 'The ATT&CK Navigator loads the layers from its own origin (the rest of their headers come from /attack/*).'
          : undefined,
    })),
  ];
}

/** The `_headers` file (Netlify, Cloudflare Pages): strict everywhere, framable and readable where that is the point. */
export function headersFile(base: string, layerFiles: readonly string[]): string {
  const header = [
    '# Response headers for static hosts that read a _headers file (Netlify, Cloudflare Pages).',
    '# Each header is set by exactly one rule that matches a path, so hosts that join repeated headers and hosts',
    '# that keep one give the same result. Generated from src/links/security.ts: edit that, not this file.',
  ].join('\n');
  const blocks = headerRules(base, layerFiles).map((rule) =>
    [
      ...(rule.comment ? [`# ${rule.comment}`] : []),
      rule.path,
      ...rule.headers.map(([name, value]) => `  ${name}: ${value}`),
    ].join('\n'),
  );
  return `${[header, ...blocks].join('\n\n')}\n`;
}
