/**
 * Layout faults a visitor sees at once: pages wider than a phone's screen, tactic numbers crowding titles, an
 * unstyled form, a category of tactics read alphabetically with its name on every card.
 */
import { describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage } from '../helpers/browser.ts';
import { useBrowser } from '../helpers/use-browser.ts';
import { ENTERPRISE_TACTICS } from '../../src/attack/matrix.ts';

const site = inject('siteUrl');
const session = useBrowser();

/** A page of the site at a window width; one shared context, since the tests differ in window size only. */
async function at(width: number, path: string, height = 800): Promise<{ page: Page; problems: string[] }> {
  const { page, problems } = await openPage(session.context);
  await page.setViewportSize({ width, height });
  await page.goto(`${site}${path}`);
  return { page, problems };
}

describe('phones', () => {
  const pages = ['/', '/attack/', '/terms/execution/', '/categories/attack-tactics/', '/no-such-page/'];
  for (const width of [320, 375, 414, 768]) {
    test(`at ${width} px no page is wider than the screen`, async () => {
      // One page for every path: what is measured is each document's own width, which a navigation replaces.
      const { page } = await at(width, pages[0]!);
      for (const path of pages) {
        if (path !== pages[0]) await page.goto(`${site}${path}`);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect({ path, overflow }).toEqual({ path, overflow: 0 });
      }
    });
  }
});

describe('the tactics in brief', () => {
  for (const width of [375, 768, 1280]) {
    test(`at ${width} px every stage number sits above its tactic's name, and every arrow inside the page`, async () => {
      const { page } = await at(width, '/attack/');
      const cards = await page.locator('.flow > li').evaluateAll((items) =>
        items.map((li) => {
          const box = (el: Element | null) => el!.getBoundingClientRect().toJSON() as DOMRect;
          return { stage: box(li.querySelector('.stage')), name: box(li.querySelector('.name a, .name')) };
        }),
      );
      expect(cards).toHaveLength(15);
      // On a line of its own above the name, so even "Command and Control" has the card's full width.
      for (const { stage, name } of cards) expect(stage.bottom).toBeLessThanOrEqual(name.top + 1);
      // The arrows are pseudo-elements: whatever sticks out of the list shows in its scroll width.
      expect(await page.locator('.flow').evaluate((ol) => ol.scrollWidth - ol.clientWidth)).toBeLessThanOrEqual(0);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      ).toBe(0);
    });
  }

  test('on a phone the cards stack and the arrows point down', async () => {
    const { page } = await at(375, '/');
    const arrows = await page
      .locator('.flow > li')
      .evaluateAll((items) => items.map((li) => getComputedStyle(li, '::after').content));
    expect(arrows.slice(0, -1).every((a) => a.includes('↓'))).toBe(true);
  });
});

describe('the ATT&CK Tactics category', () => {
  test('lists the Enterprise tactics in matrix order, and its cards do not repeat the category name', async () => {
    const { page, problems } = await at(1280, '/categories/attack-tactics/');
    const titles = await page
      .locator('.card-grid .card-title')
      .evaluateAll((els) => els.map((e) => e.firstChild!.textContent!.trim()));
    const tactics = titles.filter((title) => ENTERPRISE_TACTICS.some((t) => t.name === title));
    expect(tactics).toEqual(ENTERPRISE_TACTICS.map((t) => t.name));
    expect(titles.slice(0, 15)).toEqual(tactics);
    const metas = await page.locator('.card-grid .card-meta').allTextContents();
    for (const meta of metas) expect(meta).not.toContain('ATT&CK Tactics');
    expect(problems).toEqual([]);
  });
});

