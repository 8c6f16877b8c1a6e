/**
 * The slides on the training pages: every term has `/slides/<slug>.svg` in the build, served as SVG under the data
 * policy; Chromium draws the longest definition inside the canvas; and `enableSlidePng` turns a slide into a
 * 1920×1080 PNG download. The panel itself lives on the term page; here a copy of one built term page gets the
 * panel's button and the bundled script, served from a folder of its own so dist/ stays as the build left it.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { build } from 'esbuild';
import sharp from 'sharp';
import { load } from 'cheerio';
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadedBytes, openPage } from '../helpers/browser.ts';
import { useBrowser } from '../helpers/use-browser.ts';
import { ROOT, TEST_SITE_URL } from '../helpers/run-build.ts';
import { serveDir, type RunningServer } from '../../scripts/lib/static-server.ts';
import type { ApiTerm } from '../../src/schemas/api.ts';

const site = inject('siteUrl');
const dist = inject('distDir');
const terms = (JSON.parse(readFileSync(join(dist, 'api/terms.json'), 'utf8')) as { terms: ApiTerm[] }).terms;
const longest = [...terms].sort((a, b) => b.summary.length - a.summary.length)[0]!;

const session = useBrowser({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
let harness: RunningServer;

beforeAll(async () => {
  // A copy of the built term page, the files it loads, the slides and _headers, plus the bundled script under /_astro/.
  const dir = await mkdtemp(join(tmpdir(), 'glossary-slides-'));
  for (const path of [
    '_headers',
    '404.html',
    'favicon.svg',
    'print-origin.css',
    'embed/preview.js',
    '_astro',
    'slides',
    `terms/${longest.slug}`,
  ])
    await cp(join(dist, path), join(dir, path), { recursive: true });
  const bundle = await build({
    entryPoints: [join(ROOT, 'src/client/slide-png.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'SlidePng',
    write: false,
    target: 'es2022',
  });
  await writeFile(join(dir, '_astro/slide-png-test.js'), bundle.outputFiles[0]!.text);
  harness = await serveDir(dir);
});
afterAll(async () => {
  await harness?.close();
});

describe('the slides in the build', () => {
  test('every term has /slides/<slug>.svg: a 1920×1080 SVG with its title, its ID and its absolute short URL', async () => {
    const slugs = readdirSync(join(dist, 'terms'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(slugs.length).toBe(terms.length);
    expect(readdirSync(join(dist, 'slides')).sort()).toEqual(slugs.map((s) => `${s}.svg`).sort());
    for (const term of terms) {
      const svg = readFileSync(join(dist, 'slides', `${term.slug}.svg`), 'utf8');
      const $ = load(svg, { xml: true });
      expect($('svg').attr('viewBox'), term.slug).toBe('0 0 1920 1080');
      expect($('svg > title').text(), term.slug).toBe(`${term.title} (${term.qualifier}) · Security Glossary`);
      const text = $('text')
        .map((_, el) => $(el).text())
        .get();
      expect(text, term.slug).toContain(`${TEST_SITE_URL}/n/${term.number}/`);
      if (term.attack) expect(text, term.slug).toContain(term.attack.id);
    }
    const meta = await sharp(readFileSync(join(dist, 'slides/powershell.svg'))).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['svg', 1920, 1080]);
  });

  test('is served as image/svg+xml under a policy that lets nothing in it run', async () => {
    const response = await fetch(`${site}/slides/powershell.svg`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('in Chromium', () => {
  test(`draws the longest definition (${longest.slug}) inside the canvas, every line clear of the margins`, async () => {
    const { page, problems } = await openPage(session.context);
    await page.goto(`${site}/slides/${longest.slug}.svg`);
    const boxes = await page.locator('text').evaluateAll((els) =>
      els.map((el) => {
        const box = (el as SVGTextElement).getBBox();
        return {
          text: el.textContent ?? '',
          left: box.x,
          right: box.x + box.width,
          top: box.y,
          bottom: box.y + box.height,
        };
      }),
    );
    expect(boxes.length).toBeGreaterThanOrEqual(6);
    for (const box of boxes) {
      expect(box.left, box.text).toBeGreaterThanOrEqual(118);
      expect(box.right, box.text).toBeLessThanOrEqual(1920 - 118);
      expect(box.top, box.text).toBeGreaterThanOrEqual(20);
      expect(box.bottom, box.text).toBeLessThanOrEqual(1080 - 60);
    }
    expect(boxes.map((b) => b.text).join(' ')).toContain(longest.summary.split(' ').slice(-3).join(' '));
    expect(problems).toEqual([]);
  });

  test("the training page's PNG button downloads a 1920×1080 PNG of the slide, under the page policy as it is", async () => {
    const { page, problems } = await openPage(session.context);
    await page.goto(`${site}/terms/${longest.slug}/training/#training-slide`);
    const button = page.getByRole('button', { name: 'Download PNG' });
    expect(await button.isVisible()).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe(`${longest.slug}-slide.png`);
    const png = await downloadedBytes(download);
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1920, 1080]);
    // Not blank: the background, the accent bar and white text.
    const stats = await sharp(png).stats();
    for (const channel of stats.channels.slice(0, 3)) expect(channel.max - channel.min).toBeGreaterThan(150);
    const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += info.channels * 97)
      colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    expect(colours.size).toBeGreaterThan(10);
    expect(await page.locator('[data-copy-status]').textContent()).toBe('');
    expect(await button.isEnabled()).toBe(true);
    expect(problems).toEqual([]);
  });

  test('reports a slide that does not load through the callback, without throwing into the page', async () => {
    const { page } = await openPage(session.context);
    await page.goto(`${harness.url}/terms/${longest.slug}/`);
    await page.addScriptTag({ url: '/_astro/slide-png-test.js' });
    const messages = await page.evaluate(async () => {
      const button = document.createElement('button');
      button.dataset['slidePng'] = '/slides/no-such-term.svg';
      button.hidden = true;
      document.body.append(button);
      const errors: string[] = [];
      const pageErrors: string[] = [];
      addEventListener('error', (e) => pageErrors.push(String(e.message)));
      (window as unknown as { SlidePng: typeof import('../../src/client/slide-png.ts') }).SlidePng.enableSlidePng(
        document,
        (m) => errors.push(m),
      );
      button.click();
      for (let i = 0; i < 50 && !errors.length; i++) await new Promise((r) => setTimeout(r, 100));
      return { errors, pageErrors, hidden: button.hidden };
    });
    expect(messages.hidden).toBe(false);
    expect(messages.pageErrors).toEqual([]);
    expect(messages.errors).toHaveLength(1);
    expect(messages.errors[0]).toContain('/slides/no-such-term.svg');
  });
});

test('the harness copies only what it needs, and leaves dist/ alone', () => {
  expect(existsSync(join(dist, '_astro/slide-png-test.js'))).toBe(false);
});
