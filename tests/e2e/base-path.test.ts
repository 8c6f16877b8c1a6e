import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, openPage } from '../helpers/browser.ts';
import { runBuild } from '../helpers/run-build.ts';
import { serveDir, type RunningServer } from '../helpers/static-server.ts';
import { smallGlossary, termSource, validFrontmatter, writeFixture } from '../helpers/term-source.ts';

// A second, tiny site built under a sub-path, with a renamed term, proves that nothing assumes "/".
const HOSTILE_TITLE = '<script>window.__pwned=1</script>';
const HOSTILE_SUMMARY = 'A term whose summary tries "><img src=x onerror="window.__pwned=2"> to inject markup into every page that shows it.';
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
  // Content must never become markup: a term whose title and summary are attack strings.
  const hostile = validFrontmatter('epsilon-markup', 5, ['alpha-control', 'beta-signal', 'gamma-tool']);
  hostile['title'] = HOSTILE_TITLE;
  hostile['summary'] = HOSTILE_SUMMARY;
  hostile['aliases'] = ['epsilon markup'];
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

  test('titles and summaries that look like markup render as text on the page, cards, search and previews', async () => {
    const { page, problems } = await openPage(await browser.newContext());
    const visit = async (path: string) => {
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState('load');
    };
    const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
    await visit('/glossary/terms/epsilon-markup/');
    expect(await page.locator('h1').textContent()).toBe(`${HOSTILE_TITLE} (Test Concept)`);
    expect(await page.locator('.summary').textContent()).toBe(HOSTILE_SUMMARY);
    expect(await pwned()).toBeUndefined();
    await visit('/glossary/terms/alpha-control/');
    expect(await page.locator('section[aria-labelledby="related"] ul .card-title').allTextContents()).toContain(`${HOSTILE_TITLE} (Test Concept)`);
    expect(await pwned()).toBeUndefined();
    await visit(`/glossary/search/?q=${encodeURIComponent('epsilon markup')}`);
    await page.locator('[data-search-results] > li').first().waitFor();
    expect(await page.locator('[data-search-results] .result-summary').first().textContent()).toBe(HOSTILE_SUMMARY);
    expect(await pwned()).toBeUndefined();
    await visit(`/glossary/search/?q=${encodeURIComponent('"><img src=x onerror=alert(1)>')}`);
    await page.locator('[data-search-status]').filter({ hasText: /match/ }).waitFor();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await visit('/glossary/embed/');
    await page.hover('a[href="/glossary/terms/alpha-control/"] >> nth=0');
    expect(await pwned()).toBeUndefined();
    expect(problems).toEqual([]);
  });

  test('exported JSON carries URLs under the base path', async () => {
    const json = JSON.parse(await readFile(join(outDir, 'api/terms.json'), 'utf8'));
    expect(json.terms.map((t: { url: string }) => new URL(t.url).pathname)).toContain('/glossary/terms/alpha-control/');
  });
});
