/**
 * Every page records console messages, failed requests and Content-Security-Policy violations so tests can assert
 * that users see no errors.
 *
 * Pages are reused. On the 2-core CI machine a new page costs Chromium about 2 s of CPU (a renderer and its setup)
 * and a navigation in an open one about 0.4 s, so opening one page per test was most of the browser tests' time.
 * A test's pages go back to their context when the test ends, and openPage hands the next test one of them, reset
 * to how a new page in that context starts: a blank document in the foreground with empty session storage, the context's viewport,
 * colour scheme and motion, the mouse at the corner, no routes and no listeners of the last test. What a context
 * shares between its pages (cookies, local storage, the HTTP cache, permissions) is shared as it was before.
 */
import { onTestFinished } from 'vitest';
import type { BrowserContext, Download, Page } from 'playwright-core';

export { launchBrowser } from '../../scripts/lib/chromium.ts';

export interface WatchedPage {
  page: Page;
  /** Console errors and warnings, page errors, CSP violations and failed requests, in order. */
  problems: string[];
}

interface Initial {
  viewport: { width: number; height: number } | null;
  colorScheme: 'light' | 'dark';
  reducedMotion: 'reduce' | 'no-preference';
}

const initial = new WeakMap<Page, Initial>();
const idle = new WeakMap<BrowserContext, Page[]>();

function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // A navigation away (a redirect page, or the reset below) cancels whatever was still loading; not a failure.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  // The browser reports a blocked script or style only to the page; a console error makes it a problem like others.
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  const media = await page.evaluate(() => ({
    colorScheme: matchMedia('(prefers-color-scheme: dark)').matches ? ('dark' as const) : ('light' as const),
    reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches
      ? ('reduce' as const)
      : ('no-preference' as const),
  }));
  initial.set(page, { viewport: page.viewportSize(), ...media });
  return page;
}

/** Leaves the site for a blank document, with the tab's session storage emptied. */
async function blank(page: Page): Promise<void> {
  if (!/^https?:/.test(page.url())) return;
  // Navigating from inside the page keeps its renderer; a navigation the browser starts (page.goto) swaps it.
  await page
    .evaluate(() => {
      sessionStorage.clear();
      location.replace('about:blank');
    })
    .catch(() => {});
  await page.waitForURL('about:blank');
}

async function reset(page: Page): Promise<void> {
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  page.removeAllListeners();
  await blank(page);
  const start = initial.get(page)!;
  await page.emulateMedia({ media: null, colorScheme: start.colorScheme, reducedMotion: start.reducedMotion });
  const size = page.viewportSize();
  if (start.viewport && (size?.width !== start.viewport.width || size?.height !== start.viewport.height))
    await page.setViewportSize(start.viewport);
  await page.mouse.move(0, 0);
  // A test that opened a second page left this one in the background, where Chromium slows frames and timers.
  await page.bringToFront();
}

/** A page in `context` for the running test: one a finished test left, reset, or a new one. */
export async function openPage(context: BrowserContext): Promise<WatchedPage> {
  const free = (idle.get(context) ?? []).filter((p) => !p.isClosed());
  const reused = free.shift();
  idle.set(context, free);
  const page = reused ?? (await newPage(context));
  if (reused) await reset(reused);
  try {
    onTestFinished(() => {
      if (!page.isClosed()) idle.set(context, [...(idle.get(context) ?? []), page]);
    });
  } catch {
    // Opened outside a test (a beforeAll): the caller keeps the page for as long as it needs it.
  }
  return { page, problems: watch(page) };
}

/**
 * After a test file: its free pages wait blank (a page left on the site would keep running its timers in the
 * background while other files run), and pages it opened outside tests, which no later test is handed, are closed.
 */
export async function parkPages(context: BrowserContext): Promise<void> {
  const free = new Set(idle.get(context) ?? []);
  for (const page of context.pages()) {
    if (free.has(page)) await blank(page);
    else await page.close();
  }
}

/** A download's bytes. Read as a stream: over the connection to the shared browser, download.path() is not available. */
export async function downloadedBytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
