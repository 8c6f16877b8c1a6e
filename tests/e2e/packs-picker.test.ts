/**
 * The course-pack picker (/packs/), used as a trainer would: open a pack link, pick terms by filter, category
 * and tactic, reorder them, add one from a term page, and download the pack for Moodle, Anki, Quizlet and a
 * spreadsheet, each file read back the way its importer reads it. Without JavaScript the same page is a form.
 */
import { describe, expect, inject, test } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { downloadedBytes, openPage } from '../helpers/browser.ts';
import { useBrowser } from '../helpers/use-browser.ts';
import { axeViolationsInBothThemes } from '../helpers/axe.ts';
import { TEST_SITE_URL } from '../helpers/run-build.ts';
import {
  children,
  elementNames,
  moodleEntries,
  parseCsv,
  readAnkiRow,
  text,
  xmlize,
  type Xmlized,
} from '../helpers/pack-formats.ts';
import { readPack } from '../../src/packs/pack-url.ts';
import { PACK_CSV_COLUMNS, ANKI_COLUMNS } from '../../src/packs/exports.ts';
import type { PackData } from '../../src/packs/pack-term.ts';

const site = inject('siteUrl');
const distDir = inject('distDir');
const session = useBrowser();
const VIEWPORT = { width: 1280, height: 900 };
const data = JSON.parse(await readFile(`${distDir}/api/pack-terms.json`, 'utf8')) as PackData;
const titleOf = (slug: string) => data.terms.find((term) => term.slug === slug)!.title;

/** No entry of the real content has been renamed yet, so the tests give PowerShell a former slug in the data. */
const RENAMED = { from: 'powershell-old', to: 'powershell' };
const HOSTILE_TITLE = '"><img src=x onerror=alert(1)>';

async function withRename(page: Page): Promise<void> {
  await page.route('**/api/pack-terms.json', async (route) => {
    const response = await route.fetch();
    const json = (await response.json()) as PackData;
    json.redirects[RENAMED.from] = RENAMED.to;
    await route.fulfill({ response, json });
  });
}

/**
 * The picker in a context whose storage starts empty, as a new visitor's does, so each test starts without another
 * test's draft in localStorage. `afresh` loads another address as a new visitor, on the same page.
 */
async function picker(search = '', { viewport, ...options }: BrowserContextOptions = {}) {
  const settings = { viewport: VIEWPORT, ...options };
  const context = await session.contextWith(settings);
  const { page, problems } = await openPage(context);
  if (viewport) await page.setViewportSize(viewport);
  await withRename(page);
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  const load = async (next: string) => {
    await page.goto(`${site}/packs/${next}`);
    if (options.javaScriptEnabled !== false)
      await expect
        .poll(() => page.locator('[data-pack-count]').textContent(), { timeout: 15_000 })
        .not.toMatch(/Loading/);
  };
  await load(search);
  /** Empties the context's storage, as a new visitor's is. */
  const forget = () => session.contextWith(settings);
  const afresh = async (next: string) => {
    await forget();
    await load(next);
  };
  return { page, problems, forget, afresh, dialogs: () => dialogs };
}

const packItems = (page: Page) =>
  page.locator('[data-pack-terms] > li').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset['slug']));
const query = (page: Page) => new URL(page.url()).searchParams;
const termsInUrl = (page: Page) => query(page).get('terms')?.split(',') ?? [];

describe('a pack link', () => {
  test('opens as the pack, with a renamed slug followed and an unknown one reported, and the address tidied', async () => {
    const { page, problems } = await picker(`?terms=execution,${RENAMED.from},no-such-term&title=Week%203`);
    expect(await packItems(page)).toEqual(['execution', 'powershell']);
    const notices = await page.locator('[data-pack-notices] li').allTextContents();
    expect(notices).toEqual([
      `Renamed since the link was made, and updated: ${RENAMED.from} → PowerShell.`,
      'Not in the glossary, so left out: no-such-term.',
    ]);
    expect(page.url()).toBe(`${site}/packs/?terms=execution,powershell&title=Week%203`);
    expect(await page.locator('[data-pack-count]').textContent()).toBe('2 terms selected');
    expect(await page.getByLabel('Pack title').inputValue()).toBe('Week 3');
    expect(
      await page
        .locator('input[name="terms"]:checked')
        .evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value)),
    ).toEqual(['execution', 'powershell']);
    for (const [page_, path] of [
      ['handout', 'handout/'],
      ['flashcards', 'flashcards/'],
      ['quiz', 'quiz/'],
    ] as const) {
      expect(await page.locator(`a[data-pack-page="${page_}"]`).getAttribute('href')).toBe(
        `/packs/${path}?terms=execution,powershell&title=Week%203`,
      );
    }
    expect(problems).toEqual([]);
  });

  test('"Copy pack link" copies the address, which is the pack', async () => {
    const { page, problems } = await picker('?terms=execution,powershell', {
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await page.getByRole('button', { name: 'Copy pack link' }).click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(`${site}/packs/?terms=execution,powershell`);
    await expect
      .poll(() => page.locator('[data-copy-status]').textContent())
      .toBe('Pack link copied to the clipboard.');
    expect(problems).toEqual([]);
  });
});

