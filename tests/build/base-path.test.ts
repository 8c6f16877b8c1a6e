import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { mkdtemp, readFile } from 'node:fs/promises';
import { load } from 'cheerio';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, openPage } from '../helpers/browser.ts';
import { runBuild } from '../helpers/run-build.ts';
import { serveDir, type RunningServer } from '../../scripts/lib/static-server.ts';
import { COMPONENTS_BODY, smallGlossary, termSource, validFrontmatter, writeFixture } from '../helpers/term-source.ts';

// A second, tiny site built under a sub-path, with a renamed term, proves that nothing assumes "/".
const HOSTILE_TITLE = '<script>window.__pwned=1</script>';
const HOSTILE_SUMMARY =
  'A term whose summary tries "><img src=x onerror="window.__pwned=2"> to inject markup into every page that shows it.';
const HOSTILE_EXAMPLE =
  'It writes <img src=x onerror="window.__pwned=3"> and <!-- <script>window.__pwned=4</script> --> into a page.';
const HOSTILE_ANSWER = 'It writes <script>window.__pwned=5</script> and <svg onload="window.__pwned=6"> into a page.';
let server: RunningServer;
let browser: Browser;
let outDir: string;

beforeAll(async () => {
  const files = smallGlossary();
  const renamed = validFrontmatter('alpha-control', 1, ['beta-signal', 'gamma-tool', 'delta-tactic']);
  renamed['redirectFrom'] = ['old-alpha'];
  renamed['attack'] = { id: 'T1059.001', domain: 'enterprise', kind: 'sub-technique' };
  // The check requires MITRE's name for the ID as the title or an alias.
  renamed['aliases'] = [...(renamed['aliases'] as string[]), 'PowerShell'];
  files['alpha-control'] = termSource(renamed);
  files['beta-signal'] = termSource(
    validFrontmatter('beta-signal', 2, ['alpha-control', 'gamma-tool', 'delta-tactic']),
    COMPONENTS_BODY.replace('<Term slug="beta-signal" />', '<Term slug="delta-tactic" />'),
  );
  // Content must never become markup: a term whose title and summary are attack strings.
  const hostile = validFrontmatter('epsilon-markup', 5, ['alpha-control', 'beta-signal', 'gamma-tool']);
  hostile['title'] = HOSTILE_TITLE;
  hostile['summary'] = HOSTILE_SUMMARY;
  hostile['aliases'] = ['epsilon markup'];
  // The example and FAQ lists insert rendered inline Markdown as HTML: the one place content becomes markup.
  hostile['examples'] = [{ title: HOSTILE_TITLE, body: HOSTILE_EXAMPLE }, (hostile['examples'] as unknown[])[1]];
  (hostile['faq'] as { answer: string }[])[0]!.answer = HOSTILE_ANSWER;
  files['epsilon-markup'] = termSource(hostile);
  const contentDir = await writeFixture(files);
  outDir = await mkdtemp(join(tmpdir(), 'glossary-base-'));
  const build = await runBuild({ GLOSSARY_CONTENT_DIR: contentDir, BASE_PATH: '/glossary/' }, ['--outDir', outDir]);
  if (build.code !== 0) throw new Error(build.output);
  server = await serveDir(outDir, { base: '/glossary/' });
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a build under BASE_PATH=/glossary/', () => {
  test('each slide prints the absolute short URL with the base path, and hostile text stays text in well-formed XML', async () => {
    const slide = await readFile(join(outDir, 'slides/alpha-control.svg'), 'utf8');
    expect(slide).toContain('>https://glossary.example.net/glossary/n/1/</text>');
    expect(slide).toContain('>T1059.001</text>');
    const hostile = await readFile(join(outDir, 'slides/epsilon-markup.svg'), 'utf8');
    expect(hostile).not.toMatch(/<script|<img/);
    expect(hostile).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    const response = await fetch(`${server.url}/glossary/slides/epsilon-markup.svg`);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  test('links, styles and search results stay under the base path', async () => {
    const { page, problems } = await openPage(await browser.newContext());
    await page.goto(`${server.url}/glossary/`);
    const hrefs = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(5);
    expect(hrefs.filter((h) => !h.startsWith('/glossary/'))).toEqual([]);

    await page.goto(`${server.url}/glossary/search/?q=beta`);
    const first = page.locator('[data-search-results] .result-title').first();
    await first.waitFor();
    expect(await first.getAttribute('href')).toBe('/glossary/terms/beta-signal/');
    await first.click();
    await page.waitForURL(/\/glossary\/terms\/beta-signal\/$/);
    // The stylesheet loaded: the skip link is positioned off-screen.
    expect(await page.locator('.skip-link').evaluate((el) => getComputedStyle(el).position)).toBe('absolute');
    expect(problems).toEqual([]);
  });

  test('links in term bodies lead under the base path: <Term>, <Attack> of an ID with an entry, and Markdown links', async () => {
    const $ = load(await readFile(join(outDir, 'terms/beta-signal/index.html'), 'utf8'));
    const hrefs = $('.explanation a')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(hrefs).toEqual(
      expect.arrayContaining([
        '/glossary/terms/delta-tactic/',
        '/glossary/terms/gamma-tool/',
        '/glossary/terms/gamma-tool/#faq',
        '/glossary/terms/alpha-control/',
      ]),
    );
    expect($('.explanation a.attack-ref.term-link').first().text()).toBe('T1059.001 PowerShell');
    expect(hrefs.filter((h) => h.startsWith('/') && !h.startsWith('/glossary/'))).toEqual([]);
  });

  test('the page of an ATT&CK ID without an entry, stamped after Astro from one template, links under the base path', async () => {
    // T1059.002: neither its parent T1059 nor its tactic has an entry in this glossary.
    const $ = load(await readFile(join(outDir, 'attack/T1059.002/index.html'), 'utf8'));
    expect($('h1').text()).toBe('T1059.002 AppleScript');
    expect($('link[rel="canonical"]').attr('href')).toBe('https://glossary.example.net/glossary/attack/T1059.002/');
    const hrefs = $('a[href^="/"]')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(hrefs).toEqual(
      expect.arrayContaining([
        '/glossary/',
        '/glossary/attack/',
        '/glossary/attack/T1059/',
        '/glossary/attack/TA0002/',
      ]),
    );
    expect(hrefs.filter((h) => !h.startsWith('/glossary/'))).toEqual([]);
  });

  test.each([
    ['/glossary/terms/old-alpha/', '/glossary/terms/alpha-control/'],
    ['/glossary/n/2/', '/glossary/terms/beta-signal/'],
    ['/glossary/attack/T1059/001/', '/glossary/terms/alpha-control/'],
  ])('%s redirects to %s', async (from, to) => {
    const { page, problems } = await openPage(await browser.newContext());
    await page.goto(`${server.url}${from}`);
    await page.waitForURL((url) => url.pathname === to);
    expect(problems).toEqual([]);
  });

  test('titles, summaries, examples and FAQ answers that look like markup render as text on the page, cards, search and previews', async () => {
    // The page's Content-Security-Policy would stop an injected script from running, and so hide the injection:
    // these pages are opened with it switched off, and the DOM is searched for what the content tried to add.
    const { page, problems } = await openPage(await browser.newContext({ bypassCSP: true }));
    const visit = async (path: string) => {
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState('load');
    };
    const injected = () =>
      page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: number }).__pwned,
        // Scripts that run (not JSON-LD data), and elements with event-handler attributes or a src of "x".
        scripts: [...document.scripts]
          .filter((s) => !s.src && s.type !== 'application/ld+json')
          .map((s) => s.outerHTML.slice(0, 80)),
        handlers: [...document.querySelectorAll('*')]
          .filter((el) => [...el.attributes].some((a) => a.name.startsWith('on')))
          .map((el) => el.outerHTML.slice(0, 80)),
        images: document.querySelectorAll('img[src="x"], svg[onload]').length,
      }));
    const clean = { pwned: undefined, scripts: [], handlers: [], images: 0 };
    await visit('/glossary/terms/epsilon-markup/');
    expect(await page.locator('h1').textContent()).toBe(`${HOSTILE_TITLE} (Test Concept)`);
    expect(await page.locator('.summary').textContent()).toBe(HOSTILE_SUMMARY);
    expect(await page.locator('ol.examples > li').first().locator('h3').textContent()).toBe(HOSTILE_TITLE);
    expect(await page.locator('ol.examples > li').first().locator('p').textContent()).toBe(HOSTILE_EXAMPLE);
    expect(await page.locator('.faq-item p').first().textContent()).toBe(HOSTILE_ANSWER);
    expect(await injected()).toEqual(clean);
    await visit('/glossary/terms/alpha-control/');
    expect(await page.locator('section[aria-labelledby="related"] ul .card-title').allTextContents()).toContain(
      `${HOSTILE_TITLE} (Test Concept)`,
    );
    expect(await injected()).toEqual(clean);
    await visit(`/glossary/search/?q=${encodeURIComponent('epsilon markup')}`);
    await page.locator('[data-search-results] > li').first().waitFor();
    expect(await page.locator('[data-search-results] .result-summary').first().textContent()).toBe(HOSTILE_SUMMARY);
    expect(await injected()).toEqual(clean);
    await visit(`/glossary/search/?q=${encodeURIComponent('"><img src=x onerror=window.__pwned=7>')}`);
    await page.locator('[data-search-status]').filter({ hasText: /match/ }).waitFor();
    expect(await injected()).toEqual(clean);
    await visit('/glossary/embed/');
    await page.hover('a[href="/glossary/terms/alpha-control/"] >> nth=0');
    expect(await injected()).toEqual(clean);
    await visit('/glossary/embed/epsilon-markup/');
    expect(await injected()).toEqual(clean);
    // Stamped after Astro from one template: the stamper escapes each value, and its links keep the base path.
    await visit('/glossary/terms/epsilon-markup/training/');
    expect(await page.locator('h1').textContent()).toBe(`Use in training: ${HOSTILE_TITLE} (Test Concept)`);
    expect(await page.locator('#citation-plain').textContent()).toContain(`“${HOSTILE_TITLE} (Test Concept).”`);
    expect(await page.locator('#training-embed-code').textContent()).toContain(
      'title="&lt;script>window.__pwned=1&lt;/script> (Test Concept)"',
    );
    expect(await page.locator('#training-link').textContent()).toMatch(/\/glossary\/terms\/epsilon-markup\/$/);
    expect(await page.locator('.breadcrumb a').nth(1).getAttribute('href')).toBe('/glossary/terms/epsilon-markup/');
    expect(await injected()).toEqual(clean);
    expect(problems).toEqual([]);
  });

  test('exported JSON carries URLs under the base path', async () => {
    const json = JSON.parse(await readFile(join(outDir, 'api/terms.json'), 'utf8'));
    expect(json.terms.map((t: { url: string }) => new URL(t.url).pathname)).toContain('/glossary/terms/alpha-control/');
  });
});
