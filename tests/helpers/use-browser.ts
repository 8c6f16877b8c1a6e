import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { launchBrowser } from './browser.ts';

export interface BrowserSession {
  readonly browser: Browser;
  /** One context for the file's tests; tests that need other settings open their own from `browser`. */
  readonly context: BrowserContext;
  /**
   * The file's context with these settings, opened on first use and shared by the tests that ask for the same ones,
   * so that their pages are reused (./browser.ts). Its cookies and storage are cleared for each caller, as a new
   * context's would be.
   */
  contextWith(options: BrowserContextOptions): Promise<BrowserContext>;
}

/** Launches Chromium before a test file's tests and closes it after them. */
export function useBrowser(options: BrowserContextOptions = {}): BrowserSession {
  const contexts = new Map<string, BrowserContext>();
  const session = {
    async contextWith(settings: BrowserContextOptions) {
      const key = JSON.stringify(settings);
      let context = contexts.get(key);
      if (!context) contexts.set(key, (context = await session.browser.newContext(settings)));
      else {
        await clearSiteData(context);
        // clearPermissions also takes back what the context was created with.
        if (settings.permissions?.length) await context.grantPermissions(settings.permissions);
      }
      return context;
    },
  } as BrowserSession & { browser: Browser; context: BrowserContext };
  beforeAll(async () => {
    session.browser = await launchBrowser();
    session.context = await session.browser.newContext(options);
  });
  afterAll(async () => {
    for (const context of contexts.values()) await context.close();
    await session.context?.close();
    await session.browser?.close();
  });
  return session;
}

/** Cookies, local storage and IndexedDB of every origin the context has visited; the HTTP cache stays. */
async function clearSiteData(context: BrowserContext): Promise<void> {
  await context.clearCookies();
  await context.clearPermissions();
  const origins = (await context.storageState({ indexedDB: true })).origins.map((o) => o.origin);
  const page = context.pages().find((p) => !p.isClosed());
  if (!page || !origins.length) return;
  const cdp = await context.newCDPSession(page);
  for (const origin of origins)
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'local_storage,indexeddb' });
  await cdp.detach();
}
