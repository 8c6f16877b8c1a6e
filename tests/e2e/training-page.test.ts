/**
 * A term's "Use in training" page, used as a trainer would: reach it from the term, copy a link (the page's, a
 * section's, the short ones), the embed snippet and a citation, then paste them where they go. Every copy is
 * confirmed on screen without moving focus or the page.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPage } from '../helpers/browser.ts';
import { useBrowser } from '../helpers/use-browser.ts';
import { axeViolationsInBothThemes } from '../helpers/axe.ts';
import { serveDir, type RunningServer } from '../../scripts/lib/static-server.ts';
import { TEST_SITE_URL } from '../helpers/run-build.ts';

const site = inject('siteUrl');
const session = useBrowser({
  viewport: { width: 1280, height: 800 },
  permissions: ['clipboard-read', 'clipboard-write'],
});

/** The build prints the public address (SITE_URL); the tests serve the same files elsewhere. */
const local = (url: string) => url.replace(TEST_SITE_URL, site);
const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

async function trainingPage(slug: string): Promise<{ page: Page; problems: string[] }> {
  const watched = await openPage(session.context);
  await watched.page.goto(`${site}/terms/${slug}/training/`);
  return watched;
}

/** Clicks a copy control and returns what the clipboard then holds, checking that nothing moved and the user saw it. */
async function copyWith(page: Page, control: ReturnType<Page['locator']>): Promise<string> {
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await control.scrollIntoViewIfNeeded();
  const scrollBefore = await page.evaluate(() => window.scrollY);
  await control.click();
  await expect.poll(() => clipboard(page)).not.toBe('');
  const status = page.locator('[data-copy-status]');
  await expect.poll(() => status.textContent()).toMatch(/copied/i);
  // Seen, not only announced: a readable box inside the window.
  const box = (await status.boundingBox())!;
  expect(box.width).toBeGreaterThan(100);
  expect(box.height).toBeGreaterThan(20);
  expect(box.y + box.height).toBeLessThanOrEqual(800);
  expect(await status.evaluate((el) => getComputedStyle(el).clipPath)).toBe('none');
  expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
  expect(await control.evaluate((el) => el === document.activeElement)).toBe(true);
  return clipboard(page);
}

