import { describe, expect, test } from 'vitest';
import { headersFile, metaPolicy } from '../../src/links/security.ts';
import { layerFileStem } from '../../src/attack/navigator-layer.ts';
import {
  cloudflarePattern,
  headersFor,
  netlifyHeadersFor,
  netlifyPattern,
  parseHeadersFile,
  rulesFor,
} from '../../scripts/lib/headers-file.ts';

/**
 * One path of every kind the build writes, and paths that do not exist under the site's folders. Every page has
 * the header's search box, which runs Pagefind, so pages and Pagefind's own files are one kind.
 */
const PATHS = {
  page: [
    '/',
    '/index.html',
    '/404.html',
    '/terms/',
    '/terms/execution/',
    '/terms/execution/index.html',
    '/terms/nope/',
    '/categories/attack-tactics/',
    '/attack/',
    '/attack/TA0002/',
    '/attack/t1059/001/',
    '/attack/ids/',
    '/n/1/',
    '/embed/',
    '/embed/index.html',
    '/embed/execution/more/',
    '/_astro/style.css',
    '/favicon.svg',
    '/favicon.ico',
    '/robots.txt',
    '/sitemap.xml',
    '/search/',
    '/search/index.html',
    '/pagefind/pagefind.js',
    '/pagefind/pagefind-worker.js',
    '/pagefind/wasm.en.pagefind',
  ],
  card: ['/embed/execution/', '/embed/command-and-scripting-interpreter/'],
  data: [
    '/embed/preview.js',
    '/api/terms.json',
    '/api/terms/execution.json',
    '/api/ids.json',
    '/og/execution.png',
    '/slides/execution.svg',
    '/glossary.csv',
  ],
};
const ALL = Object.values(PATHS).flat();
const under = (base: string, path: string) => `${base.replace(/\/$/, '')}${path}`;
const csp = (headers: Record<string, string>) => headers['content-security-policy'] ?? '';
const frameAncestors = (policy: string) => [...policy.matchAll(/frame-ancestors ([^;,]*)/g)].map((m) => m[1]!.trim());

describe.each(['/', '/glossary/'])('_headers for base %s', (base) => {
  const file = headersFile(base, [`${layerFileStem('current')}.json`, `${layerFileStem('data')}.json`]);

  test('on Cloudflare Pages, no header is set by two rules that match one path, and nothing relies on "!"', () => {
    const rules = parseHeadersFile(file);
    expect(rules.flatMap((r) => r.remove)).toEqual([]);
    const twice: string[] = [];
    for (const path of ALL.map((p) => under(base, p))) {
      const names = rulesFor(rules, path).flatMap((r) => r.set.map(([name]) => name));
      for (const name of new Set(names)) if (names.filter((n) => n === name).length > 1) twice.push(`${path}: ${name}`);
    }
    expect(twice).toEqual([]);
  });

  test('Netlify (looser patterns, the later rule wins) frames, isolates and shares every path as Cloudflare Pages does', () => {
    const cloudflare = parseHeadersFile(file);
    const netlify = parseHeadersFile(file, netlifyPattern);
    const framing = (headers: Record<string, string>) => ({
      frameAncestors: frameAncestors(csp(headers)),
      wasm: csp(headers).includes("'wasm-unsafe-eval'"),
      xfo: headers['x-frame-options'],
      corp: headers['cross-origin-resource-policy'],
    });
    for (const path of ALL.map((p) => under(base, p))) {
      expect(framing(netlifyHeadersFor(netlify, path)), path).toEqual(framing(headersFor(cloudflare, path)));
    }
  });

  test('only term cards may be framed by other origins: not the embed help page, nor anything deeper or beside the cards', () => {
    const rules = parseHeadersFile(file);
    const framable = (path: string) => frameAncestors(csp(headersFor(rules, under(base, path)))).includes('*');
    expect(['/embed/execution/', '/embed/nope/'].filter(framable)).toEqual(['/embed/execution/', '/embed/nope/']);
    expect(
      [
        '/embed/',
        '/embed/index.html',
        '/embed/preview.js',
        '/embed/404.html',
        '/embed/x/y/',
        '/embed/x/index.html',
        '/embed/x/y/z/',
      ].filter(framable),
    ).toEqual([]);
  });

  test('on Cloudflare Pages (every matching rule, repeated headers joined), every path gets exactly one policy with one frame-ancestors', () => {
    const rules = parseHeadersFile(file);
    const summary = (path: string) => {
      const headers = headersFor(rules, under(base, path));
      const policy = csp(headers);
      return {
        policies: policy.split(',').length,
        frameAncestors: frameAncestors(policy),
        wasm: policy.includes("'wasm-unsafe-eval'"),
        corp: headers['cross-origin-resource-policy'],
        cors: headers['access-control-allow-origin'],
        xfo: headers['x-frame-options'],
        coop: headers['cross-origin-opener-policy'],
      };
    };
    for (const path of PATHS.page) {
      expect(summary(path), path).toEqual({
        policies: 1,
        frameAncestors: ["'self'"],
        wasm: true,
        corp: 'same-origin',
        cors: undefined,
        xfo: 'SAMEORIGIN',
        coop: 'same-origin',
      });
    }
    // Cards have no header and no search: they stay without WebAssembly.
    for (const path of PATHS.card) {
      expect(summary(path), path).toEqual({
        policies: 1,
        frameAncestors: ['*'],
        wasm: false,
        corp: 'cross-origin',
        cors: '*',
        xfo: undefined,
        coop: 'same-origin',
      });
    }
    for (const path of PATHS.data) {
      expect(summary(path), path).toEqual({
        policies: 1,
        frameAncestors: ["'none'"],
        wasm: false,
        corp: 'cross-origin',
        cors: '*',
        xfo: undefined,
        coop: 'same-origin',
      });
    }
    expect(headersFor(rules, under(base, '/attack/layer.json'))['access-control-allow-origin']).toBe('*');
    expect(headersFor(rules, under(base, '/attack/layer-v18.json'))['access-control-allow-origin']).toBe('*');
  });

  test('the headers that are the same everywhere come from /* alone', () => {
    const headers = headersFor(parseHeadersFile(file), under(base, '/terms/execution/'));
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy']).toMatch(/^(?:[a-z-]+=\(\)(?:, |$))+/);
    expect(headers['permissions-policy']).not.toMatch(/clipboard/); // the copy buttons write to the clipboard
  });

  test('no policy allows data: images or a <base> element', () => {
    for (const path of ALL) {
      const policy = csp(headersFor(parseHeadersFile(file), under(base, path)));
      expect(policy).not.toMatch(/data:/);
      if (policy.includes("default-src 'self'")) expect(policy).toMatch(/base-uri 'none'/);
    }
  });
});

