import { describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage } from '../helpers/browser.ts';
import { useBrowser } from '../helpers/use-browser.ts';
import { axeViolationsInBothThemes } from '../helpers/axe.ts';

const site = inject('siteUrl');
// axe is injected as an inline script, which a strict Content-Security-Policy would rightly block.
const session = useBrowser({ bypassCSP: true });

const results = '[data-search-results] > li';

/** How many results Pagefind itself finds for a query, evaluated in the page with the site's own bundle. */
async function pagefindCount(page: Page, query: string): Promise<number> {
  // A string, not a function: Vitest would rewrite a function's import() into something the page does not have.
  // The page loaded the same module URL, so this is the very instance the search page configured.
  const script = `(async () => {
    const pf = await import(new URL('../pagefind/pagefind.js', location.href).href);
    return (await pf.search(${JSON.stringify(query)})).results.length;
  })()`;
  return page.evaluate<number>(script);
}

describe('search results that show why they matched', () => {
  test('"powershell" reports the true number of matches, and Show more adds the next results', async () => {
    const { page, problems } = await openPage(session.context);
    await page.goto(`${site}/search/?q=powershell`);
    await page.locator(results).first().waitFor();
    const total = await pagefindCount(page, 'powershell');
    expect(total).toBeGreaterThan(20);
    const status = page.locator('[data-search-status]');
    await expect.poll(() => status.textContent()).toContain(`${total} terms match`);
    expect(await status.textContent()).toContain(`Showing 20 of ${total}`);
    expect(await page.locator(results).count()).toBe(20);

    const more = page.locator('[data-search-more]');
    expect(await more.isVisible()).toBe(true);
    await more.click();
    const expected = Math.min(40, total);
    await expect.poll(() => page.locator(results).count()).toBe(expected);
    // Focus moves to the first newly added result.
    await expect
      .poll(() =>
        page.evaluate(
          () => document.activeElement?.closest('li')?.matches('[data-search-results] > li:nth-child(21)') ?? false,
        ),
      )
      .toBe(true);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('result-title'))).toBe(true);
    if (expected === total) {
      expect(await status.textContent()).not.toContain('Showing');
      expect(await more.isHidden()).toBe(true);
    } else {
      expect(await status.textContent()).toContain(`Showing 40 of ${total}`);
    }
    // No result is listed twice.
    const hrefs = await page
      .locator('[data-search-results] .result-title')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(new Set(hrefs).size).toBe(hrefs.length);
    expect(problems).toEqual([]);
  });

  test('"4688" shows an excerpt with the matched word in <mark>', async () => {
    const { page, problems } = await openPage(session.context);
    await page.goto(`${site}/search/?q=4688`);
    const mark = page.locator('[data-search-results] .result-excerpt mark').first();
    await mark.waitFor();
    expect(await mark.textContent()).toMatch(/4688/);
    // The excerpt holds only text and <mark> elements.
    const tags = await page
      .locator('[data-search-results] .result-excerpt, [data-search-results] .sub-excerpt')
      .evaluateAll((ps) => [...new Set(ps.flatMap((p) => [...p.querySelectorAll('*')].map((e) => e.tagName)))]);
    expect(tags).toEqual(['MARK']);
    expect(problems).toEqual([]);
  });

  test('an old link with the category display name still filters, and the URL then uses the slug', async () => {
    const { page, problems } = await openPage(session.context);
    await page.goto(`${site}/search/?q=execution&category=ATT%26CK%20Tactics`);
    await page.locator(results).first().waitFor();
    expect(await page.locator('#search-category').inputValue()).toBe('attack-tactics');
    await expect
      .poll(async () => new Set(await page.locator('[data-search-results] .result-category').allTextContents()))
      .toEqual(new Set(['ATT&CK Tactics']));
    expect(new URL(page.url()).searchParams.get('category')).toBe('attack-tactics');
    expect(page.url()).toContain('category=attack-tactics');

    await page.selectOption('#search-category', 'defense-and-operations');
    await expect
      .poll(async () => new Set(await page.locator('[data-search-results] .result-category').allTextContents()))
      .toEqual(new Set(['Defense & Operations']));
    expect(new URL(page.url()).searchParams.get('category')).toBe('defense-and-operations');
    expect(problems).toEqual([]);
  });

  test('with Show more expanded, axe-core finds no violations in the light and the dark theme', async () => {
    const { page, problems } = await openPage(session.context);
    await page.goto(`${site}/search/?q=powershell`);
    await page.locator(results).first().waitFor();
    await page.locator('[data-search-more]').click();
    await expect.poll(() => page.locator(results).count()).toBeGreaterThan(20);
    await page.locator('[data-search-results] mark').first().waitFor();
    expect(await axeViolationsInBothThemes(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
