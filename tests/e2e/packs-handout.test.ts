/**
 * The printable handout of a course pack, used as a trainer would: open the pack's handout link, print it to A4 or
 * Letter, and hand the sheet out. Students scan the QR codes, so each code is read back from the page and compared
 * with the URL printed beside it.
 */
import { describe, expect, inject, test } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPage } from '../helpers/browser.ts';
import { useBrowser } from '../helpers/use-browser.ts';
import { axeViolationsInBothThemes } from '../helpers/axe.ts';
import { qrModules, QUIET_ZONE } from '../../src/packs/qr.ts';
import type { PackData, PackTerm } from '../../src/packs/pack-term.ts';
import { TEST_SITE_URL } from '../helpers/run-build.ts';

const site = inject('siteUrl');
const data = JSON.parse(readFileSync(join(inject('distDir'), 'api/pack-terms.json'), 'utf8')) as PackData;
const session = useBrowser({ viewport: { width: 1280, height: 900 } });

const byNumber = [...data.terms].sort((a, b) => a.number - b.number);
const textLength = (term: PackTerm) =>
  term.title.length + term.qualifier.length + term.summary.length + term.example.length;
/** The worst case for the layout: the ten entries with the most text. */
const longest = [...data.terms].sort((a, b) => textLength(b) - textLength(a)).slice(0, 10);
const withAttackId = byNumber.filter((term) => term.attack).slice(0, 5);

const handoutUrl = (terms: PackTerm[] | string[], title?: string) => {
  const slugs = terms.map((term) => (typeof term === 'string' ? term : term.slug));
  const title_ = title === undefined ? '' : `&title=${encodeURIComponent(title)}`;
  return `${site}/packs/handout/?terms=${slugs.join(',')}${title_}`;
};

/** The handout at `url`, once built. The page saves nothing, so every test can share the file's context. */
async function handout(url: string): Promise<{ page: Page; problems: string[] }> {
  const watched = await openPage(session.context);
  await watched.page.goto(url);
  await built(watched.page);
  return watched;
}

/** Waits until the script has built the sheet, or said there is nothing to build. */
const built = (page: Page) => page.locator('.handout-term, [data-handout-empty]:visible').first().waitFor();

/** A page in a context with these settings, which only tests that need them share. */
async function pageWith(options: BrowserContextOptions): Promise<{ page: Page; problems: string[] }> {
  return openPage(await session.contextWith(options));
}

const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

/** Reads a QR code's SVG back into its module matrix: the quiet zone must be blank, and is cut off. */
function svgModules({ viewBox, d }: { viewBox: string; d: string }): boolean[][] {
  const side = Number(viewBox.split(' ')[2]);
  const grid = Array.from({ length: side }, () => Array<boolean>(side).fill(false));
  for (const [, x, y, width] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let i = 0; i < Number(width); i++) grid[Number(y)]![Number(x) + i] = true;
  }
  const quiet = grid.filter(
    (row, y) =>
      y < QUIET_ZONE ||
      y >= side - QUIET_ZONE ||
      row.some((dark, x) => dark && (x < QUIET_ZONE || x >= side - QUIET_ZONE)),
  );
  expect(quiet.flat().some(Boolean), 'dark modules in the quiet zone').toBe(false);
  return grid.slice(QUIET_ZONE, side - QUIET_ZONE).map((row) => row.slice(QUIET_ZONE, side - QUIET_ZONE));
}

interface PrintedQr {
  viewBox: string;
  d: string;
  label: string;
  /** What the code sits beside: the URL printed as text. */
  url: string;
}

const readQrCodes = (page: Page): Promise<PrintedQr[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll('.sheet .qr svg')].map((svg) => ({
      viewBox: svg.getAttribute('viewBox') ?? '',
      d: svg.querySelector('path')?.getAttribute('d') ?? '',
      label: svg.querySelector('title')?.textContent ?? '',
      url: (svg.closest('.handout-term, .sheet-head')!.querySelector('.url')?.textContent ?? '').trim(),
    })),
  );

