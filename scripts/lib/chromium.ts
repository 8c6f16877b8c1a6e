/** Debian's Chromium driven by playwright-core: no browser download, works offline. Used by the tests and the bench. */
import { chromium, type Browser, type BrowserServer } from 'playwright-core';
import { existsSync } from 'node:fs';

const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

function executable(): string {
  if (!existsSync(EXECUTABLE)) {
    throw new Error(
      `Chromium is not installed at ${EXECUTABLE}: run "apt-get install -y chromium" (or set CHROMIUM_PATH).`,
    );
  }
  return EXECUTABLE;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: executable(), args: ARGS });
}

/** The same Chromium as a server that other processes connect to (the browser tests' workers share one). */
export async function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: executable(), args: ARGS });
}
