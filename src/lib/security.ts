/**
 * The Content-Security-Policy and other response headers, in one place: the
 * `<meta>` tag in every page and the `_headers` file for static hosts both
 * come from here. No 'unsafe-inline' anywhere: Astro is set to emit external
 * stylesheets and scripts only. Pagefind compiles WebAssembly, which needs
 * 'wasm-unsafe-eval'.
 */
const BASE_POLICY: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
};

const serialize = (policy: Record<string, string>) =>
  Object.entries(policy)
    .map(([directive, value]) => `${directive} ${value}`)
    .join('; ');

/** For the `<meta>` tag. `frame-ancestors` is ignored there, and Chromium logs an error for it, so it is left out. */
export const META_CSP = serialize(BASE_POLICY);

/** The `_headers` file: strict everywhere, framable and readable from any origin where that is the point. */
export function headersFile(base: string): string {
  const path = (p: string) => `${base.replace(/\/$/, '')}${p}`;
  const rule = (pattern: string, headers: string[]) => [pattern, ...headers.map((h) => `  ${h}`)].join('\n');
  return [
    '# Response headers for static hosts that read a _headers file (Netlify, Cloudflare Pages).',
    rule(path('/*'), [
      'X-Content-Type-Options: nosniff',
      'Referrer-Policy: strict-origin-when-cross-origin',
      `Content-Security-Policy: ${serialize({ ...BASE_POLICY, 'frame-ancestors': "'self'" })}`,
      'X-Frame-Options: SAMEORIGIN',
    ]),
    '# Term cards are made to be framed by LMS pages on any origin.',
    rule(path('/embed/*'), [
      '! X-Frame-Options',
      `Content-Security-Policy: ${serialize({ ...BASE_POLICY, 'frame-ancestors': '*' })}`,
    ]),
    '# Pages on other sites read these: the preview script and the data it shows.',
    rule(path('/embed/preview.js'), ['Access-Control-Allow-Origin: *']),
    rule(path('/api/*'), ['Access-Control-Allow-Origin: *']),
    rule(path('/glossary.csv'), ['Access-Control-Allow-Origin: *']),
    '',
  ].join('\n\n');
}
