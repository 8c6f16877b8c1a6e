import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';

/**
 * axe-core from a URL the browser may cache. Put into a page as inline text, its half a megabyte was parsed and
 * compiled again on every page (about 0.3 s each on the 2-core CI machine); loaded from a cacheable URL, Chromium
 * keeps the compiled code after the second load and later pages take a tenth of that. The server is another origin
 * than the site, which only the contexts that bypass the site's Content-Security-Policy (as axe needs) may load.
 */
let axeUrl: Promise<string> | undefined;
function axeScriptUrl(): Promise<string> {
  return (axeUrl ??= new Promise((resolve) => {
    const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'));
    const server = createServer((_, res) =>
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'max-age=3600' }).end(source),
    );
    // Lives as long as the test worker; unref() lets the worker exit without closing it.
    server.unref();
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/axe.min.js`),
    );
  }));
}

export interface AxeViolation {
  id: string;
  help: string;
  nodes: string[];
}

export interface ThemedViolation extends AxeViolation {
  theme: 'light' | 'dark';
}

/**
 * The rules whose outcome depends on colours: the only axe-core rules that read computed colours (its
 * getForegroundColor/getBackgroundColor) are these and the AAA color-contrast-enhanced, which the default rule set
 * leaves off. The dark theme changes colours only (custom properties under prefers-color-scheme; no script or markup
 * reads the scheme), so in it these are the rules that can find something the light theme's run did not; every test
 * that checks the dark theme also checks the same state in the light theme with every rule. Running only these
 * roughly halves the cost of a dark-theme run (axe-core's other rules take 0.5–0.9 s on a term page).
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * Runs axe-core with its default rule set (WCAG 2.x A/AA plus best practices) and lists the violations; in the dark
 * colour scheme, only the colour rules.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Once per document: checking the same state in both themes, or several states of one page, reuses it.
  if (!(await page.evaluate(() => typeof (window as unknown as { axe?: { run?: unknown } }).axe?.run === 'function')))
    await page.addScriptTag({ url: await axeScriptUrl() });
  return page.evaluate(async (colourRules) => {
    type Result = { violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] };
    const axe = (
      window as unknown as { axe: { run(options?: object): Promise<Result>; getRules(): { ruleId: string }[] } }
    ).axe;
    const dark = matchMedia('(prefers-color-scheme: dark)').matches;
    // A rule renamed or dropped by an axe-core update would otherwise leave the dark theme silently unchecked.
    const known = new Set(axe.getRules().map((r) => r.ruleId));
    const missing = colourRules.filter((r) => !known.has(r));
    if (missing.length) throw new Error(`axe-core has no rule ${missing.join(', ')}`);
    // resultTypes: only violations are wanted, so axe stops collecting every passing node (same violations, less work).
    const only = { resultTypes: ['violations'] };
    const { violations } = await axe.run(dark ? { ...only, runOnly: { type: 'rule', values: colourRules } } : only);
    return violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  }, COLOUR_RULES);
}

/**
 * The page as it is, checked in the light theme and then the dark one (axeViolations' rules for each), then left in
 * the scheme it was in. Switching the scheme on the same document, rather than building the same state
 * again in a second context, is sound because the themes differ in colours only (see COLOUR_RULES).
 */
export async function axeViolationsInBothThemes(page: Page): Promise<ThemedViolation[]> {
  const before = await page.evaluate(() => (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'));
  const found: ThemedViolation[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    // Nothing animates on a change of scheme today; if something ever does, axe must read the colours it ends on.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    for (const v of await axeViolations(page)) found.push({ theme, ...v });
  }
  await page.emulateMedia({ colorScheme: before });
  return found;
}
