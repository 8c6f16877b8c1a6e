/**
 * Every page records console messages and failed requests so tests can assert
 * that users see no errors.
 */
import type { BrowserContext, Page } from 'playwright-core';

export { launchBrowser } from '../../scripts/lib/chromium.ts';

export interface WatchedPage {
  page: Page;
  /** Console errors and warnings, page errors and failed requests, in order. */
  problems: string[];
}

export async function openPage(context: BrowserContext): Promise<WatchedPage> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // A redirect page navigates away at once, cancelling whatever was still loading; that is not a failure.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return { page, problems };
}
