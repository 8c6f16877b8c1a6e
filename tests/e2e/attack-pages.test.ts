import { beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage } from '../helpers/browser.ts';
import { useBrowser } from '../helpers/use-browser.ts';
import { axeViolations, axeViolationsInBothThemes } from '../helpers/axe.ts';
import { ENTERPRISE_TACTICS } from '../../src/attack/matrix.ts';
import { matrixTactics, techniquesOfTactic } from '../../src/attack/data.ts';
import { navigatorLayerSchema } from '../../src/schemas/navigator-layer.ts';
import type { ApiTerm } from '../../src/schemas/api.ts';
import { dataLookup } from '../../src/attack/data.ts';

const site = inject('siteUrl');
// axe is injected as an inline script, which a strict Content-Security-Policy would rightly block.
const session = useBrowser({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
let terms: ApiTerm[];

beforeAll(async () => {
  terms = ((await (await fetch(`${site}/api/terms.json`)).json()) as { terms: ApiTerm[] }).terms;
});

const enterprise = (kinds: string[]) =>
  terms.filter((t) => t.attack?.domain === 'enterprise' && kinds.includes(t.attack.kind));
const path = (url: string) => new URL(url).pathname;

/** How far the page scrolls sideways: 0 when nothing overflows the viewport. */
const unhyphenated = (text: string | null) => text?.replace(/\u00ad/g, '');
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('the ATT&CK matrix at /attack/', () => {
  test('shows the 15 Enterprise tactics as columns in matrix order at 1280 px, each a section with a heading and a list', async () => {
    const { page, problems } = await openPage(session.context);
    await page.goto(`${site}/attack/`);
    const columns = page.locator('.attack-matrix > section');
    expect(await columns.count()).toBe(15);
    const headings = columns.getByRole('heading', { level: 2 });
    expect(await headings.count()).toBe(15);
    for (const [i, tactic] of ENTERPRISE_TACTICS.entries()) {
      const heading = headings.nth(i);
      // Names carry soft hyphens, which show only where a line breaks.
      expect(unhyphenated(await heading.textContent())).toBe(`${tactic.name} ${tactic.id}`);
      // Every tactic has an entry: the heading links to it.
      expect(await heading.getByRole('link').getAttribute('href')).toBe(`/terms/${tactic.slug}/`);
    }
    // Side by side: one row, left to right in matrix order, all within the viewport.
    const boxes = await columns.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
    for (const [i, box] of boxes.entries()) {
      expect(Math.abs(box.top - boxes[0]!.top)).toBeLessThan(1);
      if (i > 0) expect(box.left).toBeGreaterThan(boxes[i - 1]!.right - 1);
      expect(box.right).toBeLessThanOrEqual(1280);
    }
    expect(await sidewaysOverflow(page)).toBe(0);
    // All techniques show at once, as list items of a list under each heading.
    for (const [i, tactic] of matrixTactics('enterprise').entries()) {
      const list = columns.nth(i).getByRole('list').first();
      await expect.poll(() => list.isVisible()).toBe(true);
      const items = list.locator(':scope > li');
      expect(await items.count()).toBe(techniquesOfTactic(tactic.id).length);
      expect(await items.first().isVisible()).toBe(true);
      expect(await items.last().isVisible()).toBe(true);
    }
    expect(problems).toEqual([]);
  });

  test('copying names from the matrix copies them without soft hyphens', async () => {
    const { page } = await openPage(session.context);
    await page.goto(`${site}/attack/`);
    const copied = await page.evaluate(() => {
      const name = document.querySelector('.matrix-tactic-name a')!;
      document.getSelection()!.selectAllChildren(name);
      const data = new DataTransfer();
      name.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
      return { copied: data.getData('text/plain'), shown: name.textContent };
    });
    expect(copied.shown).toContain('\u00ad');
    expect(copied.copied).toBe(copied.shown!.replaceAll('\u00ad', ''));
  });

  test('at 1200 and 1280 px, names in the matrix wrap between words or at a hyphen, never mid-word', async () => {
    const { page } = await openPage(session.context);
    await page.goto(`${site}/attack/`);
    for (const width of [1200, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      // Where a line ends inside a word: the text before and after the break, for every wrapped name.
      const cuts = await page.locator('.matrix-tactic-name a, .matrix-technique > .matrix-name').evaluateAll((els) =>
        els.flatMap((el) => {
          const text = el.firstChild as Text;
          const value = text.data;
          const range = document.createRange();
          const top = (i: number) => {
            range.setStart(text, i);
            range.setEnd(text, i + 1);
            // A character at the start of a line can also report an empty box at the end of the line before.
            return [...range.getClientRects()].find((r) => r.width > 0)?.top ?? NaN;
          };
          const found: string[] = [];
          // Measured character by character, a break can show a character or two off; a soft hyphen, space, hyphen or
          // slash next to it means the line ended where it may.
          const mayBreak = (i: number) => /[\u00ad\s\-/]/.test(value.slice(Math.max(0, i - 2), i + 2));
          for (let i = 1; i < value.length; i++) {
            if (top(i) > top(i - 1) + 2 && !mayBreak(i))
              found.push(`${value.slice(0, i)}|${value.slice(i)}`.replace(/\u00ad/g, ''));
          }
          return found;
        }),
      );
      expect(cuts, `at ${width} px`).toEqual([]);
    }
  });

  test("covered techniques and sub-techniques link to their entries, uncovered ones to MITRE's page, and the coverage is stated", async () => {
    const { page } = await openPage(session.context);
    await page.goto(`${site}/attack/`);
    const covered = enterprise(['technique', 'sub-technique']);
    expect(covered.length).toBeGreaterThan(0);
    // Every link in the matrix sits beside the ATT&CK ID of the entry it leads to.
    const links = await page.locator('.attack-matrix li > a.matrix-name:not(.external)').evaluateAll((as) =>
      as.map((a) => ({
        href: a.getAttribute('href')!,
        id: a.parentElement!.querySelector(':scope > .matrix-id')!.textContent,
        highlighted: a.parentElement!.classList.contains('covered'),
      })),
    );
    const idOfPath = new Map(terms.filter((t) => t.attack).map((t) => [path(t.url), t.attack!.id]));
    for (const link of links) {
      expect(link.id, link.href).toBe(idOfPath.get(link.href));
      expect(link.highlighted).toBe(true);
    }
    // …and every technique or sub-technique entry is linked from the matrix.
    expect(new Set(links.map((l) => l.href))).toEqual(new Set(covered.map((t) => path(t.url))));
    // Visible as Playwright judges it (a box, not visibility: hidden), for every technique entry in one round trip
    // rather than one per entry.
    const hidden = await page.evaluate(
      (hrefs) =>
        hrefs.filter((href) => {
          const link = document.querySelector(`.matrix-technique > a[href="${href}"]`);
          const box = link?.getBoundingClientRect();
          return !link || !box!.width || !box!.height || getComputedStyle(link).visibility !== 'visible';
        }),
      enterprise(['technique']).map((term) => path(term.url)),
    );
    expect(enterprise(['technique']).length).toBeGreaterThan(0);
    expect(hidden).toEqual([]);
    // Techniques without an entry never dead-end: the name leads to MITRE's page for the ID, marked as leaving the site.
    const ids = new Set(terms.map((t) => t.attack?.id));
    const uncovered = matrixTactics('enterprise')
      .flatMap((t) => techniquesOfTactic(t.id))
      .find(({ technique }) => !ids.has(technique.id))!.technique;
    const plain = page
      .locator('.matrix-technique', {
        has: page.locator(':scope > .matrix-id', { hasText: new RegExp(`^${uncovered.id}$`) }),
      })
      .first();
    const external = plain.locator(':scope > a.matrix-name');
    expect(await external.getAttribute('href')).toBe(uncovered.url);
    expect(await external.getAttribute('rel')).toBe('external noopener');
    expect(await external.getAttribute('title')).toBe('No entry yet: opens attack.mitre.org');
    expect(await plain.evaluate((li) => li.classList.contains('covered'))).toBe(false);
    const plainCells = await page.locator('.attack-matrix li > span.matrix-name').count();
    expect(plainCells, 'cells without a link').toBe(0);
    // The coverage line counts each ID once.
    const text = await page.locator('.matrix-coverage').textContent();
    const [, count, total] = text!.match(/(\d+) of (\d+) techniques and sub-techniques have entries/)!;
    expect(Number(count)).toBe(covered.length);
    expect(Number(total)).toBeGreaterThan(600);
  });

  test('sub-techniques open from their technique without JavaScript', async () => {
    const noScript = await session.contextWith({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const { page, problems } = await openPage(noScript);
    await page.goto(`${site}/attack/`);
    const execution = page
      .locator('.attack-matrix > section')
      .nth(ENTERPRISE_TACTICS.findIndex((t) => t.id === 'TA0002'));
    const interpreter = execution.locator('.matrix-technique', {
      has: page.locator(':scope > .matrix-id', { hasText: /^T1059$/ }),
    });
    const powershell = interpreter.getByRole('link', { name: 'PowerShell', exact: true });
    expect(await powershell.isVisible()).toBe(false);
    const toggle = interpreter.locator('details > summary');
    expect(await toggle.textContent()).toMatch(
      /^\d+ sub-techniques\u00a0of Command and Scripting Interpreter, \d+ with (entries|an entry)$/,
    );
    await toggle.click();
    expect(await powershell.isVisible()).toBe(true);
    await powershell.click();
    await page.waitForURL(/\/terms\/powershell\/$/);
    expect(problems).toEqual([]);
  });

  test('on a 375 px phone: one tactic per row, each expandable, and nothing overflows sideways', async () => {
    // The scriptless context of the test above, at a phone's width.
    const noScript = await session.contextWith({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const { page, problems } = await openPage(noScript);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${site}/attack/`);
    expect(await sidewaysOverflow(page)).toBe(0);
    const columns = page.locator('.attack-matrix > section');
    const boxes = await columns.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes).toHaveLength(15);
    for (const [i, box] of boxes.entries()) {
      expect(box.width).toBeGreaterThan(300);
      expect(box.right).toBeLessThanOrEqual(375);
      if (i > 0) expect(box.top).toBeGreaterThanOrEqual(boxes[i - 1]!.bottom - 1);
    }
    // Collapsed at first; a tap on the toggle shows the tactic's techniques, and their sub-techniques open too.
    const stealth = columns.nth(ENTERPRISE_TACTICS.findIndex((t) => t.id === 'TA0005'));
    const techniques = stealth.getByRole('list').first();
    expect(await techniques.isVisible()).toBe(false);
    await stealth.locator(':scope > details > summary').click();
    expect(await techniques.isVisible()).toBe(true);
    await stealth.locator('.matrix-subs > summary').first().click();
    expect(await stealth.locator('.matrix-subs ul').first().isVisible()).toBe(true);
    expect(await sidewaysOverflow(page)).toBe(0);
    expect(problems).toEqual([]);
  });

  test('prints on one A4 landscape page, with every tactic and technique name and no sub-technique lists', async () => {
    const { page } = await openPage(session.context);
    await page.goto(`${site}/attack/`);
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    expect((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(1);
    const [width, height] = pdf
      .match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/)!
      .slice(1)
      .map(Number) as [number, number];
    // A4 landscape is 842 × 595 points.
    expect(Math.abs(width - 842)).toBeLessThan(2);
    expect(Math.abs(height - 595)).toBeLessThan(2);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.attack-matrix h2').first().isVisible()).toBe(true);
    expect(await page.locator('.matrix-technique').last().isVisible()).toBe(true);
    expect(await page.locator('.matrix-subs').first().isVisible()).toBe(false);
    expect(await page.locator('header.site-header').isVisible()).toBe(false);
  });

  test('axe-core finds no violations on /attack/ and /attack/ids/ in the light and the dark theme, wide and on a phone with everything open', async () => {
    const failures: string[] = [];
    const problems: string[] = [];
    const check = async (page: Page, label: string) => {
      for (const v of await axeViolationsInBothThemes(page))
        failures.push(`${label} (${v.theme}): ${v.id} (${v.help}) at ${v.nodes.join(', ')}`);
    };
    // The two pages in two tabs at once: axe-core keeps one core busy per page, so they finish in about the time of one
    // when the other worker is idle.
    await Promise.all([
      (async () => {
        const watched = await openPage(session.context);
        await watched.page.goto(`${site}/attack/`);
        await check(watched.page, '/attack/ at 1280 px');
        await watched.page.setViewportSize({ width: 375, height: 800 });
        await watched.page.evaluate(() =>
          document.querySelectorAll('.attack-matrix details').forEach((d) => d.setAttribute('open', '')),
        );
        await check(watched.page, '/attack/ at 375 px, all open');
        problems.push(...watched.problems);
      })(),
      (async () => {
        const watched = await openPage(session.context);
        await watched.page.setViewportSize({ width: 375, height: 800 });
        await watched.page.goto(`${site}/attack/ids/`);
        await check(watched.page, '/attack/ids/ at 375 px');
        problems.push(...watched.problems);
      })(),
    ]);
    expect(failures.sort()).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);
});

describe('/attack/<ID>/ for an ATT&CK ID without an entry', () => {
  test("is a page of MITRE's facts that links the tactics, the parent and MITRE's page, not a 404", async () => {
    const ids = new Set(terms.map((t) => t.attack?.id));
    // A sub-technique without an entry, under a technique without one either: the page must still lead somewhere.
    const sub = matrixTactics('enterprise')
      .flatMap((t) => techniquesOfTactic(t.id))
      .flatMap((t) => t.subTechniques)
      .find((s) => !ids.has(s.id))!;
    const { page } = await openPage(session.context);
    const response = await page.goto(`${site}/attack/${sub.id}/`);
    expect(response?.status()).toBe(200);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`${sub.id} ${sub.name}`);
    expect(await page.locator(`a[href="${dataLookup.attackObject(sub.id)!.url}"]`).getAttribute('rel')).toBe(
      'external noopener',
    );
    const parent = page
      .locator(`a[href="/attack/${sub.parent}/"], a[href^="/terms/"]`, { hasText: sub.parent! })
      .first();
    expect(await parent.count()).toBe(1);
    // Its tactics have entries: they are the nearest entries, linked to the glossary.
    for (const tacticId of sub.tactics) {
      const tactic = terms.find((t) => t.attack?.id === tacticId)!;
      expect(await page.locator(`a[href="${path(tactic.url)}"]`).count(), tacticId).toBeGreaterThan(0);
    }
    expect(await axeViolations(page)).toEqual([]);
  });

  test('an ID that ATT&CK does not have is still a 404', async () => {
    expect((await fetch(`${site}/attack/T1999/`)).status).toBe(404);
  });
});

describe('the ATT&CK ID index at /attack/ids/', () => {
  test('is linked from /attack/, is a table with a caption and column headers, and fits a phone', async () => {
    const { page, problems } = await openPage(session.context);
    await page.goto(`${site}/attack/`);
    await page.locator('a[href="/attack/ids/"]').click();
    await page.waitForURL(/\/attack\/ids\/$/);
    const table = page.getByRole('table');
    expect(await table.count()).toBe(1);
    expect(await table.locator('caption').textContent()).toMatch(/ATT&CK IDs/);
    expect(await table.getByRole('columnheader').allTextContents()).toEqual([
      'ATT&CK ID',
      'Name in ATT&CK',
      'Notes',
      'Glossary entry',
    ]);
    expect(await sidewaysOverflow(page)).toBe(0);
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await sidewaysOverflow(page)).toBe(0);
    expect(problems).toEqual([]);
  });

  test('lists every ID the glossary covers, grouped by kind and sorted, T1059.001 leading to PowerShell', async () => {
    const { page } = await openPage(session.context);
    await page.goto(`${site}/attack/ids/`);
    const groups = await page.locator('table tbody').evaluateAll((bodies) =>
      bodies.map((b) => ({
        group: b.querySelector('th[scope="rowgroup"]')!.textContent,
        ids: [...b.querySelectorAll('th[scope="row"]')].map((th) => th.textContent!),
      })),
    );
    const current = groups.filter((g) => g.group !== 'Former IDs');
    expect(current.map((g) => g.group)).toEqual(
      ['Tactics', 'Techniques and sub-techniques', 'Mitigations', 'Software', 'Data components'].filter((g) =>
        current.some((c) => c.group === g),
      ),
    );
    for (const { ids } of groups) expect(ids).toEqual([...ids].sort());
    expect(current.flatMap((g) => g.ids).sort()).toEqual(
      terms
        .filter((t) => t.attack)
        .map((t) => t.attack!.id)
        .sort(),
    );

    const row = page.getByRole('row', { name: /^T1059\.001 / });
    expect(await row.getByRole('cell').first().textContent()).toBe('PowerShell');
    expect(await row.getByRole('link').getAttribute('href')).toBe('/terms/powershell/');
  });

  test('lists a former ID MITRE revoked, T1086, with its successor and the entry it leads to', async () => {
    const { page } = await openPage(session.context);
    await page.goto(`${site}/attack/ids/`);
    const former = page.locator('tbody', { has: page.locator('th[scope="rowgroup"]', { hasText: 'Former IDs' }) });
    const row = former.getByRole('row', { name: /^T1086 / });
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      'PowerShell',
      'Revoked in favour of T1059.001 PowerShell',
      'PowerShell',
    ]);
    expect(await row.getByRole('link').getAttribute('href')).toBe('/terms/powershell/');
  });
});

describe('the ATT&CK Navigator layer at /attack/layer.json', () => {
  test('is linked from /attack/ and validates against the layer format 4.5 schema', async () => {
    const { page } = await openPage(session.context);
    await page.goto(`${site}/attack/`);
    expect(await page.locator('a[href="/attack/layer.json"]').count()).toBe(1);
    // Both layers download with a file name that says their ATT&CK release, so the two never overwrite each other.
    expect(await page.locator('a[href="/attack/layer.json"]').getAttribute('download')).toBe(
      'security-glossary-attack-v19-layer.json',
    );
    expect(await page.locator('a[href="/attack/layer-v18.json"]').getAttribute('download')).toBe(
      'security-glossary-attack-v18-layer.json',
    );
    const v18 = navigatorLayerSchema.parse(await (await fetch(`${site}/attack/layer-v18.json`)).json());
    expect(v18.versions.attack).toBe('18');
    for (const t of v18.techniques ?? []) {
      const found = dataLookup.attackObject(t.techniqueID, 'enterprise');
      expect(found && !found.revoked && !found.deprecated, t.techniqueID).toBe(true);
    }
    const response = await fetch(`${site}/attack/layer.json`);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const result = navigatorLayerSchema.safeParse(await response.json());
    expect(result.success ? [] : result.error.issues).toEqual([]);
    expect(result.data).toMatchObject({ domain: 'enterprise-attack', versions: { layer: '4.5', attack: '19' } });
  });

  test('has each technique and sub-technique entry once, linked to the entry, and opens the sub-techniques of their techniques', async () => {
    const layer = navigatorLayerSchema.parse(await (await fetch(`${site}/attack/layer.json`)).json());
    const techniques = layer.techniques ?? [];
    const ids = techniques.map((t) => t.techniqueID);
    expect(new Set(ids).size).toBe(ids.length);
    for (const term of enterprise(['technique', 'sub-technique'])) {
      const entry = techniques.filter((t) => t.techniqueID === term.attack!.id);
      expect(entry, term.attack!.id).toHaveLength(1);
      expect(entry[0]!.links).toEqual([{ label: expect.stringContaining(term.title), url: term.url }]);
      if (term.attack!.kind === 'sub-technique') {
        const parent = techniques.find((t) => t.techniqueID === term.attack!.id.split('.')[0]);
        expect(parent?.showSubtechniques, term.attack!.id).toBe(true);
      }
    }
    expect(techniques.filter((t) => t.links?.length)).toHaveLength(enterprise(['technique', 'sub-technique']).length);
  });
});
