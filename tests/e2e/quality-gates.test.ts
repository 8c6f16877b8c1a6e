import { describe, expect, inject, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { LinkChecker } from 'linkinator';
import { load } from 'cheerio';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPage } from '../helpers/browser.ts';
import { axeViolations, axeViolationsInBothThemes } from '../helpers/axe.ts';
import { builtPages } from '../helpers/site-pages.ts';
import { samplePages, templateOf } from '../helpers/page-sample.ts';
import { useBrowser } from '../helpers/use-browser.ts';

const site = inject('siteUrl');
const dist = inject('distDir');
const pages = builtPages(dist);
const contentPages = pages.filter((p) => !p.isRedirect);
const session = useBrowser();

/**
 * The static checks that read every built page, in one pass that parses each page once: parsing is most of their
 * cost, and three passes over the same 1,700 files tripled it. Computed by the first test that asks.
 */
let staticFindings: { duplicateIds: string[]; accessibility: string[]; policy: string[] } | undefined;
function findings() {
  if (staticFindings) return staticFindings;
  const found = { duplicateIds: [] as string[], accessibility: [] as string[], policy: [] as string[] };
  for (const { path, isRedirect } of pages) {
    const $ = load(readFileSync(join(dist, path.endsWith('/') ? `${path}index.html` : path), 'utf8'));
    const seen = new Set<string>();
    $('[id]').each((_, el) => {
      const id = $(el).attr('id')!;
      if (seen.has(id)) found.duplicateIds.push(`${path}: id="${id}"`);
      seen.add(id);
    });
    const policy = $('meta[http-equiv="Content-Security-Policy"]').attr('content') ?? '';
    if (!policy.includes("default-src 'self'") || policy.includes('unsafe-inline'))
      found.policy.push(`${path}: policy "${policy}"`);
    if ($('[style]').length) found.policy.push(`${path}: style attribute`);
    if ($('style').length) found.policy.push(`${path}: <style> element`);
    $('script:not([src])').each((_, el) => {
      if ($(el).attr('type') !== 'application/ld+json') found.policy.push(`${path}: inline <script>`);
    });
    if (isRedirect) continue;
    const failures = found.accessibility;
    $('a[href], button').each((_, el) => {
      const name = [$(el).text(), $(el).attr('aria-label'), $(el).attr('title'), $(el).find('img[alt]').attr('alt')]
        .join('')
        .trim();
      if (!name) failures.push(`${path}: ${el.tagName} without a name: ${$.html(el).slice(0, 120)}`);
    });
    $('img:not([alt])').each((_, el) => void failures.push(`${path}: img without alt: ${$(el).attr('src')}`));
    let previous = 0;
    $('h1, h2, h3, h4, h5, h6').each((_, el) => {
      const level = Number(el.tagName.slice(1));
      if (level > previous + 1) failures.push(`${path}: h${previous} followed by h${level} ("${$(el).text().trim()}")`);
      previous = level;
    });
    if ($('h1').length !== 1) failures.push(`${path}: ${$('h1').length} h1 elements`);
    if ($('html').attr('lang') !== 'en') failures.push(`${path}: no lang="en"`);
  }
  return (staticFindings = found);
}

describe('valid HTML', () => {
  /**
   * Every term page (where the authors' MDX bodies land, so nesting and ids depend on what each entry says) and, of
   * every other kind of page, the ones that together hold every element, class, ARIA use and nesting seen on any of
   * them (tests/helpers/page-sample.ts), redirect pages included. Those pages are filled from templates with text
   * (titles, summaries, MITRE's names) that is escaped wherever it goes, so a second page of the same parts adds
   * nothing the Nu HTML Checker can find; the duplicate-id and static checks below still read every page.
   */
  const termPages = contentPages.filter((p) => /^\/terms\/[^/]+\/$/.test(p.path)).map((p) => p.path);
  const otherPages = samplePages(
    dist,
    pages.filter((p) => !termPages.includes(p.path)).map((p) => p.path),
  );
  const fileOf = (path: string) => join(dist, path.endsWith('/') ? `${path}index.html` : path);

  test('the Nu HTML Checker reports no errors on every term page and a page of every other kind and part', () => {
    expect(termPages.length).toBeGreaterThan(0);
    expect(otherPages.filter((p) => pages.find((q) => q.path === p)?.isRedirect).length).toBeGreaterThan(0);
    const jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
    let report: string;
    try {
      // One JVM for every file. The checker runs for seconds, not minutes: the quick (C1) compiler and one GC thread
      // take half the CPU time of the defaults, which tune for long-running servers (the schema needs the stack).
      const jvm = ['-Xss4m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1'];
      execFileSync(
        'java',
        [...jvm, '-jar', jar, '--errors-only', '--format', 'json', ...[...termPages, ...otherPages].map(fileOf)],
        {
          encoding: 'utf8',
          stdio: 'pipe',
          maxBuffer: 64 * 1024 * 1024,
        },
      );
      report = '{"messages":[]}';
    } catch (error) {
      // vnu exits non-zero when it finds errors and writes its report to stderr.
      report = (error as { stderr: string }).stderr;
    }
    const messages = (JSON.parse(report) as { messages: { url: string; message: string; extract?: string }[] })
      .messages;
    expect(messages.map((m) => `${m.url.replace(`file:${dist}`, '')}: ${m.message}`)).toEqual([]);
  }, 240_000);

  test('no page gives two elements the same id', () => {
    expect(pages.length).toBeGreaterThan(100);
    expect(findings().duplicateIds).toEqual([]);
  });
});

