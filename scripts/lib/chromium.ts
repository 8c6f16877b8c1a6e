/** Debian's Chromium driven by playwright-core: no browser download, works offline. Used by the tests and the bench. */
import { chromium, type Browser, type BrowserServer } from 'playwright-core';
import { existsSync } from 'node:fs';

/**
 * Chromium's headless shell first (Debian's chromium-headless-shell package): the same Blink and V8 without the
 * desktop browser around them, and what Playwright itself runs headless tests in. The browser tests' pages cost it
 * about a third less CPU than the full browser in headless mode (the 2-core machine's whole run went from about 370 s
 * to 250 s). The full browser still works, only slower.
 */
const CANDIDATES = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];

/** Flags for a quiet offline headless run: no GPU, no sandbox (root in a VM), no background requests to Google. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** The Chromium to run: CHROMIUM_PATH if set, else the first of CANDIDATES that is installed. */
export function chromiumExecutable(): string {
  const wanted = process.env.CHROMIUM_PATH;
  if (wanted && !existsSync(wanted)) throw new Error(`CHROMIUM_PATH is ${wanted}, which does not exist.`);
  const found = wanted ?? CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `Chromium is not installed (looked for ${CANDIDATES.join(' and ')}): run "apt-get install -y chromium-headless-shell" (or set CHROMIUM_PATH).`,
    );
  }
  return found;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
}

/** The same Chromium as a server that other processes connect to (each browser-test worker connects to its own). */
export async function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
}
