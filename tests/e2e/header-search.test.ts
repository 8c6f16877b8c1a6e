/**
 * The header search box as a combobox (WAI-ARIA APG "combobox with listbox popup"): suggestions as you type, the
 * keyboard, the live status, the strict Content-Security-Policy, both themes, and a 320 px phone.
 */
import { describe, expect, inject, test } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { openPage } from '../helpers/browser.ts';
import { useBrowser } from '../helpers/use-browser.ts';
import { axeViolationsInBothThemes } from '../helpers/axe.ts';

const site = inject('siteUrl');
const session = useBrowser();

const INPUT = '#site-search';
const OPTIONS = '#site-search-listbox [role="option"]';

/** A term page as a new visitor sees it, under the real policy unless axe (an inline script) needs it bypassed. */
async function termPage({ viewport, ...options }: BrowserContextOptions = {}) {
  const { page, problems } = await openPage(await session.contextWith(options));
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(`${site}/terms/execution/`);
  return { page, problems };
}

async function typeQuery(page: Page, query: string) {
  await page.locator(INPUT).click();
  await page.keyboard.type(query);
}

const attr = (page: Page, name: string) => page.locator(INPUT).getAttribute(name);

describe('the header search box shows why each suggestion matched', () => {
  test('a word from the body shows in the suggestion\'s excerpt, marked, and "See all" stays in view without scrolling', async () => {
    const { page } = await termPage({ viewport: { width: 1280, height: 700 } });
    await typeQuery(page, '4688');
    await page.locator(OPTIONS).first().waitFor({ timeout: 5000 });
    const mark = page.locator(`${OPTIONS} .suggestion-summary mark`).first();
    await mark.waitFor();
    expect(await mark.textContent()).toMatch(/4688/);
    const seeAll = page.locator('#site-search-listbox .see-all');
    // Inside the popup's visible box, though the list above it may be taller than the popup.
    const inView = await seeAll.evaluate((el) => {
      const popup = el.closest('[data-popup]')!.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      return box.top >= popup.top - 1 && box.bottom <= popup.bottom + 1;
    });
    expect(inView).toBe(true);
  });
});

