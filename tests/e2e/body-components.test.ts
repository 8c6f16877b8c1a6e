import { describe, expect, inject, test } from 'vitest';
import { load } from 'cheerio';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openPage } from '../helpers/browser.ts';
import { useBrowser } from '../helpers/use-browser.ts';

const site = inject('siteUrl');
const dist = inject('distDir');
// The copy button's test reads the clipboard; the other tests do not touch it.
const session = useBrowser({ permissions: ['clipboard-read', 'clipboard-write'] });

const html = async (slug: string) => load(await readFile(join(dist, 'terms', slug, 'index.html'), 'utf8'));

describe('components in term bodies, as built', () => {
  test('code blocks carry a language label and colours from classes, with no inline style anywhere in the body', async () => {
    const $ = await html('powershell');
    expect($('.explanation .code-block .code-lang').first().text()).toBeTruthy();
    expect($('.explanation .code-block .token').length).toBeGreaterThan(0);
    expect($('.explanation [style]').length).toBe(0);
  });

  test('inline <Term> links in the prose lead to existing term pages', async () => {
    const $ = await html('execution');
    const links = $('.explanation a.term-link')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(links).toEqual(expect.arrayContaining(['/terms/powershell/', '/terms/amsi/', '/terms/sysmon/']));
  });

  test('every heading in every body has the "#" copy link to its own anchor, as the page\'s sections do', async () => {
    const { readdir } = await import('node:fs/promises');
    const slugs = (await readdir(join(dist, 'terms'), { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    const missing: string[] = [];
    let headings = 0;
    for (const slug of slugs) {
      const $ = await html(slug);
      // Markdown headings; a tab's label is a heading only while scripts are off (it names the panel, not a section).
      $('.explanation h2:not(.tab-label), .explanation h3:not(.tab-label)').each((_, h) => {
        headings++;
        const id = $(h).attr('id');
        if (!id || $(h).parent('.linked-heading').find(`a.copy-link[href="#${id}"]`).length !== 1)
          missing.push(`${slug}: ${$(h).text()}`);
      });
    }
    expect(headings).toBeGreaterThan(500);
    expect(missing).toEqual([]);
  });

  test('"Referenced by" lists the terms whose prose links here, and none that Related already shows', async () => {
    const { readdir } = await import('node:fs/promises');
    const slugs = (await readdir(join(dist, 'terms'), { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    let checked = 0;
    for (const slug of slugs) {
      const $ = await html(slug);
      // A compact list of links (cards are for the hand-picked related terms), in the table of contents too.
      const mentioning = $('#referenced-by')
        .closest('section')
        .find('li > a')
        .map((_, a) => $(a).attr('href'))
        .get();
      if (mentioning.length) expect($('nav.toc a[href="#referenced-by"]').length, slug).toBe(1);
      expect($('#referenced-by').closest('section').find('a.card').length).toBe(0);
      const related = new Set(
        $('#related')
          .closest('section')
          .find('a.card, .related-more a')
          .map((_, a) => $(a).attr('href'))
          .get(),
      );
      for (const href of mentioning) {
        expect(related.has(href)).toBe(false);
        const other = href.split('/')[2]!;
        expect((await html(other))(`.explanation a[href="/terms/${slug}/"]`).length).toBeGreaterThan(0);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});

describe('components in the browser', () => {
  test('under the real Content-Security-Policy, highlighted code is coloured and nothing is blocked', async () => {
    // openPage reports every violation of the policy as a problem.
    const { page, problems } = await openPage(session.context);
    await page.goto(`${site}/terms/powershell/`);
    const colours = await page.evaluate(() => {
      const token = document.querySelector(
        '.explanation .token.builtin, .explanation .token.keyword, .explanation .token.string',
      )!;
      return [getComputedStyle(token).color, getComputedStyle(token.closest('pre')!).color];
    });
    expect(colours[0]).not.toBe(colours[1]);
    expect(problems).toEqual([]);
  });

  test('without JavaScript every tab panel shows under its own heading and no copy button is offered', async () => {
    const { page } = await openPage(await session.contextWith({ javaScriptEnabled: false }));
    await page.goto(`${site}/terms/execution/`);
    const panels = page.locator('.explanation .tabs .tab-panel');
    expect(await panels.count()).toBeGreaterThanOrEqual(2);
    for (const panel of await panels.all()) {
      await expect.poll(() => panel.isVisible()).toBe(true);
      expect(await panel.locator('h3.tab-label').isVisible()).toBe(true);
    }
    expect(await page.locator('.explanation button.copy-code:visible').count()).toBe(0);
    expect(await page.locator('[role="tablist"]').count()).toBe(0);
  });

  test('with JavaScript the panels become tabs that arrow keys, Home and End move between', async () => {
    const { page, problems } = await openPage(session.context);
    await page.goto(`${site}/terms/execution/`);
    const tabs = page.locator('.explanation [role="tablist"]').first().locator('[role="tab"]');
    expect(await tabs.count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => tabs.nth(0).getAttribute('aria-selected')).toBe('true');
    const panelOf = async (i: number) => page.locator(`#${await tabs.nth(i).getAttribute('aria-controls')}`);
    expect(await (await panelOf(0)).isVisible()).toBe(true);
    expect(await (await panelOf(1)).isVisible()).toBe(false);

    await tabs.nth(0).focus();
    await page.keyboard.press('ArrowRight');
    expect(await tabs.nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tab');
    expect(await (await panelOf(1)).isVisible()).toBe(true);
    expect(await (await panelOf(0)).isVisible()).toBe(false);
    await page.keyboard.press('Home');
    expect(await tabs.nth(0).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('End');
    expect(await tabs.last().getAttribute('aria-selected')).toBe('true');
    await tabs.nth(0).click();
    expect(await tabs.nth(0).getAttribute('aria-selected')).toBe('true');
    expect(problems).toEqual([]);
  });

  test('the copy button puts the code on the clipboard and says so', async () => {
    const { page, problems } = await openPage(session.context);
    await page.goto(`${site}/terms/powershell/`);
    const block = page.locator('.explanation .code-block').first();
    await block.locator('button.copy-code').click();
    const code = await block.locator('code').textContent();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    await expect.poll(() => page.locator('[data-copy-status]').textContent()).toMatch(/copied/i);
    expect(problems).toEqual([]);
  });

  test('on a phone, long command lines scroll inside their block instead of wrapping or widening the page', async () => {
    const { page } = await openPage(session.context);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${site}/terms/powershell/`);
    const sizes = await page.evaluate(() => {
      const pres = [...document.querySelectorAll<HTMLElement>('.explanation pre')];
      return {
        scrolling: pres.some((pre) => pre.scrollWidth > pre.clientWidth),
        wrapped: pres.some((pre) => getComputedStyle(pre).whiteSpace !== 'pre'),
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      };
    });
    expect(sizes).toEqual({ scrolling: true, wrapped: false, page: 0 });
  });

  test('a <Term> link in the prose shows the same preview as other sites get, on hover and focus, and Esc closes it', async () => {
    const { page, problems } = await openPage(session.context);
    await page.goto(`${site}/terms/execution/`);
    const link = page.locator('.explanation a.term-link[href="/terms/amsi/"]').first();
    await link.hover();
    const tip = page.locator('[role="tooltip"]');
    await expect.poll(() => tip.isVisible()).toBe(true);
    const amsi = JSON.parse(await readFile(join(dist, 'api/terms/amsi.json'), 'utf8')) as { summary: string };
    expect(await tip.textContent()).toContain(amsi.summary);
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.isVisible()).toBe(false);
    await link.focus();
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await link.getAttribute('aria-describedby')).toBe(await tip.getAttribute('id'));
    expect(problems).toEqual([]);
  });
});