describe('term pages get to the point', () => {
  // Height follows the number of blocks on a page (table rows, cards, list items, paragraphs), so measuring the
  // pages with the most blocks bounds the others without loading every page.
  test('at 1366 px no term page is over 9,000 px tall, and Execution is under 8,000 px', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dist = inject('distDir');
    const blocks = (slug: string) =>
      (readFileSync(join(dist, 'terms', slug, 'index.html'), 'utf8').match(/<(?:tr|li|p|pre|h[23])\b/g) ?? []).length;
    const slugs = readdirSync(join(dist, 'terms'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    const tallest = [...slugs].sort((a, b) => blocks(b) - blocks(a)).slice(0, 8);
    const { page } = await openPage(session.context);
    await page.setViewportSize({ width: 1366, height: 900 });
    const heights: Record<string, number> = {};
    for (const slug of new Set([...tallest, 'execution'])) {
      await page.goto(`${site}/terms/${slug}/`);
      heights[slug] = await page.evaluate(() => document.documentElement.scrollHeight);
    }
    expect(Object.entries(heights).filter(([, h]) => h > 9000)).toEqual([]);
    expect(heights['execution']).toBeLessThan(8000);
  });
});

describe('the home page', () => {
  test('says who it is for and leads to the three things trainers do, above the fold on a 1366 × 768 screen', async () => {
    const { page } = await at(1366, '/', 768);
    expect(await page.locator('.trainers').textContent()).toMatch(/trainers/);
    for (const [name, href] of [
      ['Link a term', '/terms/'],
      ['Embed a card or previews', '/embed/'],
      ['Build a course pack', '/packs/'],
    ]) {
      const link = page.getByRole('link', { name: new RegExp(`^${name}`) });
      expect(await link.getAttribute('href'), name).toBe(href);
      const box = (await link.boundingBox())!;
      expect(box.y + box.height, `${name} is above the fold`).toBeLessThanOrEqual(768);
    }
  });
});

describe('the page-not-found page', () => {
  test('its search form is styled like the site and searches', async () => {
    const { page } = await at(375, '/no-such-page/');
    const input = page.locator('#not-found-q');
    const styles = await input.evaluate((el) => {
      const s = getComputedStyle(el);
      const b = getComputedStyle((el as HTMLInputElement).form!.querySelector('button')!);
      return { radius: s.borderTopLeftRadius, padding: s.paddingLeft, button: b.backgroundColor, buttonText: b.color };
    });
    expect(styles.radius).not.toBe('0px');
    expect(parseFloat(styles.padding)).toBeGreaterThan(4);
    expect(styles.button).not.toBe(styles.buttonText);
    expect(styles.button).not.toMatch(/rgb\(23[0-9], 23[0-9], 23[0-9]\)|rgb\(239, 239, 239\)/); // not the browser's default grey
    await input.fill('powershell');
    await input.press('Enter');
    await page.waitForURL(/\/search\/\?q=powershell$/);
  });
});

describe('what a term page loads before any interaction', () => {
  test('one stylesheet, without the course-pack or ATT&CK matrix rules, which come only with their own pages', async () => {
    const sheets = async (path: string) => {
      const html = await (await fetch(`${site}${path}`)).text();
      const hrefs = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
      return {
        count: hrefs.length,
        css: (await Promise.all(hrefs.map(async (h) => (await fetch(new URL(h, site))).text()))).join('\n'),
      };
    };
    const term = await sheets('/terms/execution/');
    expect(term.count).toBe(1);
    expect(term.css).not.toMatch(/\.handout-term|\.quiz-form|\.pack-terms/);
    expect(term.css).not.toMatch(/\.attack-matrix|\.matrix-tactic-name/);
    // The pages that need them still get them.
    expect((await sheets('/packs/handout/?terms=execution')).css).toMatch(/\.handout-term/);
    expect((await sheets('/attack/')).css).toMatch(/\.attack-matrix/);
  });
});

describe('"Referenced by"', () => {
  test('each entry says which section of its page mentions this one, and the link opens that section', async () => {
    const { page } = await at(1366, '/terms/powershell/');
    const items = await page.locator('.referenced-by li a').evaluateAll((links) =>
      links.map((a) => ({
        href: a.getAttribute('href')!,
        text: a.closest('li')!.querySelector('.muted')!.textContent!.trim(),
      })),
    );
    expect(items.length).toBeGreaterThan(5);
    for (const item of items)
      expect(item.text, item.href).toMatch(
        item.href.endsWith('#definition') ? /^In the definition:$/ : /^In “[^”]+”:$/,
      );
    const { href, text } = items.find((item) => !item.href.endsWith('#definition'))!;
    const section = /In “([^”]+)”/.exec(text)![1]!;
    await page.goto(new URL(href, `${site}/terms/powershell/`).href);
    const id = href.split('#')[1]!;
    const heading = await page.locator(`[id="${id}"]`).textContent();
    expect(heading).toBe(section);
    // The section really links to PowerShell: somewhere between its heading and the next heading of its level.
    const linksHere = await page.evaluate((id) => {
      const heading = document.getElementById(id)!;
      let node: Element | null = heading.closest('.linked-heading') ?? heading;
      const level = heading.tagName;
      let found = false;
      while ((node = node.nextElementSibling) && !node.querySelector(level) && node.tagName !== level) {
        if (node.matches('a[href="/terms/powershell/"]') || node.querySelector('a[href="/terms/powershell/"]'))
          found = true;
      }
      return found;
    }, id);
    expect(linksHere).toBe(true);
  });
});
