import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  help: string;
  nodes: string[];
}

/**
 * The rules whose outcome depends on colours. The dark theme changes colours only (custom properties under
 * prefers-color-scheme), so in it these are the rules that can find something the light theme's run did not; every
 * test that checks the dark theme also checks the same state in the light theme with every rule. Running only
 * these roughly halves the cost of a dark-theme run (axe-core's other rules take 0.5–0.9 s on a term page).
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block', 'non-text-contrast'];

/**
 * Runs axe-core with its default rule set (WCAG 2.x A/AA plus best practices) and lists the violations; in the dark
 * colour scheme, only the colour rules.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Once per document: checking the same state in both themes, or several states of one page, reuses it.
  if (!(await page.evaluate(() => typeof (window as unknown as { axe?: { run?: unknown } }).axe?.run === 'function'))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (colourRules) => {
    type Result = { violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] };
    const axe = (window as unknown as { axe: { run(options?: object): Promise<Result>; getRules(): { ruleId: string }[] } }).axe;
    const dark = matchMedia('(prefers-color-scheme: dark)').matches;
    const known = new Set(axe.getRules().map((r) => r.ruleId));
    // resultTypes: only violations are wanted, so axe stops collecting every passing node (same violations, less work).
    const only = { resultTypes: ['violations'] };
    const { violations } = await axe.run(dark ? { ...only, runOnly: { type: 'rule', values: colourRules.filter((r) => known.has(r)) } } : only);
    return violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  }, COLOUR_RULES);
}