describe('the Cloudflare rule in the test server', () => {
  test('joins a header that two matching rules set, which is why frame-ancestors may be set only once', () => {
    const rules = parseHeadersFile(
      `/*\n  Content-Security-Policy: frame-ancestors 'self'\n\n/embed/*\n  Content-Security-Policy: frame-ancestors *\n`,
    );
    expect(headersFor(rules, '/embed/execution/')['content-security-policy']).toBe(
      "frame-ancestors 'self', frame-ancestors *",
    );
    expect(headersFor(rules, '/terms/execution/')['content-security-policy']).toBe("frame-ancestors 'self'");
  });

  test('removes a header with "! Name", and matches *, :placeholders and case as Cloudflare does', () => {
    const rules = parseHeadersFile(
      `/*\n  X-Frame-Options: DENY\n  X-A: 1\n/embed/:slug/\n  ! X-Frame-Options\n  X-A: 2\n`,
    );
    expect(headersFor(rules, '/embed/x/')).toEqual({ 'x-a': '1, 2' });
    expect(headersFor(rules, '/embed/x/y/')).toEqual({ 'x-frame-options': 'DENY', 'x-a': '1' });
    expect(cloudflarePattern('/embed/:slug*').test('/embed/preview.js')).toBe(true);
    expect(cloudflarePattern('/embed/:slug*').test('/embed/')).toBe(false);
    expect(cloudflarePattern('/Terms/*').test('/terms/x/')).toBe(false);
    expect(netlifyPattern('/Terms/*').test('/terms/x/')).toBe(true);
    expect(netlifyPattern('/embed/:slug/').test('/embed/preview.js')).toBe(true);
    expect(netlifyPattern('/embed/').test('/embed')).toBe(true);
  });
});

describe('the <meta> policy', () => {
  test('allows WebAssembly only on the pages that run search, and never data: images or <base>', () => {
    expect(metaPolicy(true)).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(metaPolicy(false)).toContain("script-src 'self';");
    for (const search of [true, false]) {
      // Only script-src differs: nothing else is loosened for search.
      expect(metaPolicy(search).replace(" 'wasm-unsafe-eval'", '')).toBe(metaPolicy(false));
      expect(metaPolicy(search)).toContain("base-uri 'none'");
      expect(metaPolicy(search)).not.toMatch(/data:|frame-ancestors|unsafe-inline|'unsafe-eval'|blob:/);
    }
  });
});
