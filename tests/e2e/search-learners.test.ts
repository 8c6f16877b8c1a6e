/**
 * Learners search the way they talk: questions and community words, not MITRE's names. Each query below must
 * bring its entry into the first three results on /search/, in Chromium, with the site's own Pagefind index.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage } from '../helpers/browser.ts';
import { useBrowser } from '../helpers/use-browser.ts';

const site = inject('siteUrl');
const session = useBrowser();

const LEARNER_QUERIES: [query: string, slug: string][] = [
  ['how do attackers run code', 'execution'],
  ['how do attackers get in', 'initial-access'],
  ['how do attackers stay after a reboot', 'persistence'],
  ['how do attackers get admin rights', 'privilege-escalation'],
  ['how do attackers hide', 'stealth'],
  ['lolbin', 'system-binary-proxy-execution'],
  ['what is a lolbin', 'living-off-the-land'],
  ['lolbas', 'living-off-the-land'],
  ['uac bypass', 'bypass-user-account-control'],
  ['webshell', 'web-shell'],
  ['dll sideloading', 'dll-hijacking'],
  ['how does process hollowing work', 'process-hollowing'],
  ['c2', 'command-and-control'],
  ['what is a c2 beacon', 'beacon'],
  ['what is a ttp', 'ttps'],
  ['what is an ioc', 'indicator-of-compromise'],
  ['what is an apt', 'advanced-persistent-threat'],
  ['credential dumping', 'os-credential-dumping'],
  ['dumping lsass', 'lsass-memory'],
  ['pass the hash', 'use-alternate-authentication-material'],
  ['killing the antivirus', 'disable-or-modify-tools'],
  ['clearing event logs', 'clear-windows-event-logs'],
  ['run key persistence', 'registry-run-keys-startup-folder'],
  ['macro malware', 'malicious-macro'],
  ['phishing link', 'spearphishing-link'],
  ['rat malware', 'remote-access-trojan'],
  ['supply chain attack', 'supply-chain-compromise'],
  ['typosquatting packages', 'compromise-software-dependencies-and-development-tools'],
  ['what does mimikatz do', 'mimikatz'],
  ['token theft', 'token-impersonation-theft'],
  ['sandbox evasion', 'virtualization-sandbox-evasion'],
  ['how to detect encoded powershell', 'powershell'],
];

describe('questions and community words find their entries', () => {
  // One search page for every query, typed into its box as a learner would: loading the page and Pagefind's index
  // anew for each query cost more than the searches themselves. Loading a query from the address is covered by
  // search.test.ts and browser.test.ts.
  let page: Page;
  let problems: string[];
  beforeAll(async () => {
    ({ page, problems } = await openPage(session.context));
    await page.goto(`${site}/search/`);
  });
  afterAll(() => page?.close());

  test.each(LEARNER_QUERIES)('%j puts /terms/%s/ in the first three results', async (query, slug) => {
    await page.locator('#search-query').fill(query);
    // The status names the query once its results are in, so results of the previous query are never read.
    await page
      .locator('[data-search-status]')
      .filter({ hasText: `“${query}”.` })
      .waitFor();
    const titles = page.locator('[data-search-results] .result-title');
    const top = await titles.evaluateAll((as) =>
      as.slice(0, 3).map((a) => new URL((a as HTMLAnchorElement).href).pathname),
    );
    expect(top, query).toContain(`/terms/${slug}/`);
    // The address keeps what the learner typed, so the search can be shared or come back to.
    expect(new URL(page.url()).searchParams.get('q')).toBe(query);
    expect(problems).toEqual([]);
  });
});