describe('no broken links', () => {
  test('every internal link, anchor, redirect, image and JSON URL on every page resolves', async () => {
    const checker = new LinkChecker();
    const result = await checker.check({
      path: `${site}/`,
      recurse: true,
      checkFragments: true,
      concurrency: 8,
      // The crawl stays on the glossary; there is no network to check other hosts against.
      linksToSkip: async (link) => !link.startsWith(site),
    });
    const broken = result.links
      .filter((l) => l.state === 'BROKEN')
      .map((l) => `${l.url} (from ${l.parent}, status ${l.status})`);
    expect(broken).toEqual([]);
    const crawled = new Set(result.links.filter((l) => l.state === 'OK').map((l) => new URL(l.url).pathname));
    // Every page is reachable by links, except the two not-found pages (the site's and the card folder's) and the
    // search page, which every header's search form leads to (crawlers do not submit forms).
    expect(
      contentPages
        .filter((p) => !crawled.has(p.path) && !['/404.html', '/embed/404.html', '/search/'].includes(p.path))
        .map((p) => p.path),
    ).toEqual([]);
  });
});

describe('accessibility', () => {
  // axe-core needs a page load per page (0.3–0.5 s each on the CI machine), so it runs on the pages that together
  // hold every element, class combination, ARIA use and heading jump of the site (tests/helpers/page-sample.ts
  // explains the choice); the static checks below read every page, so what can break on one entry's words alone
  // (an empty link, a skipped heading level) is caught wherever it is.
  const sample = samplePages(
    dist,
    contentPages.map((p) => p.path),
  );

  test('the axe sample holds every template and stays small as the glossary grows', () => {
    const templates = new Set(contentPages.map((p) => templateOf(p.path)));
    expect(new Set(sample.map(templateOf))).toEqual(templates);
    expect(sample.length).toBeLessThan(contentPages.length / 4);
  });

  test('axe-core finds no violations in the light or the dark theme on the sample', async () => {
    const context = await session.contextWith({ bypassCSP: true });
    // Two pages take the sample from one queue: a page spends most of its time in its renderer, one core's work, so
    // with two the sample, the longest browser test, does not leave a core idle while the other worker's files end.
    const queue = [...sample];
    const failures: string[] = [];
    const problems: string[] = [];
    await Promise.all(
      [0, 1].map(async () => {
        const watched = await openPage(context);
        for (let path = queue.shift(); path; path = queue.shift()) {
          await watched.page.goto(`${site}${path}`);
          for (const v of await axeViolationsInBothThemes(watched.page))
            failures.push(`${path} (${v.theme}): ${v.id} (${v.help}) at ${v.nodes.join(', ')}`);
        }
        problems.push(...watched.problems);
      }),
    );
    expect(failures.sort()).toEqual([]);
    expect(
      problems.filter((p) => !p.includes('/404.html') && !p.startsWith('HTTP 404') && !p.includes('status of 404')),
    ).toEqual([]);
  }, 300_000);

  test('on every page, every link and button has a name, images have alt text, and headings never skip a level', () => {
    expect(contentPages.length).toBeGreaterThan(100);
    expect(findings().accessibility).toEqual([]);
  });

  test('the search page with results open has no violations, and results are reachable by keyboard', async () => {
    const context = await session.contextWith({ bypassCSP: true });
    const { page, problems } = await openPage(context);
    await page.goto(`${site}/search/`);
    await page.locator('#search-query').focus();
    await page.keyboard.type('powershell');
    await page.locator('[data-search-results] > li').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Tab from the form reaches the first result link.
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.classList.contains('result-title'))) break;
    }
    expect(await page.evaluate(() => document.activeElement?.classList.contains('result-title'))).toBe(true);
    // Esc in the search field dismisses the results.
    await page.locator('#search-query').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-search-results] > li').count()).toBe(0);
    expect(await page.locator('#search-query').inputValue()).toBe('');
    expect(problems).toEqual([]);
  });
});

describe('security', () => {
  test('loading pages and searching makes no request to another origin and violates no CSP directive', async () => {
    const { page, problems } = await openPage(session.context);
    const foreign: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin !== new URL(site).origin && url.protocol !== 'data:') foreign.push(request.url());
    });
    // WebAssembly where search runs: every page with the header's search box, not the term cards (src/links/security.ts).
    for (const path of ['/', '/terms/execution/', '/attack/', '/embed/', '/search/', '/embed/execution/']) {
      const response = await page.goto(`${site}${path}`);
      expect(response?.headers()['content-security-policy']).toMatch(
        path === '/embed/execution/' ? /script-src 'self';/ : /script-src 'self' 'wasm-unsafe-eval';/,
      );
    }
    await page.goto(`${site}/search/?q=powershell`);
    await page.locator('[data-search-results] > li').first().waitFor();
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('every page carries the strict policy and has no inline script or style for it to allow', () => {
    expect(pages.length).toBeGreaterThan(100);
    expect(findings().policy).toEqual([]);
  });
});
