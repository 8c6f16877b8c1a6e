/**
 * Term cards framed by a page on another origin, served by the test server with Cloudflare Pages' rule for
 * `_headers` (every matching rule applies, repeated headers joined): the card reports its height, README's
 * snippet fits the frame to it at every width, and without the snippet the card still fits the README's 480×200.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { openPage } from '../helpers/browser.ts';
import { useBrowser } from '../helpers/use-browser.ts';
import {
  cloudflarePattern,
  headersFor,
  netlifyHeadersFor,
  netlifyPattern,
  parseHeadersFile,
  rulesFor,
} from '../../scripts/lib/headers-file.ts';
import { serveDir, type RunningServer } from '../../scripts/lib/static-server.ts';
import { embedSnippet } from '../../src/links/embed-message.ts';
import { apiIdsSchema } from '../../src/schemas/api-ids.ts';
import type { ApiTerm } from '../../src/schemas/api.ts';

const site = inject('siteUrl');
const dist = inject('distDir');
const terms = (JSON.parse(readFileSync(join(dist, 'api/terms.json'), 'utf8')) as { terms: ApiTerm[] }).terms;
const bySummary = [...terms].sort((a, b) => a.summary.length - b.summary.length);
const shortest = bySummary[0]!;
const longest = bySummary.at(-1)!;
const WIDTHS = [320, 480, 800];

const session = useBrowser({ viewport: { width: 1000, height: 900 } });
let lms: RunningServer;
let lmsDir: string;

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course</title><link rel="icon" href="data:,"></head><body>${body}</body></html>`;

beforeAll(async () => {
  // A course page on another origin, as an LMS would serve it.
  lmsDir = await mkdtemp(join(tmpdir(), 'lms-'));
  lms = await serveDir(lmsDir);
  expect(new URL(lms.url).origin).not.toBe(new URL(site).origin);
});
afterAll(async () => {
  await lms?.close();
});

async function visit(name: string, body: string): Promise<{ page: Page; problems: string[] }> {
  await writeFile(join(lmsDir, name), page(body));
  const watched = await openPage(session.context);
  await watched.page.goto(`${lms.url}/${name}`);
  return watched;
}

function cardFrame(page: Page, slug: string): Frame {
  const frame = page.frames().find((f) => f.url() === `${site}/embed/${slug}/`);
  if (!frame) throw new Error(`No frame shows /embed/${slug}/`);
  return frame;
}

/** Where the card's parts are inside its frame, and whether anything is cut or scrolls. */
async function layout(frame: Frame) {
  await frame.waitForLoadState('load');
  return frame.evaluate(() => {
    const bottom = (selector: string) => document.querySelector(selector)!.getBoundingClientRect().bottom;
    const summary = document.querySelector<HTMLElement>('[data-embed-summary]')!;
    return {
      frameHeight: innerHeight,
      cardBottom: bottom('[data-embed-card]'),
      titleBottom: bottom('h1'),
      linkBottom: bottom('.embed-open a'),
      summaryCut: summary.scrollHeight > summary.clientHeight + 1,
      summaryLines: Math.round(summary.clientHeight / parseFloat(getComputedStyle(summary).lineHeight)),
      scrollsSideways: document.documentElement.scrollWidth > innerWidth,
    };
  });
}

