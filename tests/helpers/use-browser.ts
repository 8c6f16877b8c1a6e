import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { launchBrowser } from './browser.ts';

export interface BrowserSession {
  readonly browser: Browser;
  /** One context for the file's tests; tests that need other settings open their own from `browser`. */
  readonly context: BrowserContext;
}

/** Launches Chromium before a test file's tests and closes it after them. */
export function useBrowser(options: BrowserContextOptions = {}): BrowserSession {
  const session = {} as { browser: Browser; context: BrowserContext };
  beforeAll(async () => {
    session.browser = await launchBrowser();
    session.context = await session.browser.newContext(options);
  });
  afterAll(async () => {
    await session.context?.close();
    await session.browser?.close();
  });
  return session;
}