describe('the header search box suggests as you type', () => {
  test('"powershell" lists PowerShell first without Enter, with no console error or CSP violation', async () => {
    const { page, problems } = await termPage();
    const pagefind: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/pagefind/')) pagefind.push(r.url());
    });
    await page.waitForLoadState('load');
    // Pagefind loads on first use, never with the page.
    expect(pagefind).toEqual([]);
    expect(await attr(page, 'role')).toBe('combobox');
    expect(await attr(page, 'aria-autocomplete')).toBe('list');
    expect(await attr(page, 'aria-expanded')).toBe('false');
    expect(await attr(page, 'aria-controls')).toBe('site-search-listbox');

    await typeQuery(page, 'powershell');
    await page.locator(OPTIONS).first().waitFor({ timeout: 5000 });
    expect(pagefind.length).toBeGreaterThan(0);
    expect(await attr(page, 'aria-expanded')).toBe('true');
    expect(await page.locator('#site-search-listbox').getAttribute('role')).toBe('listbox');
    expect((await page.locator(`${OPTIONS} .suggestion-title`).first().textContent())!).toMatch(/^PowerShell\b/);
    expect(await page.locator(`${OPTIONS} .suggestion-category`).first().textContent()).toBeTruthy();
    // Still on the term page: nothing was submitted.
    expect(new URL(page.url()).pathname).toBe('/terms/execution/');
    await expect.poll(() => page.locator('#site-search-status').textContent()).toMatch(/^\d+ results?$/);
    expect(await page.locator('#site-search-status').getAttribute('role')).toBe('status');
    expect(problems).toEqual([]);
  });

  test('ArrowDown highlights options while focus stays in the field; Enter opens the highlighted term', async () => {
    const { page, problems } = await termPage();
    await typeQuery(page, 'powershell');
    await page.locator(OPTIONS).first().waitFor();
    expect(await attr(page, 'aria-activedescendant')).toBeNull();
    await page.keyboard.press('ArrowDown');
    const first = page.locator(OPTIONS).first();
    const firstId = await first.getAttribute('id');
    expect(await attr(page, 'aria-activedescendant')).toBe(firstId);
    expect(await first.getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.press('ArrowDown');
    const secondId = await page.locator(OPTIONS).nth(1).getAttribute('id');
    expect(await attr(page, 'aria-activedescendant')).toBe(secondId);
    expect(await first.getAttribute('aria-selected')).toBe('false');
    expect(await page.locator(`${OPTIONS}[aria-selected="true"]`).count()).toBe(1);
    // The highlight is visible without colour: an outline.
    expect(await page.locator(`#${secondId}`).evaluate((e) => getComputedStyle(e).outlineStyle)).toBe('solid');
    // ArrowUp goes back.
    await page.keyboard.press('ArrowUp');
    expect(await attr(page, 'aria-activedescendant')).toBe(firstId);
    const href = await first.getAttribute('href');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === href);
    expect((await page.locator('h1').textContent())!).toMatch(/^PowerShell\b/);
    expect(problems).toEqual([]);
  });

  test('Escape closes the popup and keeps the text; a second Escape clears it', async () => {
    const { page, problems } = await termPage();
    await typeQuery(page, 'powershell');
    await page.locator(OPTIONS).first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    expect(await attr(page, 'aria-expanded')).toBe('false');
    expect(await attr(page, 'aria-activedescendant')).toBeNull();
    expect(await page.locator('#site-search-listbox').isVisible()).toBe(false);
    expect(await page.locator(INPUT).inputValue()).toBe('powershell');
    // ArrowDown opens it again.
    await page.keyboard.press('ArrowDown');
    expect(await attr(page, 'aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    expect(await page.locator(INPUT).inputValue()).toBe('');
    expect(await attr(page, 'aria-expanded')).toBe('false');
    expect(problems).toEqual([]);
  });

  test('clicking outside closes the popup; clicking an option opens it', async () => {
    const { page, problems } = await termPage();
    await typeQuery(page, 'powershell');
    await page.locator(OPTIONS).first().waitFor();
    await page.locator('h1').click();
    expect(await attr(page, 'aria-expanded')).toBe('false');
    expect(await page.locator('#site-search-listbox').isVisible()).toBe(false);
    await page.locator(INPUT).click();
    await page.keyboard.press('ArrowDown');
    const second = page.locator(OPTIONS).nth(1);
    const href = await second.getAttribute('href');
    await second.click();
    await page.waitForURL((url) => url.pathname === href);
    expect(problems).toEqual([]);
  });

  test('Enter with nothing highlighted submits to /search/?q=…', async () => {
    const { page, problems } = await termPage();
    await typeQuery(page, 'powershell');
    await page.locator(OPTIONS).first().waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=powershell$/);
    await page.locator('[data-search-results] > li').first().waitFor();
    expect(problems).toEqual([]);
  });

  test('the last option, "See all N results", leads to the search page with the query and is reached by ArrowUp', async () => {
    const { page, problems } = await termPage();
    await typeQuery(page, 'powershell');
    await page.locator(OPTIONS).first().waitFor();
    const seeAll = page.locator(OPTIONS).last();
    const text = (await seeAll.textContent())!;
    const total = Number(text.match(/^See all (\d+) results$/)?.[1]);
    expect(total).toBeGreaterThan((await page.locator(OPTIONS).count()) - 1);
    expect(await page.locator('#site-search-status').textContent()).toBe(`${total} results`);
    const href = new URL((await seeAll.getAttribute('href'))!, site);
    expect(href.pathname).toBe('/search/');
    expect(href.searchParams.get('q')).toBe('powershell');
    // From no highlight, ArrowUp goes to the last option; Enter follows it.
    await page.keyboard.press('ArrowUp');
    expect(await attr(page, 'aria-activedescendant')).toBe(await seeAll.getAttribute('id'));
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/search/' && url.searchParams.get('q') === 'powershell');
    await page.locator('[data-search-results] > li').first().waitFor();
    expect(problems).toEqual([]);
  });

  test('a query that matches nothing says so, in the popup and the live status, with no listbox to expand', async () => {
    const { page, problems } = await termPage();
    await typeQuery(page, 'zzqxjv');
    await expect.poll(() => page.locator('#site-search-status').textContent(), { timeout: 5000 }).toBe('No results');
    expect(await page.locator('[data-empty]').textContent()).toContain('zzqxjv');
    expect(await page.locator('[data-empty]').isVisible()).toBe(true);
    expect(await attr(page, 'aria-expanded')).toBe('false');
    expect(await page.locator(OPTIONS).count()).toBe(0);
    // A newer query replaces it.
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-empty]').isVisible()).toBe(false);
    await page.locator(INPUT).fill('');
    await page.keyboard.type('execution');
    await page.locator(OPTIONS).first().waitFor();
    expect(await page.locator('#site-search-status').textContent()).toMatch(/results?$/);
    expect(problems).toEqual([]);
  });

  test('typing fast shows the results of the last query only', async () => {
    const { page, problems } = await termPage();
    await page.locator(INPUT).click();
    for (const q of ['p', 'po', 'pow', 'powe', 'powershell']) {
      await page.locator(INPUT).fill(q);
    }
    await page.locator(OPTIONS).first().waitFor();
    await page.waitForTimeout(600);
    expect((await page.locator(`${OPTIONS} .suggestion-title`).first().textContent())!).toMatch(/^PowerShell\b/);
    expect(new URL((await page.locator(OPTIONS).last().getAttribute('href'))!, site).searchParams.get('q')).toBe(
      'powershell',
    );
    expect(problems).toEqual([]);
  });
});