describe('picking terms', () => {
  test('the filter narrows the list by alias or ATT&CK ID, and ticking a term puts it in the pack and the address', async () => {
    const { page, problems } = await picker();
    await page.getByLabel('Filter the terms').fill('pwsh');
    const visible = () =>
      page
        .locator('[data-category] li:not([hidden])')
        .evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset['slug']));
    expect(await visible()).toEqual(['powershell']);
    expect(await page.locator('[data-filter-status]').textContent()).toBe(`Showing 1 of ${data.terms.length} terms.`);
    // Categories with nothing left to show are hidden with their terms.
    expect(await page.locator('fieldset[data-category]:not([hidden])').count()).toBe(1);
    await page.locator('input[name="terms"][value="powershell"]').check();
    expect(termsInUrl(page)).toEqual(['powershell']);
    expect(await page.locator('[data-pack-count]').textContent()).toBe('1 term selected');

    await page.getByLabel('Filter the terms').fill('T1053');
    const byId = data.terms
      .filter((t) => t.attack?.id.startsWith('T1053') || t.aliases.some((a) => a.toUpperCase().includes('T1053')))
      .map((t) => t.slug);
    expect((await visible()).sort()).toEqual(byId.sort());
    await page.getByLabel('Filter the terms').fill('zzzz');
    expect(await page.locator('[data-filter-status]').textContent()).toBe('No terms match “zzzz”.');
    await page.getByLabel('Filter the terms').fill('');
    expect(await visible()).toHaveLength(data.terms.length);
    expect(problems).toEqual([]);
  });

  test('"Select all" takes a whole category, in the list’s order', async () => {
    const { page, problems } = await picker();
    await page.getByRole('button', { name: 'Select all shown in Frameworks & Models' }).click();
    const expected = data.terms.filter((t) => t.category.slug === 'frameworks-and-models').map((t) => t.slug);
    expect(expected.length).toBeGreaterThan(3);
    expect(termsInUrl(page)).toEqual(expected);
    expect(await packItems(page)).toEqual(expected);
    expect(problems).toEqual([]);
  });

  test('a tactic adds every technique under it: Execution (TA0002) is every term whose tactics include TA0002', async () => {
    const { page, problems } = await picker('?terms=edr');
    await page.getByLabel('Add an ATT&CK tactic and every technique under it').selectOption('TA0002');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const execution = data.terms.filter((t) => t.tactics.includes('TA0002')).map((t) => t.slug);
    expect(execution).toContain('powershell');
    expect(termsInUrl(page)).toEqual(['edr', ...execution]);
    expect(await page.locator('[data-pack-count]').textContent()).toBe(`${execution.length + 1} terms selected`);
    expect(problems).toEqual([]);
  });

  test('terms move and go with the keyboard, focus staying on the list', async () => {
    const { page, problems } = await picker('?terms=execution,powershell,edr');
    await page.getByRole('button', { name: 'Move EDR up' }).focus();
    await page.keyboard.press('Enter');
    expect(await packItems(page)).toEqual(['execution', 'edr', 'powershell']);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move EDR up');
    await page.keyboard.press('Enter');
    expect(await packItems(page)).toEqual(['edr', 'execution', 'powershell']);
    // At the top, "up" can go no further: focus moves to the term's other arrow.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move EDR down');
    await page.getByRole('button', { name: 'Remove Execution' }).click();
    expect(await packItems(page)).toEqual(['edr', 'powershell']);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Remove PowerShell');
    expect(termsInUrl(page)).toEqual(['edr', 'powershell']);
    expect(await page.locator('input[name="terms"][value="execution"]').isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Start a new pack' }).click();
    expect(page.url()).toBe(`${site}/packs/`);
    expect(await page.locator('[data-pack-empty]').isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });

  test('without JavaScript, the form submits the ticked terms and title as a pack link', async () => {
    const { page, problems } = await picker('', { javaScriptEnabled: false });
    expect(await page.locator('[data-pack-view]').isVisible()).toBe(false);
    const note = page.locator('noscript > p');
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toMatch(/^Without JavaScript, tick the terms/);
    await page.getByLabel('Pack title').fill('Week 3');
    await page.locator('input[name="terms"][value="powershell"]').check();
    await page.locator('input[name="terms"][value="execution"]').check();
    await page.getByRole('button', { name: 'Make the pack link' }).click();
    await page.waitForURL(/terms=/);
    const reading = readPack(query(page), { slugs: data.terms.map((t) => t.slug), redirects: data.redirects });
    expect(reading.title).toBe('Week 3');
    expect(reading.slugs.sort()).toEqual(['execution', 'powershell']);
    expect(reading.unknown).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe('"Add to a pack" on a term page', () => {
  test('adds the term to the pack being built, and with no pack started makes a pack of it', async () => {
    const { page, problems, forget } = await picker('?terms=execution&title=Week%203');
    await page.goto(`${site}/terms/powershell/#use-in-training`);
    await page.getByRole('link', { name: 'Add to a pack' }).click();
    await page.waitForURL(/\/packs\//);
    await expect
      .poll(() => page.url(), { timeout: 10_000 })
      .toBe(`${site}/packs/?terms=execution,powershell&title=Week%203`);
    expect(await page.locator('[data-pack-notices] li').allTextContents()).toEqual([
      'Added to the pack you were building: PowerShell.',
    ]);
    // Back on /packs/ from the footer, the pack is still there.
    await page.goto(`${site}/terms/edr/`);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Course packs' }).click();
    await expect
      .poll(() => page.url(), { timeout: 10_000 })
      .toBe(`${site}/packs/?terms=execution,powershell&title=Week%203`);
    expect(problems).toEqual([]);

    // A new visitor, with no draft: the pack is the term alone.
    await forget();
    await page.unrouteAll();
    await page.goto(`${site}/terms/powershell/training/`);
    await page.getByRole('link', { name: 'Add to a pack' }).click();
    await expect.poll(() => page.url(), { timeout: 10_000 }).toBe(`${site}/packs/?terms=powershell`);
  });

  test('a corrupt draft in storage is ignored', async () => {
    const { page, problems } = await openPage(await session.contextWith({ viewport: VIEWPORT }));
    // The draft is in storage before the picker loads, as a broken one left by an earlier visit would be.
    await page.goto(`${site}/`);
    await page.evaluate(() => localStorage.setItem('security-glossary:pack-draft', '{"slugs":[{"x":1}'));
    await page.goto(`${site}/packs/?terms=edr&add=1`);
    await expect
      .poll(() => page.locator('[data-pack-count]').textContent(), { timeout: 10_000 })
      .toBe('1 term selected');
    expect(page.url()).toBe(`${site}/packs/?terms=edr`);
    expect(problems).toEqual([]);
  });
});

describe('downloads', () => {
  async function download(page: Page, format: string): Promise<{ name: string; body: string }> {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(`a[data-pack-download="${format}"]`).click(),
    ]);
    return { name: file.suggestedFilename(), body: (await downloadedBytes(file)).toString('utf8') };
  }
  const slugs = ['execution', 'powershell', 'windows-command-shell'];

  test('the Moodle file has the structure Moodle’s importer walks, one entry per term with its aliases', async () => {
    const { page, problems } = await picker(`?terms=${slugs.join(',')}&title=Week%203`);
    const { name, body } = await download(page, 'moodle');
    expect(name).toBe('week-3-moodle.xml');
    const info = children(xmlize(body)['GLOSSARY']!['#'], 'INFO');
    expect(text(info, 'NAME')).toBe('Week 3');
    const entries = moodleEntries(body);
    expect(entries.map((entry) => text(entry, 'CONCEPT'))).toEqual(slugs.map(titleOf));
    const powershell = entries[1]!;
    const aliases = children(powershell, 'ALIASES')['ALIAS']!.map((alias) => text(alias['#'] as Xmlized, 'NAME'));
    expect(aliases).toEqual(expect.arrayContaining(data.terms.find((t) => t.slug === 'powershell')!.aliases));
    expect(text(powershell, 'DEFINITION')).toContain(`${TEST_SITE_URL}/terms/powershell/`);
    expect(problems).toEqual([]);
  });

  test('the Anki, Quizlet and CSV files hold one row per term in the columns they declare', async () => {
    const { page, problems } = await picker(`?terms=${slugs.join(',')}&title=Week%203`);
    const anki = await download(page, 'anki');
    expect(anki.name).toBe('week-3-anki.txt');
    const lines = anki.body.split('\n').filter(Boolean);
    const headers = lines.filter((line) => line.startsWith('#'));
    expect(headers).toEqual([
      '#separator:tab',
      '#html:true',
      '#notetype:Basic',
      '#deck column:4',
      '#tags column:5',
      `#columns:${ANKI_COLUMNS.join('\t')}`,
    ]);
    const rows = lines.slice(headers.length).map(readAnkiRow);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toHaveLength(ANKI_COLUMNS.length);
    expect(rows[0]![3]).toBe('Security Glossary::Week 3');

    const quizlet = await download(page, 'quizlet');
    expect(quizlet.name).toBe('week-3-quizlet.txt');
    const cards = quizlet.body.split('\n');
    expect(cards).toHaveLength(3);
    for (const card of cards) expect(card.split('\t')).toHaveLength(2);
    expect(cards[1]!.startsWith('PowerShell (')).toBe(true);

    const csv = await download(page, 'csv');
    expect(csv.name).toBe('week-3.csv');
    const table = parseCsv(csv.body);
    expect(table[0]).toEqual([...PACK_CSV_COLUMNS]);
    expect(table.slice(1).map((row) => row[1])).toEqual(slugs.map(titleOf));
    for (const row of table) expect(row).toHaveLength(PACK_CSV_COLUMNS.length);
    expect(problems).toEqual([]);
  });

  test('a hostile pack title shows as text on the page and stays text in the files', async () => {
    const { page, problems, dialogs } = await picker(`?terms=execution&title=${encodeURIComponent(HOSTILE_TITLE)}`);
    expect(await page.locator('[data-pack-name]').textContent()).toBe(HOSTILE_TITLE);
    expect(await page.getByLabel('Pack title').inputValue()).toBe(HOSTILE_TITLE);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    const moodle = await download(page, 'moodle');
    expect(moodle.name).toBe('img-src-x-onerror-alert-1-moodle.xml');
    expect(text(children(xmlize(moodle.body)['GLOSSARY']!['#'], 'INFO'), 'NAME')).toBe(HOSTILE_TITLE);
    expect(elementNames(moodle.body).has('img')).toBe(false);
    const anki = await download(page, 'anki');
    const row = readAnkiRow(anki.body.split('\n').find((line) => line && !line.startsWith('#'))!);
    expect(row[3]).toBe(`Security Glossary::${HOSTILE_TITLE}`);
    expect(dialogs()).toBe(0);
    expect(problems).toEqual([]);
  });
});

describe('the whole glossary for Moodle', () => {
  test('is linked with how to import it, and the file is a Moodle glossary of every term', async () => {
    const { page } = await picker();
    const link = page.getByRole('link', { name: 'Download every term as a Moodle glossary' });
    expect(await link.getAttribute('href')).toBe('/api/moodle-glossary.xml');
    expect(await page.getByText('choose Import entries').isVisible()).toBe(true);
    const body = await (await page.request.get(`${site}/api/moodle-glossary.xml`)).text();
    expect(moodleEntries(body)).toHaveLength(data.terms.length);
  });
});

describe('accessibility and layout', () => {
  test('axe finds no violations with the picker empty, with a pack, and with notices, in the light and the dark theme', async () => {
    // One page for the three states, each loaded as a new visitor's so no draft carries over.
    const { page, problems, afresh } = await picker('', { bypassCSP: true });
    for (const search of [
      '',
      '?terms=execution,powershell,edr&title=Week%203',
      `?terms=${RENAMED.from},nope&title=${'x'.repeat(130)}`,
    ]) {
      if (search) await afresh(search);
      if (search) await page.getByLabel('Filter the terms').fill('shell');
      expect(await axeViolationsInBothThemes(page), `${search || 'empty'}`).toEqual([]);
      expect(problems).toEqual([]);
    }
  });

  test('at 320 px nothing scrolls sideways, with a pack and its notices', async () => {
    const { page, problems } = await picker(
      `?terms=execution,windows-management-instrumentation,nope-${'x'.repeat(60)}&title=Week%203`,
      { viewport: { width: 320, height: 700 } },
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(problems).toEqual([]);
  });
});
