import { describe, expect, inject, test } from 'vitest';
import { openPage } from '../helpers/browser.ts';
import { useBrowser } from '../helpers/use-browser.ts';

const site = inject('siteUrl');
const session = useBrowser();

/** Titles of the search results on the search page for a query, in order. */
async function searchTitles(query: string): Promise<string[]> {
  const { page, problems } = await openPage(session.context);
  await page.goto(`${site}/search/?q=${encodeURIComponent(query)}`);
  await page.locator('[data-search-results] > li').first().waitFor();
  const titles = await page.locator('[data-search-results] .result-title').allTextContents();
  expect(problems).toEqual([]);
  return titles;
}

describe('search', () => {
  test('searching TA0002 lists Execution first', async () => {
    const titles = await searchTitles('TA0002');
    expect(titles[0]).toBe('Execution (MITRE Tactic)');
  });

  test('searching "Execution tactic" lists Execution first', async () => {
    expect((await searchTitles('Execution tactic'))[0]).toBe('Execution (MITRE Tactic)');
  });

  test('searching EDR lists the EDR entry first', async () => {
    expect((await searchTitles('EDR'))[0]).toMatch(/^EDR \(/);
  });

  test('a result shows the one-line summary and the category', async () => {
    const { page } = await openPage(session.context);
    await page.goto(`${site}/search/?q=TA0002`);
    const first = page.locator('[data-search-results] > li').first();
    await first.waitFor();
    await expect.poll(() => first.locator('.result-summary').textContent()).toMatch(/^Execution is the ATT&CK tactic/);
    expect(await first.locator('.result-category').textContent()).toBe('ATT&CK Tactics');
  });

  test('the category filter narrows results and is kept in the URL', async () => {
    const { page, problems } = await openPage(session.context);
    await page.goto(`${site}/search/?q=execution`);
    await page.locator('[data-search-results] > li').first().waitFor();
    const all = await page.locator('[data-search-results] .result-category').allTextContents();
    expect(new Set(all).size).toBeGreaterThan(1);
    await page.selectOption('#search-category', 'Defense & Operations');
    await expect
      .poll(async () => new Set(await page.locator('[data-search-results] .result-category').allTextContents()))
      .toEqual(new Set(['Defense & Operations']));
    expect(new URL(page.url()).searchParams.get('category')).toBe('defense-and-operations');
    expect(problems).toEqual([]);
  });

  test('FAQ entries appear as sub-results that lead to their anchors', async () => {
    const { page } = await openPage(session.context);
    await page.goto(`${site}/search/?q=${encodeURIComponent('Kill Chain')}`);
    const subLink = page.locator('[data-search-results] .sub-results a[href*="#faq-"]').first();
    await subLink.waitFor();
    const href = await subLink.getAttribute('href');
    await subLink.click();
    await page.waitForURL((url) => url.hash.startsWith('#faq-'));
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    expect(href).toContain(`#${id}`);
    expect(await page.locator(`[id="${id}"]`).count()).toBe(1);
  });

  test('pressing / on a term page focuses the search box, and Enter opens results', async () => {
    const { page, problems } = await openPage(session.context);
    await page.goto(`${site}/terms/execution/`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('TA0002');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=TA0002/);
    await page.locator('[data-search-results] > li').first().waitFor();
    expect(problems).toEqual([]);
  });
});

describe('navigation', () => {
  test('an unknown address shows the 404 page with search and the A–Z index', async () => {
    const { page } = await openPage(session.context);
    const response = await page.goto(`${site}/terms/no-such-term/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    expect(await page.locator('main form[role="search"]').count()).toBe(1);
    expect(await page.locator('main a[href="/terms/"]').count()).toBe(1);
  });
});

describe('keyboard', () => {
  test('the skip link is the first thing the keyboard reaches and moves focus to the content', async () => {
    const { page } = await openPage(session.context);
    await page.goto(`${site}/terms/execution/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });
});

describe('search ranking over the whole glossary', () => {
  test('every title, alias and ATT&CK ID finds its own term first', async () => {
    const { checkContentDir } = await import('../../src/entries/check-content.ts');
    const { SEARCH_RANKING, exactTitleFirst, searchableQuery } = await import('../../src/search/ranking.ts');
    const { SUGGESTION_CANDIDATES } = await import('../../src/client/combobox.ts');
    const { entries } = await checkContentDir(`${process.cwd()}/content/terms`);
    const cases = entries.flatMap((e) =>
      [e.data.title, ...e.data.aliases, ...(e.data.attack ? [e.data.attack.id] : [])].map((name) => ({
        name,
        slug: e.slug,
      })),
    );
    expect(cases.length).toBeGreaterThan(entries.length);
    const { page } = await openPage(session.context);
    await page.goto(`${site}/search/`);
    // What the header box and the search page ask Pagefind: the name without filler words ("Indicator Attack").
    const queries = cases.map(({ name }) => searchableQuery(name));
    // Passed as a string: vitest would otherwise rewrite the dynamic import for Node.
    const tops = (await page.evaluate(`(async () => {
      const queries = ${JSON.stringify(queries)};
      const pagefind = await import(location.origin + '/pagefind/pagefind.js');
      await pagefind.options({ ranking: ${JSON.stringify(SEARCH_RANKING)} });
      // A result's address and metadata belong to its page, whatever the query: read once per page. data() also
      // builds the query's excerpt and sub-results, which this test does not look at; doing that for every result of
      // every query was most of its time.
      const pages = new Map();
      const page = (r) => {
        if (!pages.has(r.id)) pages.set(r.id, r.data().then((d) => ({ url: d.url, meta: d.meta })));
        return pages.get(r.id);
      };
      // Several searches in flight at once: one at a time, the loop mostly waited on index chunks and fragments
      // coming back from the server. Each search is independent, so the order of completion does not matter.
      const top = async (query) => {
        const search = await pagefind.search(query);
        return Promise.all(search.results.slice(0, ${SUGGESTION_CANDIDATES}).map(page));
      };
      const out = [];
      for (let i = 0; i < queries.length; i += 16) out.push(...(await Promise.all(queries.slice(i, i + 16).map(top))));
      return out;
    })()`)) as { url: string; meta: Record<string, string> }[][];
    // Both put an exact title or alias first (exactTitleFirst) among the results they read: the header box among its
    // first SUGGESTION_CANDIDATES, the search page among more. Check what the header box would show.
    const misses = cases.flatMap(({ name, slug }, i) => {
      const first = exactTitleFirst(tops[i]!, name)[0];
      return first?.url.endsWith(`/terms/${slug}/`) ? [] : [`${name} -> ${first?.url ?? 'nothing'} (wanted ${slug})`];
    });
    expect(misses).toEqual([]);
    // Hundreds of searches: a busy machine needs more than the one-page default.
  }, 180_000);
});