describe('the printed sheet', () => {
  const cases = [
    { name: 'ten terms print on one page', terms: byNumber.slice(0, 10), pages: 1 },
    { name: 'the ten terms with the most text print on at most two pages', terms: longest, pages: 2 },
    { name: 'thirty terms print on at most three pages', terms: byNumber.slice(0, 30), pages: 3 },
  ];
  for (const { name, terms, pages } of cases) {
    test.each(['A4', 'Letter'] as const)(`${name} of %s`, async (format) => {
      const { page, problems } = await handout(handoutUrl(terms, 'Lesson 3: execution'));
      const pdf = await page.pdf({ format });
      expect(pdfPages(pdf)).toBeLessThanOrEqual(pages);
      expect(problems).toEqual([]);
    });
  }

  test('shows the pack title, its link, and per term the title, qualifier, ATT&CK ID, definition, example and short URL', async () => {
    const terms = [...withAttackId, ...byNumber.filter((term) => !term.attack).slice(0, 5)];
    const url = handoutUrl(terms, 'Lesson 3: execution');
    const { page, problems } = await handout(url);
    await page.emulateMedia({ media: 'print' });
    const sheet = page.locator('.sheet');
    expect(await page.locator('h1').textContent()).toBe('Lesson 3: execution');
    expect(await page.title()).toBe('Lesson 3: execution · Security Glossary');
    const packUrl = `${TEST_SITE_URL}/packs/?terms=${terms.map((term) => term.slug).join(',')}&title=Lesson%203%3A%20execution`;
    expect(await sheet.locator('.pack-link .url').textContent()).toBe(packUrl);
    const blocks = sheet.locator('.handout-term');
    expect(await blocks.count()).toBe(terms.length);
    for (const [i, term] of terms.entries()) {
      const block = blocks.nth(i);
      const text = await block.innerText();
      // The ID is introduced for screen readers, and shown bare.
      expect(await block.locator('h2').textContent()).toBe(
        `${term.title} (${term.qualifier})${term.attack ? ` ATT&CK ID ${term.attack.id}` : ''}`,
      );
      if (term.attack) expect(await block.locator('.attack-id').innerText()).toContain(term.attack.id);
      expect(text).toContain(term.summary);
      expect(text).toContain(term.example.replace(/\s+/g, ' ').slice(0, 40));
      expect(await block.locator('.url').textContent()).toBe(term.shortUrl);
      expect(await block.locator('.url').getAttribute('href')).toBe(term.shortUrl);
    }
    // On paper: no site chrome, no buttons, no notices; the URLs are not printed twice.
    for (const hidden of ['.site-header', '.site-footer', '[data-handout-toolbar]', '[data-handout-notices]']) {
      expect(await page.locator(hidden).isVisible(), hidden).toBe(false);
    }
    expect(
      await sheet
        .locator('.url')
        .first()
        .evaluate((el) => getComputedStyle(el, '::after').content),
    ).toBe('none');
    expect(problems).toEqual([]);
  });

  test('without a title the sheet is headed with the glossary and the number of terms', async () => {
    const { page } = await handout(handoutUrl(byNumber.slice(0, 3)));
    expect(await page.locator('h1').textContent()).toBe('Security Glossary: 3 terms');
  });

  test('every QR code holds the URL printed beside it, keeps its quiet zone and is named for screen readers', async () => {
    const terms = byNumber.slice(0, 12);
    const { page } = await handout(handoutUrl(terms, 'QR check'));
    const codes = await readQrCodes(page);
    // Paper has no address bar: every link points at the public site (SITE_URL), not where the sheet was opened.
    const packTerms = terms.map((t) => t.slug).join(',');
    expect(codes.map((code) => code.url)).toEqual([
      `${TEST_SITE_URL}/packs/?terms=${packTerms}&title=QR%20check`,
      ...terms.map((t) => t.shortUrl),
    ]);
    expect(await page.locator('[data-handout-link]').getAttribute('href')).toBe(
      `${TEST_SITE_URL}/packs/?terms=${packTerms}&title=QR%20check`,
    );
    // The pack's code holds the short form (terms only), so it has fewer, larger modules.
    expect(svgModules(codes[0]!)).toEqual(qrModules(`${TEST_SITE_URL}/packs/?terms=${packTerms}`));
    for (const code of codes.slice(1)) expect(svgModules(code)).toEqual(qrModules(code.url));
    expect(codes[0]!.label).toBe('QR code for this pack’s link');
    expect(codes.slice(1).map((code) => code.label)).toEqual(terms.map((t) => `QR code for ${t.title}`));
  });

  test('QR codes are black on white on screen and on paper, also in the dark theme, and print small but scannable', async () => {
    const { page } = await pageWith({ colorScheme: 'dark' });
    await page.goto(handoutUrl(byNumber.slice(0, 30)));
    await built(page);
    const qrCodes = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<SVGSVGElement>('.sheet .qr svg')].map((svg) => {
          const style = getComputedStyle(svg);
          return {
            px: svg.getBoundingClientRect().width,
            side: svg.viewBox.baseVal.width,
            colors: [style.color, style.backgroundColor],
          };
        }),
      );
    const blackOnWhite = ['rgb(0, 0, 0)', 'rgb(255, 255, 255)'];
    for (const { colors } of await qrCodes()) expect(colors).toEqual(blackOnWhite);

    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const printed = await qrCodes();
    const mm = (px: number) => (px * 25.4) / 96;
    for (const { px, side, colors } of printed) {
      expect(colors).toEqual(blackOnWhite);
      // Phones read modules of 0.4 mm and up from a sheet on the desk.
      expect(mm(px) / side).toBeGreaterThanOrEqual(0.39);
    }
    // The pack's code is read from further away (a sheet on a wall, a projected slide): at least 30 mm.
    expect(mm(printed[0]!.px)).toBeGreaterThanOrEqual(30);
    for (const { px } of printed.slice(1)) {
      expect(mm(px)).toBeGreaterThanOrEqual(16);
      expect(mm(px)).toBeLessThanOrEqual(22);
    }
    expect(
      await page.locator('.sheet').evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]),
    ).toEqual(blackOnWhite);
    expect(
      await page
        .locator('.handout-term .qualifier')
        .first()
        .evaluate((el) => getComputedStyle(el).color),
    ).toBe('rgb(51, 51, 51)');
  });
});