describe('term cards on another origin', () => {
  test.each(WIDTHS)(
    "README's snippet fits the frame to the shortest and the longest card at %i px: nothing is cut",
    async (width) => {
      const frames = [shortest, longest]
        .map((term) =>
          embedSnippet(`${site}/embed/${term.slug}/`, `${term.title} (${term.qualifier})`).replace(
            'width="480"',
            `width="${width}"`,
          ),
        )
        .join('\n');
      const { page, problems } = await visit(`snippet-${width}.html`, frames);
      for (const term of [shortest, longest]) {
        const iframe = page.locator(`iframe[src="${site}/embed/${term.slug}/"]`);
        expect(await iframe.getAttribute('loading')).toBe('lazy');
        expect(await iframe.getAttribute('title')).toBe(`${term.title} (${term.qualifier})`);
        await expect.poll(() => iframe.evaluate((f: HTMLIFrameElement) => f.style.height)).toMatch(/^\d+px$/);
        const box = (await iframe.boundingBox())!;
        expect(box.width).toBe(width);
        const card = await layout(cardFrame(page, term.slug));
        expect(card.summaryCut, `${term.slug} at ${width} px`).toBe(false);
        expect(card.scrollsSideways).toBe(false);
        // The frame is exactly as tall as the card: nothing below it is hidden, and no empty space is left.
        expect(Math.abs(card.frameHeight - card.cardBottom), `${term.slug} at ${width} px`).toBeLessThanOrEqual(1);
        expect(await iframe.evaluate((f: HTMLIFrameElement) => getComputedStyle(f).borderTopWidth)).toBe('0px');
      }
      expect(problems).toEqual([]);
    },
  );

  test.each([480, 320])(
    'without the snippet, a %i×200 frame still shows the title, the start of the definition with an ellipsis and the link',
    async (width) => {
      const frames = [shortest, longest]
        .map(
          (term) =>
            `<iframe src="${site}/embed/${term.slug}/" title="${term.title}" width="${width}" height="200"></iframe>`,
        )
        .join('\n');
      const { page, problems } = await visit(`plain-${width}.html`, frames);
      for (const term of [shortest, longest]) {
        const card = await layout(cardFrame(page, term.slug));
        expect(card.frameHeight).toBe(200);
        expect(card.titleBottom).toBeLessThanOrEqual(200);
        expect(card.linkBottom, `${term.slug} at ${width} px`).toBeLessThanOrEqual(200);
        expect(card.summaryLines).toBeGreaterThanOrEqual(1);
        expect(card.scrollsSideways).toBe(false);
      }
      // The longest definition does not fit: it is cut, with the ellipsis line-clamp draws.
      const cut = await cardFrame(page, longest.slug).evaluate(() => {
        const summary = document.querySelector<HTMLElement>('[data-embed-summary]')!;
        return {
          clamp: getComputedStyle(summary).webkitLineClamp,
          cut: summary.scrollHeight > summary.clientHeight + 1,
        };
      });
      expect(cut.cut).toBe(true);
      expect(cut.clamp).toMatch(/^\d+$/);
      expect(problems).toEqual([]);
    },
  );

  test('without scripts, the card still fits a 480×200 frame', async () => {
    const ctx = await session.contextWith({ javaScriptEnabled: false });
    await writeFile(
      join(lmsDir, 'noscript.html'),
      page(`<iframe src="${site}/embed/${longest.slug}/" title="${longest.title}" width="480" height="200"></iframe>`),
    );
    const { page: p } = await openPage(ctx);
    await p.goto(`${lms.url}/noscript.html`);
    const frame = cardFrame(p, longest.slug);
    await frame.waitForLoadState('load');
    const bottoms = await frame.locator('.embed-open a').boundingBox();
    expect(bottoms!.y + bottoms!.height).toBeLessThanOrEqual(200);
  });

  test('the card sends its height to its parent only, in the documented versioned message', async () => {
    // A page framing a page that frames the card: only the card's parent hears from it.
    await writeFile(
      join(lmsDir, 'inner.html'),
      page(`<iframe src="${site}/embed/execution/" title="Execution" width="480" height="200"></iframe>
<script>window.heard = []; addEventListener('message', (e) => heard.push({ origin: e.origin, data: e.data }));</script>`),
    );
    const { page: top, problems } = await visit(
      'outer.html',
      `<iframe src="inner.html" title="Inner" width="600" height="400"></iframe>
<script>window.heard = []; addEventListener('message', (e) => heard.push(e.data));</script>`,
    );
    const inner = top.frames().find((f) => f.url().endsWith('/inner.html'))!;
    await expect
      .poll(() => inner.evaluate(() => (window as unknown as { heard: unknown[] }).heard.length))
      .toBeGreaterThan(0);
    const heard = await inner.evaluate(
      () => (window as unknown as { heard: { origin: string; data: Record<string, unknown> }[] }).heard,
    );
    expect(heard[0]!.origin).toBe(new URL(site).origin);
    expect(heard[0]!.data).toEqual({
      type: 'security-glossary:embed-height',
      version: 1,
      slug: 'execution',
      height: expect.any(Number),
    });
    expect(await top.evaluate(() => (window as unknown as { heard: unknown[] }).heard)).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('the /embed/ page shows the snippet and its demo card fits on a phone', async () => {
    const { page: p, problems } = await openPage(session.context);
    await p.setViewportSize({ width: 360, height: 740 });
    await p.goto(`${site}/embed/`);
    const code = await p.locator('#iframe ~ pre code').first().textContent();
    expect(code).toContain('loading="lazy"');
    expect(code).toContain("m?.type !== 'security-glossary:embed-height' || m.version !== 1");
    const demo = p.locator('iframe.embed-demo');
    await demo.scrollIntoViewIfNeeded();
    await expect.poll(() => demo.evaluate((f: HTMLIFrameElement) => f.style.height)).toMatch(/^\d+px$/);
    const card = await layout(p.frames().find((f) => f.url().endsWith('/embed/execution/'))!);
    expect(card.summaryCut).toBe(false);
    expect(Math.abs(card.frameHeight - card.cardBottom)).toBeLessThanOrEqual(1);
    expect(problems).toEqual([]);
  });
});

describe('headers, as Cloudflare Pages sends them', () => {
  test('a card can be framed by a page on another origin; a term page cannot', async () => {
    const { page: p, problems } = await visit(
      'frames.html',
      `<iframe src="${site}/embed/execution/" title="Card" width="480" height="200"></iframe>
<iframe src="${site}/terms/execution/" title="Page" width="480" height="200"></iframe>`,
    );
    await expect
      .poll(() =>
        cardFrame(p, 'execution')
          .locator('h1')
          .textContent()
          .catch(() => ''),
      )
      .toContain('Execution');
    // The term page's frame shows the browser's error page instead of the page.
    const pageFrame = p.frames().find((f) => f !== p.mainFrame() && !f.url().includes('/embed/'))!;
    await pageFrame.waitForLoadState('load').catch(() => {});
    expect(await pageFrame.locator('[data-pagefind-body]').count()).toBe(0);
    expect(
      problems.filter((m) => !/frame-ancestors|X-Frame-Options|refused to connect|ERR_BLOCKED_BY_RESPONSE/i.test(m)),
    ).toEqual([]);
  });

  test('the /embed/ page frames its own demo card', async () => {
    const { page: p, problems } = await openPage(session.context);
    await p.goto(`${site}/embed/`);
    await p.locator('iframe.embed-demo').scrollIntoViewIfNeeded();
    await expect
      .poll(() =>
        p
          .frames()
          .find((f) => f.url().endsWith('/embed/execution/'))
          ?.locator('h1')
          .textContent()
          .catch(() => ''),
      )
      .toContain('Execution');
    expect(problems).toEqual([]);
  });

  test('every file of the build gets each header from one rule on Cloudflare Pages, the same framing on Netlify, and one frame-ancestors', () => {
    const file = readFileSync(join(dist, '_headers'), 'utf8');
    const cloudflare = parseHeadersFile(file, cloudflarePattern);
    const netlify = parseHeadersFile(file, netlifyPattern);
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
        d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)],
      );
    const framing = (headers: Record<string, string>) =>
      [
        headers['content-security-policy']?.match(/frame-ancestors ([^;,]*)/)?.[1],
        headers['x-frame-options'],
        headers['cross-origin-resource-policy'],
      ].join(' | ');
    const problems: string[] = [];
    for (const path of walk(dist).map((f) => `/${relative(dist, f).split(sep).join('/')}`)) {
      if (path === '/_headers') continue;
      const urls = path.endsWith('/index.html') ? [path, path.slice(0, -'index.html'.length)] : [path];
      for (const url of urls) {
        const names = rulesFor(cloudflare, url).flatMap((r) => r.set.map(([n]) => n));
        const repeated = names.filter((n, i) => names.indexOf(n) !== i);
        if (repeated.length) problems.push(`Cloudflare ${url}: ${repeated.join(', ')} set twice`);
        const onCloudflare = framing(headersFor(cloudflare, url));
        const onNetlify = framing(netlifyHeadersFor(netlify, url));
        if (onNetlify !== onCloudflare) problems.push(`Netlify ${url}: ${onNetlify}, Cloudflare ${onCloudflare}`);
        const policy = headersFor(cloudflare, url)['content-security-policy'] ?? '';
        if ((policy.match(/frame-ancestors/g) ?? []).length !== 1) problems.push(`${url}: policy "${policy}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('a missing card framed by another site shows a bare not-found page: no search box, no script, one link that opens a new tab', async () => {
    const { page: p } = await visit(
      'missing.html',
      `<iframe src="${site}/embed/no-such-card/" title="Card" width="480" height="200"></iframe>`,
    );
    const frame = () => p.frames().find((f) => f.url().endsWith('/embed/no-such-card/'));
    await expect
      .poll(() =>
        frame()
          ?.locator('h1')
          .textContent()
          .catch(() => ''),
      )
      .toBe('No card at this address');
    const inside = await frame()!.evaluate(() => ({
      scripts: document.scripts.length,
      fields: document.querySelectorAll('input, button, select, textarea, form').length,
      links: [...document.links].map((a) => [a.target, new URL(a.href).pathname]),
    }));
    expect(inside).toEqual({ scripts: 0, fields: 0, links: [['_blank', '/embed/']] });
  });

  test('over HTTP: one policy per response, framable where it should be, cross-origin readable where it should be', async () => {
    const cases: [string, string, string, string | null][] = [
      ['/terms/execution/', "'self'", 'same-origin', null],
      ['/search/', "'self'", 'same-origin', null],
      ['/embed/', "'self'", 'same-origin', null],
      ['/embed/execution/', '*', 'cross-origin', '*'],
      ['/embed/preview.js', "'none'", 'cross-origin', '*'],
      ['/embed/no-such-card/', '*', 'cross-origin', '*'],
      ['/embed/execution/more/', "'self'", 'same-origin', null],
      ['/api/terms/execution.json', "'none'", 'cross-origin', '*'],
      ['/api/ids.json', "'none'", 'cross-origin', '*'],
      ['/og/execution.png', "'none'", 'cross-origin', '*'],
      ['/slides/execution.svg', "'none'", 'cross-origin', '*'],
      ['/terms/no-such-term/', "'self'", 'same-origin', null],
    ];
    for (const [path, ancestors, corp, cors] of cases) {
      const response = await fetch(`${site}${path}`);
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(
        policy.split(',').map((p) => p.match(/frame-ancestors ([^;]*)/)?.[1]),
        path,
      ).toEqual([ancestors]);
      // Pages run search in their header; cards and data do not.
      expect(policy.includes("'wasm-unsafe-eval'"), path).toBe(ancestors === "'self'");
      expect(response.headers.get('cross-origin-resource-policy'), path).toBe(corp);
      expect(response.headers.get('access-control-allow-origin'), path).toBe(cors);
      expect(response.headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
      expect(response.headers.get('permissions-policy'), path).toMatch(/camera=\(\)/);
    }
  });

  test('/api/ids.json maps every ATT&CK ID with a redirect page and every catalog number to its term', () => {
    const ids = apiIdsSchema.parse(JSON.parse(readFileSync(join(dist, 'api/ids.json'), 'utf8')));
    expect(Object.keys(ids.numbers)).toHaveLength(terms.length);
    for (const term of terms) {
      expect(ids.numbers[String(term.number)]).toBe(term.slug);
      if (term.attack) expect(ids.attack[term.attack.id]).toBe(term.slug);
    }
  });
});
