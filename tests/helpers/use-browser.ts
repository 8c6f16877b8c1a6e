import { afterAll, beforeAll, inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
import { launchBrowser, parkPages } from './browser.ts';

export interface BrowserSession {
  readonly browser: Browser;
  /** The file's context, with the options given to useBrowser; its cookies and storage are empty when the file starts. */
  readonly context: BrowserContext;
  /**
   * A context with these settings, shared by the tests (of any file) that ask for the same ones, so that their pages
   * are reused (./browser.ts). Its cookies and storage are cleared for each caller, as a new context's would be.
   */
  contextWith(options: BrowserContextOptions): Promise<BrowserContext>;
}

/**
 * One connection per test worker to the Chromium that tests/e2e/global-setup.ts launched for that worker (VITEST_POOL_ID
 * numbers them from 1), for every browser test file the worker runs: the e2e project's workers keep their modules
 * (isolate: false), so this module's state outlives a file. Contexts outlive files too, with their open pages; each
 * file and test starts them cleared.
 */
let connection: Promise<Browser> | undefined;
const fileContexts = new Map<string, BrowserContext>();
const testContexts = new Map<string, BrowserContext>();

function browser(): Promise<Browser> {
  const endpoints = inject('browserEndpoints');
  const endpoint = endpoints?.[(Number(process.env.VITEST_POOL_ID ?? 1) - 1) % endpoints.length];
  return (connection ??= endpoint ? chromium.connect(endpoint) : launchBrowser());
}

async function cleared(cache: Map<string, BrowserContext>, settings: BrowserContextOptions): Promise<BrowserContext> {
  const key = JSON.stringify(settings);
  let context = cache.get(key);
  if (!context) cache.set(key, (context = await (await browser()).newContext(settings)));
  else await clearContext(context, settings);
  return context;
}

/** Connects to the shared Chromium before a test file's tests, and sets its open pages aside after them. */
export function useBrowser(options: BrowserContextOptions = {}): BrowserSession {
  const used = new Set<BrowserContext>();
  const session = {
    async contextWith(settings: BrowserContextOptions) {
      const context = await cleared(testContexts, settings);
      used.add(context);
      return context;
    },
  } as BrowserSession & { browser: Browser; context: BrowserContext };
  beforeAll(async () => {
    session.browser = await browser();
    session.context = await cleared(fileContexts, options);
    used.add(session.context);
  });
  afterAll(async () => {
    for (const context of used) await parkPages(context);
  });
  return session;
}

/**
 * What a new context would not have: cookies, local storage and IndexedDB of every origin the context has visited,
 * permissions beyond its own, and routes. The HTTP cache stays.
 */
async function clearContext(context: BrowserContext, settings: BrowserContextOptions): Promise<void> {
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await context.clearCookies();
  await context.clearPermissions();
  // clearPermissions also takes back what the context was created with.
  if (settings.permissions?.length) await context.grantPermissions(settings.permissions);
  const origins = (await context.storageState({ indexedDB: true })).origins.map((o) => o.origin);
  const page = context.pages().find((p) => !p.isClosed());
  if (!page || !origins.length) return;
  const cdp = await context.newCDPSession(page);
  for (const origin of origins)
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'local_storage,indexeddb' });
  await cdp.detach();
}
