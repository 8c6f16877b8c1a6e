import { describe, expect, inject, test } from 'vitest';
import { load } from 'cheerio';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPage } from '../helpers/browser.ts';
import { useBrowser } from '../helpers/use-browser.ts';
import { longestTermPages } from '../helpers/page-sample.ts';
import { apiIndexSchema, apiTermSchema } from '../../src/schemas/api.ts';

const site = inject('siteUrl');
const dist = inject('distDir');
// The FAQ test reads what a copy put on the clipboard; the other tests do not touch it.
const session = useBrowser({ permissions: ['clipboard-read', 'clipboard-write'] });

async function landsOn(path: string): Promise<string> {
  const { page, problems } = await openPage(session.context);
  await page.goto(`${site}${path}`);
  await page.waitForURL(/\/terms\/[a-z0-9-]+\/$/);
  const landed = new URL(page.url()).pathname;
  expect(problems).toEqual([]);
  return landed;
}

describe('permalinks', () => {
  test.each([
    ['/n/1/', '/terms/execution/'],
    ['/attack/TA0002/', '/terms/execution/'],
    ['/attack/ta0002/', '/terms/execution/'],
    ['/attack/T1059.001/', '/terms/powershell/'],
    ['/attack/T1059/001/', '/terms/powershell/'],
    ['/attack/t1059/001/', '/terms/powershell/'],
    ['/attack/S0154/', '/terms/cobalt-strike/'],
  ])('%s lands on %s', async (from, to) => {
    expect(await landsOn(from)).toBe(to);
  });

  test('every FAQ entry has a stable anchor with a visible link control that copies the full URL', async () => {
    const { page, problems } = await openPage(session.context);
    await page.goto(`${site}/terms/execution/`);
    const faqIds = await page
      .locator('section[aria-labelledby="faq"] .faq-item h3[id^="faq-"]')
      .evaluateAll((els) => els.map((e) => e.id));
    expect(faqIds.length).toBeGreaterThanOrEqual(4);
    for (const id of faqIds) {
      expect(await page.locator(`a.copy-link[href="#${id}"]`).isVisible()).toBe(true);
    }
    await page.locator(`a.copy-link[href="#${faqIds[0]}"]`).click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(`${site}/terms/execution/#${faqIds[0]}`);
    expect(new URL(page.url()).hash).toBe(`#${faqIds[0]}`);
    await expect.poll(() => page.locator('[data-copy-status]').textContent()).toBe('Link copied to the clipboard.');
    expect(problems).toEqual([]);
  });
});