describe('accessibility and layout', () => {
  test('with the popup open and an option highlighted, axe finds no violations in the light and the dark theme', async () => {
    // axe is injected as an inline script, which the real policy would rightly block.
    const { page, problems } = await termPage({ bypassCSP: true });
    await typeQuery(page, 'powershell');
    await page.locator(OPTIONS).first().waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await attr(page, 'aria-expanded')).toBe('true');
    expect(await axeViolationsInBothThemes(page)).toEqual([]);
    // Still open after the checks: they judged the popup, not a page that had closed it.
    expect(await attr(page, 'aria-expanded')).toBe('true');
    expect(problems).toEqual([]);
  });

  test('at 320 px the header does not scroll sideways, and the open popup fits the viewport', async () => {
    const { page, problems } = await termPage({ viewport: { width: 320, height: 640 } });
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await typeQuery(page, 'powershell');
    await page.locator(OPTIONS).first().waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    const box = (await page.locator('[data-popup]').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(320);
    const input = (await page.locator(INPUT).boundingBox())!;
    expect(input.width).toBeGreaterThan(120);
    expect(problems).toEqual([]);
  });

  test.each([320, 768, 1280])('at %i px the whole placeholder shows in the header box', async (width) => {
    const { page } = await termPage({ viewport: { width, height: 800 } });
    const fit = await page.locator(INPUT).evaluate((input: HTMLInputElement) => {
      const style = getComputedStyle(input);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = context.measureText(input.placeholder).width;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { text, room };
    });
    expect(fit.text).toBeLessThanOrEqual(fit.room);
  });

  test('the home page has exactly one search box, and it suggests as you type', async () => {
    const { page, problems } = await openPage(await session.contextWith({}));
    await page.goto(`${site}/`);
    expect(await page.locator('input[type="search"]').count()).toBe(1);
    expect(await page.locator('form[role="search"]').count()).toBe(1);
    expect(await page.locator('.site-header input').count()).toBe(0);
    const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
    expect(ids.length).toBe(new Set(ids).size);
    await typeQuery(page, 'powershell');
    await page.locator(OPTIONS).first().waitFor();
    expect(await page.locator(INPUT).getAttribute('aria-expanded')).toBe('true');
    expect(problems).toEqual([]);
  });
});
