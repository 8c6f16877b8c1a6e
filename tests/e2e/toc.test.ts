import { describe, expect, inject, test } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { openPage } from '../helpers/browser.ts';
import { useBrowser } from '../helpers/use-browser.ts';
import { axeViolationsInBothThemes } from '../helpers/axe.ts';

const site = inject('siteUrl');
const WIDE = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 812 };
const session = useBrowser();

/**
 * The Execution page at a viewport size. The tests differ in viewport, touch, theme and JavaScript: the size is set
 * on the page, the rest (which a page cannot change) on a context shared by the tests that ask for the same.
 */
async function termPage(viewport: { width: number; height: number }, options: BrowserContextOptions = {}) {
  const { page, problems } = await openPage(await session.contextWith(options));
  const size = page.viewportSize();
  if (size?.width !== viewport.width || size.height !== viewport.height) await page.setViewportSize(viewport);
  await page.goto(`${site}/terms/execution/`);
  const toc = page.getByRole('navigation', { name: 'On this page' });
  const link = (name: string) => toc.getByRole('link', { name, exact: true });
  return { page, problems, toc, link };
}

/** Distance from the top of the viewport to an element's top edge. */
const topOf = (page: Page, selector: string) => page.locator(selector).evaluate((el) => el.getBoundingClientRect().top);

describe('table of contents on a term page', () => {
  test('at 1280 px it sits beside the full-width article and stays in view while the page scrolls', async () => {
    const { page, problems, toc, link } = await termPage(WIDE);
    const article = (await page.locator('main article').boundingBox())!;
    const list = toc.getByRole('list').first();
    // 44rem: the reading width the article had before it had a table of contents beside it.
    expect(article.width).toBeGreaterThanOrEqual(704);
    expect((await list.boundingBox())!.x).toBeGreaterThanOrEqual(article.x + article.width);
    expect(await link('How it works').isVisible()).toBe(true);
    expect(await link('Sources').isVisible()).toBe(true);

    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    const box = (await list.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(WIDE.height);
    expect(await link('Sources').isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });

  test('at 375 px it is collapsed below the title, opens to show the links, and nothing overflows', async () => {
    // A phone's touch and mobile viewport are the context's: a page cannot switch them.
    const { page, problems, toc, link } = await termPage(PHONE, { viewport: PHONE, isMobile: true, hasTouch: true });
    const summary = toc.locator('summary');
    expect(await summary.isVisible()).toBe(true);
    expect(await link('Frequently asked questions').isVisible()).toBe(false);
    const top = (await toc.boundingBox())!.y;
    expect(top).toBeGreaterThan((await page.locator('h1').boundingBox())!.y);
    expect(top).toBeLessThan((await page.locator('#definition').boundingBox())!.y);

    await summary.click();
    expect(await link('Frequently asked questions').isVisible()).toBe(true);
    expect(await link('Sources').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
      0,
    );
    expect(problems).toEqual([]);
  });

  test.each([
    ['1280', WIDE],
    ['375', PHONE],
  ])('at %s px following a link lands on its section', async (_, viewport) => {
    const { page, problems, toc, link } = await termPage(viewport);
    const summary = toc.locator('summary');
    if (await summary.isVisible()) await summary.click();
    await link('Examples').click();
    await page.waitForURL((url) => url.hash === '#examples');
    const top = await topOf(page, '#examples');
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(50);
    expect(problems).toEqual([]);
  });

  test('the section being read is marked after scrolling to the FAQ, without moving anything', async () => {
    const { page, problems, toc, link } = await termPage(WIDE);
    const sizes = () =>
      toc
        .getByRole('link')
        .evaluateAll((links) =>
          links.map((a) => `${a.getBoundingClientRect().width}×${a.getBoundingClientRect().height}`),
        );
    const before = await sizes();
    await page.locator('#faq').evaluate((heading) => heading.scrollIntoView());
    await expect.poll(() => link('Frequently asked questions').getAttribute('aria-current')).toBe('true');
    expect(await toc.locator('a[aria-current]').count()).toBe(1);
    expect(await sizes()).toEqual(before);
    expect(problems).toEqual([]);
  });

  test('without JavaScript it is shown beside the article and its links work', async () => {
    const { page, link } = await termPage(WIDE, { javaScriptEnabled: false });
    expect(await link('Frequently asked questions').isVisible()).toBe(true);
    await link('Frequently asked questions').click();
    await page.waitForURL((url) => url.hash === '#faq');
    expect(await topOf(page, '#faq')).toBeLessThan(50);
  });

  test('it is left out of the printed page', async () => {
    const { page, toc } = await termPage(WIDE);
    expect(await toc.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await toc.isVisible()).toBe(false);
  });

  test('opened at 375 px, axe-core finds no violations in the light and the dark theme', async () => {
    // axe is injected as an inline script, which the Content-Security-Policy would rightly block.
    const { page, problems, toc } = await termPage(PHONE, { bypassCSP: true });
    await toc.locator('summary').click();
    await page.locator('#faq').evaluate((heading) => heading.scrollIntoView());
    await expect.poll(() => toc.locator('a[aria-current="true"]').count()).toBe(1);
    expect(await axeViolationsInBothThemes(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