describe('machine-readable exports', () => {
  const index = apiIndexSchema.parse(JSON.parse(readFileSync(join(dist, 'api/terms.json'), 'utf8')));

  test('/api/terms.json lists every term in the documented format', () => {
    expect(index.count).toBe(index.terms.length);
    expect(index.terms.find((t) => t.slug === 'execution')).toMatchObject({
      number: 1,
      title: 'Execution',
      attack: { id: 'TA0002', url: 'https://attack.mitre.org/tactics/TA0002/' },
      category: { slug: 'attack-tactics', name: 'ATT&CK Tactics' },
    });
  });

  test('/api/terms/<slug>.json exists for every term and matches the index entry', () => {
    for (const term of index.terms) {
      const one = apiTermSchema.parse(JSON.parse(readFileSync(join(dist, `api/terms/${term.slug}.json`), 'utf8')));
      expect(one).toEqual(term);
    }
  });

  test('/glossary.csv has a header and one row per term', () => {
    const lines = readFileSync(join(dist, 'glossary.csv'), 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('\uFEFFnumber,title,qualifier,category,summary,aliases,attack_id,url,reviewed');
    expect(lines).toHaveLength(index.terms.length + 1);
    expect(lines[1]).toMatch(/^"1","Execution","MITRE Tactic","ATT&CK Tactics",/);
  });

  test('a term page carries DefinedTerm and BreadcrumbList JSON-LD, and the A–Z index a DefinedTermSet', () => {
    const $ = load(readFileSync(join(dist, 'terms/execution/index.html'), 'utf8'));
    const blocks = $('script[type="application/ld+json"]')
      .map((_, el) => JSON.parse($(el).text()))
      .get();
    expect(blocks.find((b) => b['@type'] === 'DefinedTerm')).toMatchObject({
      name: 'Execution',
      termCode: '1',
      inDefinedTermSet: { '@type': 'DefinedTermSet' },
    });
    expect(blocks.find((b) => b['@type'] === 'BreadcrumbList').itemListElement).toHaveLength(3);
    const $index = load(readFileSync(join(dist, 'terms/index.html'), 'utf8'));
    const set = JSON.parse($index('script[type="application/ld+json"]').text());
    expect(set['@type']).toBe('DefinedTermSet');
    expect(set.hasDefinedTerm).toHaveLength(index.terms.length);
  });

  test('term pages have a canonical URL, the summary as meta description, and OpenGraph tags', () => {
    const $ = load(readFileSync(join(dist, 'terms/execution/index.html'), 'utf8'));
    const summary = index.terms.find((t) => t.slug === 'execution')!.summary;
    expect($('link[rel="canonical"]').attr('href')).toMatch(/\/terms\/execution\/$/);
    expect($('meta[name="description"]').attr('content')).toBe(summary);
    expect($('meta[property="og:description"]').attr('content')).toBe(summary);
    expect($('meta[property="og:title"]').attr('content')).toBe('Execution (MITRE Tactic)');
    expect($('meta[name="twitter:card"]').attr('content')).toBe('summary_large_image');
  });

  test('every term has a 1200×630 PNG link-preview image, named in its og:image tag', () => {
    for (const term of index.terms) {
      const $ = load(readFileSync(join(dist, `terms/${term.slug}/index.html`), 'utf8'));
      const image = new URL($('meta[property="og:image"]').attr('content')!).pathname;
      const png = readFileSync(join(dist, image));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    }
  });

  test('sitemap.xml lists every term page and robots.txt points to it', () => {
    const sitemap = readFileSync(join(dist, 'sitemap.xml'), 'utf8');
    for (const term of index.terms) expect(sitemap).toContain(`<loc>${term.url}</loc>`);
    // The pages a trainer starts from are canonical pages too; search results are not.
    for (const path of ['attack/ids/', 'packs/', 'embed/'])
      expect(sitemap).toMatch(new RegExp(`<loc>[^<]+/${path}</loc>`));
    expect(sitemap).not.toContain('/search/');
    expect(readFileSync(join(dist, 'search/index.html'), 'utf8')).toContain('<meta name="robots" content="noindex">');
    expect(readFileSync(join(dist, 'robots.txt'), 'utf8')).toMatch(/^Sitemap: \S+\/sitemap\.xml$/m);
  });
});

describe('print', () => {
  // Three pages since bodies carry code blocks, platform tabs (all panels print) and detection rules, and Related
  // shows relations from both ends: an entry still fits a handout.
  // A term page's printed length grows with its text and its blocks (paragraphs, list items, code lines, cards),
  // so printing the five longest by each measure bounds every other entry: a PDF per term costs half a second,
  // and would grow with the glossary.
  test('the longest terms print on at most three A4 pages, without navigation or search, with absolute link targets, the site name and its own URL', async () => {
    const { page } = await openPage(session.context);
    const tooLong: string[] = [];
    const longest = longestTermPages(dist, 5);
    for (const slug of longest) {
      await page.goto(`${site}/terms/${slug}/`);
      const pdf = await page.pdf({ format: 'A4' });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      if (pages > 3) tooLong.push(`${slug}: ${pages} pages`);
    }
    expect(tooLong).toEqual([]);

    await page.emulateMedia({ media: 'print' });
    await page.goto(`${site}/terms/execution/`);
    expect(await page.locator('header.site-header').isVisible()).toBe(false);
    expect(await page.locator('form[role="search"]').count()).toBeGreaterThan(0);
    expect(await page.locator('form[role="search"]').first().isVisible()).toBe(false);
    const after = await page
      .locator('section[aria-labelledby="sources"] ol a')
      .first()
      .evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain('https://attack.mitre.org/');

    // Paper has no address bar: the page names the site and its own address (SITE_URL's, as in the canonical link),
    // and links inside the site print with that host instead of "(/terms/…)".
    const canonical = load(readFileSync(join(dist, 'terms', 'execution', 'index.html'), 'utf8'))(
      'link[rel="canonical"]',
    ).attr('href')!;
    const origin = new URL(canonical).origin;
    const source = page.locator('.print-source');
    expect(await source.isVisible()).toBe(true);
    expect((await source.textContent())?.trim()).toBe(`Security Glossary · ${canonical}`);
    const targets = await page
      .locator('main a')
      .evaluateAll((links) => links.map((a) => getComputedStyle(a, '::after').content));
    expect(targets.filter((content) => content.includes('(/'))).toEqual([]);
    expect(targets.some((content) => content.includes(`(${origin}/terms/initial-access/)`))).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(await source.isVisible()).toBe(false);
  });

  test('on paper, long code lines wrap inside the page, and callouts and detection rules are never split', async () => {
    const { page } = await openPage(session.context);
    await page.emulateMedia({ media: 'print' });
    // Every term page with a code block wider than the printed column, a callout or a detection rule.
    for (const slug of ['powershell', 'living-off-the-land']) {
      await page.goto(`${site}/terms/${slug}/`);
      const overflowing = await page
        .locator('.explanation pre')
        .evaluateAll((pres) => pres.filter((pre) => pre.scrollWidth > pre.clientWidth + 1).length);
      expect(overflowing, slug).toBe(0);
      const splittable = await page
        .locator('.callout, .detection')
        .evaluateAll((blocks) =>
          blocks
            .map((b) => getComputedStyle(b).breakInside)
            .filter((v) => v !== 'avoid' && v !== 'avoid-column' && v !== 'avoid-page'),
        );
      expect(splittable, slug).toEqual([]);
    }
  });
});