describe('what the trainer sees on screen', () => {
  test('a hostile pack title is shown as text, and runs nothing', async () => {
    const hostile = '"><img src=x onerror=alert(1)>';
    const { page, problems } = await handout(handoutUrl(byNumber.slice(0, 2), hostile));
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    expect(await page.locator('h1').textContent()).toBe(hostile);
    expect(await page.locator('main img').count()).toBe(0);
    expect(dialogs).toBe(0);
    expect(problems).toEqual([]);
  });

  test('an unknown entry is reported on screen, not on paper, and the known terms still make the sheet', async () => {
    const { page, problems } = await handout(handoutUrl([byNumber[0]!.slug, 'no-such-term', byNumber[1]!.slug]));
    const notices = page.locator('[data-handout-notices]');
    expect(await notices.innerText()).toBe('Not in the glossary, so not on the handout: no-such-term.');
    expect(await page.locator('.handout-term').count()).toBe(2);
    await page.emulateMedia({ media: 'print' });
    expect(await notices.isVisible()).toBe(false);
    expect(problems).toEqual([]);
  });

  test('Print opens the print dialog, and the other pack pages open the same pack', async () => {
    const terms = byNumber.slice(0, 4);
    const { page, problems } = await handout(handoutUrl(terms, 'Week 1'));
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', '');
    });
    await page.getByRole('button', { name: 'Print the handout' }).click();
    expect(await page.locator('body[data-printed]').count()).toBe(1);
    const search = `?terms=${terms.map((t) => t.slug).join(',')}&title=Week%201`;
    const nav = page.getByRole('navigation', { name: 'This pack' });
    expect(await nav.getByRole('link', { name: 'Change the terms' }).getAttribute('href')).toBe(`/packs/${search}`);
    expect(await nav.getByRole('link', { name: 'Flashcards' }).getAttribute('href')).toBe(
      `/packs/flashcards/${search}`,
    );
    expect(await nav.getByRole('link', { name: 'Quiz' }).getAttribute('href')).toBe(`/packs/quiz/${search}`);
    expect(problems).toEqual([]);
  });

  test('without terms the page says so and leads to the picker, with nothing to print', async () => {
    const { page, problems } = await openPage(session.context);
    for (const url of [`${site}/packs/handout/`, handoutUrl(['no-such-term'])]) {
      await page.goto(url);
      await built(page);
      const empty = page.locator('[data-handout-empty]');
      expect(await empty.isVisible()).toBe(true);
      expect(await empty.getByRole('link', { name: 'Pick terms for a pack' }).getAttribute('href')).toBe('/packs/');
      expect(await page.getByRole('button', { name: 'Print the handout' }).isVisible()).toBe(false);
      expect(await page.locator('.handout-term').count()).toBe(0);
      expect(problems).toEqual([]);
    }
  });

  test('when the term list cannot load, the page says so instead of showing an empty sheet', async () => {
    const { page, problems } = await openPage(session.context);
    await page.route('**/api/pack-terms.json', (route) => route.fulfill({ status: 503, body: '' }));
    await page.goto(handoutUrl(byNumber.slice(0, 3)));
    await expect
      .poll(() => page.locator('[data-handout-status]').textContent())
      .toMatch(/could not load.*Reload the page/);
    expect(await page.locator('.handout-term').count()).toBe(0);
    expect(problems.some((problem) => problem.includes('HTTP 503'))).toBe(true);
  });

  test('without JavaScript the page explains why there is no sheet and links to the term pages', async () => {
    const { page } = await pageWith({ javaScriptEnabled: false });
    await page.goto(handoutUrl(byNumber.slice(0, 3)));
    expect(await page.locator('.sheet').innerText()).toContain('needs JavaScript');
    expect(await page.getByRole('link', { name: 'All terms A–Z' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Print the handout' }).isVisible()).toBe(false);
  });

  test('at 320 px nothing scrolls sideways, the long pack link included', async () => {
    const { page, problems } = await openPage(session.context);
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(handoutUrl(byNumber.slice(0, 30), 'A long title for a whole week of lessons on execution'));
    await page.locator('.handout-term').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const right = await page.evaluate(() =>
      Math.max(...[...document.querySelectorAll('main *')].map((el) => el.getBoundingClientRect().right)),
    );
    expect(right).toBeLessThanOrEqual(320);
    expect(problems).toEqual([]);
  });
});

describe('accessibility', () => {
  test('the handout with a pack and notices, and without a pack, passes axe in the light and the dark theme', async () => {
    // axe is injected as an inline script, which the page's CSP would block.
    const { page, problems } = await pageWith({ bypassCSP: true });
    for (const url of [
      handoutUrl([...withAttackId.map((t) => t.slug), 'no-such-term'], 'Lesson 3'),
      `${site}/packs/handout/`,
    ]) {
      await page.goto(url);
      await built(page);
      expect(await axeViolationsInBothThemes(page), url).toEqual([]);
    }
    expect(problems).toEqual([]);
  });
});