describe('from a term to its training page', () => {
  test('the term page leads there from its title and from its "Use in training" section, and carries none of the tools itself', async () => {
    const { page, problems } = await openPage(session.context);
    await page.goto(`${site}/terms/powershell/`);
    const section = page.locator('section[aria-labelledby="use-in-training"]');
    // What a reader downloads with every term page: the tools are a page of their own.
    expect(await page.locator('#training-embed-code, [data-tabs].citations, #training-link').count()).toBe(0);
    await section.getByRole('link', { name: 'PowerShell in training material' }).click();
    await page.waitForURL(`${site}/terms/powershell/training/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Use in training: PowerShell (MITRE Sub-technique)',
    );
    expect(
      await page
        .getByRole('navigation', { name: 'Breadcrumb' })
        .getByRole('link', { name: 'PowerShell' })
        .getAttribute('href'),
    ).toBe('/terms/powershell/');
    // A tool page, not an entry: search engines and the site's search leave it out.
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
    expect(await page.locator('[data-pagefind-body]').count()).toBe(0);
    await page.goBack();
    await page.locator('.term-header').getByRole('link', { name: 'Use in training' }).click();
    await page.waitForURL(`${site}/terms/powershell/training/`);
    expect(problems).toEqual([]);
  });
});

describe('links for training material', () => {
  test('the page link, the short link and the ATT&CK link are copied in full and lead to the term', async () => {
    const { page, problems } = await trainingPage('powershell');
    const panel = page.locator('[data-training]');
    const pageLink = await copyWith(page, panel.getByRole('button', { name: 'Copy page link' }));
    expect(pageLink).toBe(`${TEST_SITE_URL}/terms/powershell/`);
    const short = await copyWith(page, panel.getByRole('button', { name: 'Copy short link' }));
    expect(short).toMatch(new RegExp(`^${TEST_SITE_URL}/n/\\d+/$`));
    const byId = await copyWith(page, panel.getByRole('button', { name: 'Copy ATT&CK ID link' }));
    expect(byId).toBe(`${TEST_SITE_URL}/attack/T1059.001/`);
    // Pasted into another tab: each navigation replaces the document, so one tab serves both links.
    const { page: other } = await openPage(session.context);
    for (const link of [short, byId]) {
      await other.goto(local(link));
      await other.waitForURL(`${site}/terms/powershell/`);
    }
    expect(problems).toEqual([]);
  });

  test('a term without an ATT&CK ID offers no ATT&CK link', async () => {
    const { page } = await trainingPage('edr');
    await expect.poll(() => page.getByRole('button', { name: 'Copy page link' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Copy ATT&CK ID link' }).count()).toBe(0);
  });

  test('choosing a section makes the page link point at it, and that anchor exists', async () => {
    const { page } = await trainingPage('execution');
    // The term's own sections, its body's headings among them, in page order.
    const options = await page.getByLabel('Link to', { exact: true }).locator('option').allTextContents();
    expect(options).toEqual([
      'The whole page',
      'What is Execution?',
      'How it works',
      'Why it matters',
      'How it shows up in telemetry',
      'Detecting and preventing it',
      'Examples',
      'Frequently asked questions',
      'Sources',
    ]);
    await page.getByLabel('Link to', { exact: true }).selectOption({ label: 'Frequently asked questions' });
    expect(await page.locator('#training-link').textContent()).toBe(`${TEST_SITE_URL}/terms/execution/#faq`);
    const copied = await copyWith(page, page.getByRole('button', { name: 'Copy page link' }));
    expect(copied).toBe(`${TEST_SITE_URL}/terms/execution/#faq`);
    const { page: other } = await openPage(session.context);
    await other.goto(local(copied));
    expect(await other.locator('#faq').isVisible()).toBe(true);
    expect(await other.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  });

  test('a "#" link beside a heading of a term page copies the section link without scrolling the page', async () => {
    const { page } = await openPage(session.context);
    await page.goto(`${site}/terms/execution/`);
    const link = page.locator('a.copy-link[href="#examples"]');
    const copied = await copyWith(page, link);
    expect(copied).toBe(`${site}/terms/execution/#examples`);
    expect(new URL(page.url()).hash).toBe('#examples');
  });

  test('the confirmation goes away by itself', async () => {
    const { page } = await trainingPage('execution');
    await copyWith(page, page.getByRole('button', { name: 'Copy short link' }));
    await expect.poll(() => page.locator('[data-copy-status]').textContent(), { timeout: 8000 }).toBe('');
    const box = (await page.locator('[data-copy-status]').boundingBox())!;
    expect(box.width * box.height).toBeLessThanOrEqual(1);
  });
});

describe('the embed snippet', () => {
  let lms: RunningServer;
  let lmsDir: string;
  beforeAll(async () => {
    lmsDir = await mkdtemp(join(tmpdir(), 'lms-panel-'));
    lms = await serveDir(lmsDir);
  });
  afterAll(() => lms?.close());

  test('pasted into a course page on another origin, it shows the card at its full height', async () => {
    const { page } = await trainingPage('command-and-scripting-interpreter');
    const snippet = await copyWith(page, page.getByRole('button', { name: 'Copy embed code' }));
    expect(snippet).toContain(`src="${TEST_SITE_URL}/embed/command-and-scripting-interpreter/"`);
    await writeFile(
      join(lmsDir, 'course.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course</title><link rel="icon" href="data:,"></head><body>${snippet.replaceAll(TEST_SITE_URL, site)}</body></html>`,
    );
    const { page: course, problems } = await openPage(session.context);
    await course.setViewportSize({ width: 480, height: 800 });
    await course.goto(`${lms.url}/course.html`);
    const frame = course.locator('iframe');
    // The card reports its height and the snippet applies it: the frame grows past the 200 px it starts with.
    await expect.poll(async () => (await frame.boundingBox())!.height).toBeGreaterThan(200);
    const card = course.frames().find((f) => f.url().includes('/embed/'))!;
    const inner = await card.evaluate(() => document.documentElement.scrollHeight);
    expect(Math.abs((await frame.boundingBox())!.height - inner)).toBeLessThanOrEqual(2);
    expect(problems).toEqual([]);
  });
});

describe('citations', () => {
  const styles = ['Plain text', 'APA', 'BibTeX', 'Markdown'] as const;

  async function cite(page: Page, style: (typeof styles)[number]): Promise<string> {
    await page.getByRole('tab', { name: style }).click();
    return copyWith(page, page.getByRole('button', { name: `Copy ${style} citation` }));
  }

  test('each of the four styles is copied in its own format, with the entry and its address', async () => {
    const { page, problems } = await trainingPage('execution');
    const url = `${TEST_SITE_URL}/terms/execution/`;
    expect(await cite(page, 'Plain text')).toMatch(
      /^“Execution \(MITRE Tactic\)\.” Security Glossary, entry № 1\. \S+ \(last reviewed \d{1,2} \w+ \d{4}\)\.$/,
    );
    expect(await cite(page, 'APA')).toMatch(
      /^Security Glossary\. \(\d{4}, \w+ \d{1,2}\)\. Execution \(MITRE Tactic\)\. In Security Glossary \(No\. 1\)\. https:\/\/\S+\/terms\/execution\/$/,
    );
    const bib = await cite(page, 'BibTeX');
    expect(bib).toMatch(/^@misc\{securityglossaryexecution,\n/);
    expect(bib).toContain(`  url = {${url}},`);
    expect(bib).toContain('  title = {{Execution (MITRE Tactic)}},');
    expect(bib.endsWith('\n}')).toBe(true);
    expect(await cite(page, 'Markdown')).toMatch(
      new RegExp(
        `^\\[Execution \\(MITRE Tactic\\)\\]\\(${url.replace(/[./]/g, '\\$&')}\\), Security Glossary, entry № 1, last reviewed`,
      ),
    );
    // The review date is the entry's, as its page shows it.
    await page.goto(`${site}/terms/execution/`);
    const reviewed = await page.locator('section[aria-labelledby="sources"] time').getAttribute('datetime');
    expect(bib).toContain(`date = {${reviewed!.slice(0, 10)}}`);
    expect(problems).toEqual([]);
  });

  test('without JavaScript all four styles show under their own headings and no dead Copy button is offered', async () => {
    const { page } = await openPage(await session.contextWith({ javaScriptEnabled: false }));
    await page.goto(`${site}/terms/execution/training/`);
    const panel = page.locator('[data-training]');
    for (const style of styles)
      expect(await panel.getByRole('heading', { name: style, level: 3 }).isVisible()).toBe(true);
    expect(await panel.locator('button:visible').count()).toBe(0);
    expect(await panel.getByLabel('Link to', { exact: true }).isVisible()).toBe(false);
    expect(await panel.locator('#training-link').textContent()).toBe(`${TEST_SITE_URL}/terms/execution/`);
  });
});

describe('accessibility', () => {
  test('the training page, a chosen citation tab and the confirmation pass axe in the light and the dark theme', async () => {
    // axe is injected as an inline script, which the page's CSP would block.
    const { page } = await openPage(
      await session.contextWith({ bypassCSP: true, permissions: ['clipboard-read', 'clipboard-write'] }),
    );
    await page.goto(`${site}/terms/powershell/training/#cite`);
    await page.getByRole('tab', { name: 'BibTeX' }).click();
    await page.getByRole('button', { name: 'Copy BibTeX citation' }).click();
    await expect.poll(() => page.locator('[data-copy-status]').textContent()).toMatch(/copied/i);
    expect(await axeViolationsInBothThemes(page)).toEqual([]);
  });
});
