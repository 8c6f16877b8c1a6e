/**
 * /embed/preview.js on a training page served from another origin: every glossary URL form README documents,
 * what it fetches, failures, hostile markup and JSON, accessibility, placement and touch.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPage } from '../helpers/browser.ts';
import { useBrowser } from '../helpers/use-browser.ts';
import { serveDir, type RunningServer } from '../../scripts/lib/static-server.ts';
import type { ApiTerm } from '../../src/schemas/api.ts';

const site = inject('siteUrl');
const dist = inject('distDir');
const term = (slug: string) => JSON.parse(readFileSync(join(dist, `api/terms/${slug}.json`), 'utf8')) as ApiTerm;
const withSubTechnique = (
  JSON.parse(readFileSync(join(dist, 'api/terms.json'), 'utf8')) as { terms: ApiTerm[] }
).terms.find((t) => t.attack?.kind === 'sub-technique')!;
const subId = withSubTechnique.attack!.id; // e.g. T1059.001
const [parentId, subNumber] = subId.split('.') as [string, string];

const session = useBrowser({ viewport: { width: 1000, height: 700 } });
let course: RunningServer;
let courseDir: string;
let mounted: RunningServer;

const html = (body: string, { charset = true, script = `${site}/embed/preview.js`, attrs = '' } = {}) =>
  `<!doctype html><html lang="en"><head>${charset ? '<meta charset="utf-8">' : ''}<meta name="viewport" content="width=device-width"><title>Course</title><link rel="icon" href="data:,"></head>` +
  `<body><main>${body}</main><script src="${script}" defer ${attrs}></script></body></html>`;

/** A link per documented URL form, and links the script must leave alone. */
const links = (root: string) => `
<p id="intro">Read more in the glossary:</p>
<p>
  <a id="term" href="${root}/terms/execution/">Execution</a>,
  <a id="anchor" href="${root}/terms/powershell/#faq">PowerShell's FAQ</a>,
  <a id="noslash" href="${root}/terms/amsi">AMSI</a>,
  <a id="tactic" href="${root}/attack/TA0002/">TA0002</a>,
  <a id="lower" href="${root}/attack/${subId.toLowerCase()}/">${subId.toLowerCase()}</a>,
  <a id="slash" href="${root}/attack/${parentId}/${subNumber}/">${parentId}/${subNumber}</a>,
  <a id="slashlower" href="${root}/attack/${parentId.toLowerCase()}/${subNumber}/">lower, with a slash</a>,
  <a id="number" href="${root}/n/1/">No. 1</a>,
  <a id="ids" href="${root}/attack/ids/">the ID index</a>,
  <a id="unknown" href="${root}/attack/T9999/">an ID with no entry</a>,
  <a id="elsewhere" href="https://example.invalid/terms/execution/">elsewhere</a>
</p>`;

beforeAll(async () => {
  courseDir = await mkdtemp(join(tmpdir(), 'course-'));
  course = await serveDir(courseDir);
  // The same glossary, deployed under /glossary/ on a third origin.
  mounted = await serveDir(dist, { base: '/glossary/' });
  expect(new Set([site, course.url, mounted.url].map((u) => new URL(u).origin)).size).toBe(3);
});
afterAll(async () => {
  await course?.close();
  await mounted?.close();
});

async function visit(name: string, content: string, ctx: BrowserContext = session.context) {
  await writeFile(join(courseDir, name), content);
  const watched = await openPage(ctx);
  const requests: string[] = [];
  watched.page.on('request', (r) => requests.push(r.url()));
  await watched.page.goto(`${course.url}/${name}`);
  await watched.page.waitForLoadState('load');
  return { ...watched, requests };
}

const tooltip = (page: Page) => page.getByRole('tooltip');

async function hoverShows(page: Page, selector: string): Promise<string> {
  await page.keyboard.press('Escape');
  await page.mouse.move(0, 0);
  await expect
    .poll(() =>
      tooltip(page)
        .isVisible()
        .catch(() => false),
    )
    .toBe(false);
  await page.hover(selector);
  await expect.poll(() => tooltip(page).isVisible()).toBe(true);
  return (await tooltip(page).textContent())!;
}

async function hoverShowsNothing(page: Page, selector: string) {
  await page.keyboard.press('Escape');
  await page.mouse.move(0, 0);
  await page.hover(selector);
  await page.waitForTimeout(400);
  expect(
    await tooltip(page)
      .isVisible()
      .catch(() => false),
  ).toBe(false);
}

describe('preview.js on another origin', () => {
  test('recognises every URL form README documents, and fetches one term, or the compact ID index, not the whole list', async () => {
    const { page, problems, requests } = await visit('forms.html', html(links(site)));
    const execution = term('execution');
    expect(await hoverShows(page, '#term')).toContain(`${execution.title} (${execution.qualifier})`);
    expect(await tooltip(page).textContent()).toContain(execution.summary);
    // The ATT&CK ID, as the card and the slide show it.
    expect(await tooltip(page).textContent()).toContain(
      `${execution.category.name} \u00b7 TA0002 \u00b7 \u2116\u00a01`,
    );
    expect(await hoverShows(page, '#anchor')).toContain(term('powershell').summary);
    expect(await hoverShows(page, '#noslash')).toContain(term('amsi').summary);
    expect(requests.some((u) => u.endsWith('/api/ids.json'))).toBe(false);
    expect(await hoverShows(page, '#tactic')).toContain(execution.summary);
    for (const id of ['#lower', '#slash', '#slashlower'])
      expect(await hoverShows(page, id)).toContain(withSubTechnique.summary);
    expect(await hoverShows(page, '#number')).toContain(execution.summary);
    for (const id of ['#ids', '#unknown', '#elsewhere']) await hoverShowsNothing(page, id);
    expect(requests.filter((u) => u.endsWith('/api/ids.json'))).toHaveLength(1);
    expect(requests.some((u) => u.endsWith('/api/terms.json'))).toBe(false);
    expect(requests.filter((u) => u.endsWith('/api/terms/execution.json'))).toHaveLength(1);
    expect(problems).toEqual([]);
  });

  test('works for a glossary under a base path, and leaves links outside the base alone', async () => {
    const root = `${mounted.url}/glossary`;
    const { page, problems, requests } = await visit(
      'base.html',
      html(`${links(root)}<a id="outside" href="${mounted.url}/terms/execution/">outside the base</a>`, {
        script: `${root}/embed/preview.js`,
      }),
    );
    expect(await hoverShows(page, '#term')).toContain(term('execution').summary);
    expect(await hoverShows(page, '#slash')).toContain(withSubTechnique.summary);
    expect(await hoverShows(page, '#number')).toContain(term('execution').summary);
    await hoverShowsNothing(page, '#outside');
    expect(requests.filter((u) => u.includes('/api/')).every((u) => u.startsWith(`${root}/api/`))).toBe(true);
    expect(problems).toEqual([]);
  });

  test('shows a preview on hover and focus, stays while hovered, and closes with Esc', async () => {
    const { page, problems } = await visit('basics.html', html(links(site)));
    await hoverShows(page, '#term');
    // Hoverable: moving onto the preview keeps it open.
    await tooltip(page).hover();
    await page.waitForTimeout(500);
    expect(await tooltip(page).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await tooltip(page).isVisible()).toBe(false);
    // Keyboard focus shows it too; leaving the link closes it.
    await page.mouse.move(0, 0);
    await page.focus('#noslash');
    await expect.poll(() => tooltip(page).textContent()).toContain(term('amsi').summary);
    await page.focus('#elsewhere');
    await expect.poll(() => tooltip(page).isVisible()).toBe(false);
    expect(problems).toEqual([]);
  });

  test("adds itself to the link's own aria-describedby and puts it back", async () => {
    const { page, problems } = await visit(
      'describedby.html',
      html(`<p><a id="own" href="${site}/terms/edr/" aria-describedby="note">EDR</a> <span id="note">(opens the glossary)</span>
<a id="bare" href="${site}/terms/amsi/">AMSI</a></p>`),
    );
    await page.focus('#own');
    await expect.poll(() => tooltip(page).isVisible()).toBe(true);
    const id = await tooltip(page).getAttribute('id');
    expect(await page.getAttribute('#own', 'aria-describedby')).toBe(`note ${id}`);
    await page.keyboard.press('Escape');
    expect(await page.getAttribute('#own', 'aria-describedby')).toBe('note');
    await page.focus('#bare');
    await expect.poll(() => page.getAttribute('#bare', 'aria-describedby')).toBe(id);
    await page.focus('#own');
    await expect.poll(() => page.getAttribute('#own', 'aria-describedby')).toBe(`note ${id}`);
    expect(await page.getAttribute('#bare', 'aria-describedby')).toBeNull();
    expect(problems).toEqual([]);
  });

  test('opens above a link near the bottom of the window, and stays inside the window at its edges', async () => {
    const { page, problems } = await visit(
      'edges.html',
      html(`<p style="height:2000px">Top</p>
<a id="bottom" href="${site}/terms/execution/" style="position:fixed;left:20px;bottom:6px">Execution</a>
<a id="right" href="${site}/terms/powershell/" style="position:fixed;right:2px;top:40px">PowerShell</a>
<a id="top" href="${site}/terms/amsi/" style="position:fixed;left:300px;top:2px">AMSI</a>`),
    );
    const viewport = page.viewportSize()!;
    const inside = (box: { x: number; y: number; width: number; height: number }) =>
      box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height;

    await hoverShows(page, '#bottom');
    const link = (await page.locator('#bottom').boundingBox())!;
    const below = (await tooltip(page).boundingBox())!;
    expect(below.y + below.height).toBeLessThanOrEqual(link.y);
    expect(inside(below)).toBe(true);

    await hoverShows(page, '#right');
    const right = (await tooltip(page).boundingBox())!;
    expect(inside(right)).toBe(true);
    expect(right.y).toBeGreaterThanOrEqual((await page.locator('#right').boundingBox())!.y);

    await hoverShows(page, '#top');
    const top = (await tooltip(page).boundingBox())!;
    expect(top.y).toBeGreaterThan((await page.locator('#top').boundingBox())!.y);
    expect(inside(top)).toBe(true);
    expect(problems).toEqual([]);
  });

  test('a failed request is tried again on the next hover', async () => {
    const { page, problems } = await visit('retry.html', html(links(site)));
    let calls = 0;
    await page.route('**/api/terms/amsi.json', (route) => (++calls === 1 ? route.abort() : route.continue()));
    await hoverShowsNothing(page, '#noslash');
    expect(calls).toBe(1);
    expect(await hoverShows(page, '#noslash')).toContain(term('amsi').summary);
    expect(calls).toBe(2);
    // The same for the ID index.
    let indexCalls = 0;
    await page.route('**/api/ids.json', (route) =>
      ++indexCalls === 1 ? route.fulfill({ status: 503, body: '' }) : route.continue(),
    );
    await hoverShowsNothing(page, '#tactic');
    expect(await hoverShows(page, '#tactic')).toContain(term('execution').summary);
    expect(indexCalls).toBe(2);
    expect(problems.filter((p) => !/amsi\.json|ids\.json|ERR_FAILED|status of 503/.test(p))).toEqual([]);
  });

  test('shows nothing when the pointer has left the link by the time the data arrives', async () => {
    const { page, problems } = await visit('late.html', html(links(site)));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/terms/powershell.json', async (route: Route) => {
      await held;
      await route.continue();
    });
    await page.hover('#anchor');
    await page.mouse.move(0, 0);
    const arrived = page.waitForEvent('requestfinished', (r) => r.url().endsWith('/api/terms/powershell.json'));
    release();
    // The data has arrived; a preview it opened would show within the short wait after.
    await arrived;
    await page.waitForTimeout(300);
    expect(
      await tooltip(page)
        .isVisible()
        .catch(() => false),
    ).toBe(false);
    // Pointing at it again shows it from the cache.
    expect(await hoverShows(page, '#anchor')).toContain(term('powershell').summary);
    expect(problems).toEqual([]);
  });

  test('never throws into the page: bad URLs, odd JSON, missing fields, a bad selector', async () => {
    const bad = `<p>
  <a id="port" href="http://127.0.0.1:99999/terms/execution/">invalid port</a>
  <a id="host" href="http://[::1/terms/execution/">invalid host</a>
  <a id="js" href="javascript:void(0)">script</a>
  <a id="empty" href="">empty</a>
  <a id="nested" href="${site}/terms/a/b/">nested</a>
  <a id="encoded" href="${site}/terms/%3Cb%3E/">encoded</a>
  <svg width="20" height="20"><a id="svg" href="${site}/terms/execution/"><rect width="20" height="20"/></a></svg>
  <a id="term" href="${site}/terms/execution/">Execution</a>
  <a id="tactic" href="${site}/attack/TA0002/">TA0002</a>
</p>`;
    const { page, problems } = await visit('bad.html', html(bad));
    for (const id of ['#port', '#host', '#js', '#empty', '#nested', '#encoded', '#svg']) {
      await page.hover(id).catch(() => {});
      await page.focus(id).catch(() => {});
    }
    await page.waitForTimeout(300);
    expect(problems.filter((p) => !/ERR_|status of 404/.test(p))).toEqual([]);
    expect(problems.filter((p) => p.startsWith('page error'))).toEqual([]);

    // Whatever the glossary answers, nothing escapes: odd JSON shows nothing, missing fields are left out.
    const odd = [
      '[]',
      'null',
      '"text"',
      '42',
      '{}',
      '{"title":5}',
      '{"title":{"x":1}}',
      'not json',
      '{"title":"Only a title","category":null,"number":"x"}',
    ];
    for (const body of odd) {
      await page.unrouteAll();
      await page.route('**/api/terms/execution.json', (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body }),
      );
      await page.route('**/api/ids.json', (route) =>
        route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: body === '{}' ? '{"attack":"x","numbers":[]}' : body,
        }),
      );
      await page.reload();
      problems.length = 0;
      await page.hover('#term');
      await page.hover('#tactic');
      await page.hover('#term');
      if (body.includes('Only a title')) {
        await expect.poll(() => tooltip(page).textContent()).toBe('Only a title\u2116\u00a0x');
        expect(await tooltip(page).getAttribute('id')).toBe(await page.getAttribute('#term', 'aria-describedby'));
      } else {
        // Nothing is to show: wait a moment for a preview that should not open.
        await page.waitForTimeout(300);
        expect(
          await tooltip(page)
            .isVisible()
            .catch(() => false),
          body,
        ).toBe(false);
      }
      expect(
        problems.filter((m) => !/status of 404/.test(m)),
        body,
      ).toEqual([]);
    }

    // An invalid data-links selector turns previews off instead of breaking the page.
    const { page: scoped, problems: scopedProblems } = await visit(
      'bad-scope.html',
      html(bad, { attrs: 'data-links="a[[["' }),
    );
    await scoped.hover('#term');
    await scoped.waitForTimeout(400);
    expect(
      await tooltip(scoped)
        .isVisible()
        .catch(() => false),
    ).toBe(false);
    expect(scopedProblems).toEqual([]);
  });

  test('never throws into a host page that removed or broke built-ins before it loaded, and still previews', async () => {
    const sabotage = `<script>delete Object.assign; Element.prototype.matches = function () { throw new Error('host broke matches'); };</script>`;
    const { page, problems } = await visit(
      'sabotaged.html',
      html(`${sabotage}<p><a id="term" href="${site}/terms/execution/">Execution</a></p>`),
    );
    await page.hover('#term').catch(() => {});
    await page.waitForTimeout(300);
    expect(problems.filter((p) => p.startsWith('page error'))).toEqual([]);
    const { page: second, problems: more } = await visit(
      'no-assign.html',
      html(`<script>delete Object.assign;</script><p><a id="term" href="${site}/terms/execution/">Execution</a></p>`),
    );
    expect(await hoverShows(second, '#term')).toContain(term('execution').summary);
    expect(more.filter((p) => p.startsWith('page error'))).toEqual([]);
  });

  test('data-links limits previews to the links it matches', async () => {
    const { page, problems } = await visit(
      'scope.html',
      html(
        `<nav><a id="nav" href="${site}/terms/execution/">Execution</a></nav><div class="prose"><a id="prose" href="${site}/terms/amsi/">AMSI</a></div>`,
        {
          attrs: 'data-links=".prose a"',
        },
      ),
    );
    expect(await hoverShows(page, '#prose')).toContain(term('amsi').summary);
    await hoverShowsNothing(page, '#nav');
    expect(problems).toEqual([]);
  });

  test('works on a page that declares no charset, with the script served without one', async () => {
    // Both servers leave the charset out: the page falls back to windows-1252, and so does the script.
    const plainCourse = await serveDir(courseDir, { types: { '.html': 'text/html' } });
    const plainGlossary = await serveDir(dist, { types: { '.js': 'text/javascript' } });
    await writeFile(
      join(courseDir, 'nocharset.html'),
      html(links(plainGlossary.url), { charset: false, script: `${plainGlossary.url}/embed/preview.js` }),
    );
    const { page, problems } = await openPage(session.context);
    const response = await page.goto(`${plainCourse.url}/nocharset.html`);
    expect(response!.headers()['content-type']).toBe('text/html');
    expect(await page.evaluate(() => document.characterSet)).toBe('windows-1252');
    expect(await hoverShows(page, '#number')).toContain(
      `${term('execution').category.name} \u00b7 TA0002 \u00b7 \u2116\u00a01`,
    );
    expect(problems).toEqual([]);
    await plainCourse.close();
    await plainGlossary.close();
  });

  test('on a touch screen, the first tap shows the preview with an "Open" link, the second follows the link', async () => {
    const ctx = await session.contextWith({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 740 } });
    const away = '<p id="away" style="margin-top:300px;padding-bottom:300px">Nothing to tap here.</p>';
    const { page, problems } = await visit('touch.html', html(links(site) + away), ctx);
    await page.tap('#anchor');
    await expect.poll(() => tooltip(page).isVisible()).toBe(true);
    expect(await tooltip(page).textContent()).toContain(term('powershell').summary);
    expect(new URL(page.url()).pathname).toBe('/touch.html');
    const open = tooltip(page).getByRole('link', { name: 'Open' });
    expect(await open.isVisible()).toBe(true);
    expect(await open.getAttribute('href')).toBe(`${site}/terms/powershell/#faq`);
    // A tap elsewhere closes it; the next tap on a link is a first tap again.
    await page.tap('#away');
    await expect.poll(() => tooltip(page).isVisible()).toBe(false);
    await page.tap('#term');
    await expect.poll(() => tooltip(page).textContent()).toContain(term('execution').summary);
    expect(new URL(page.url()).pathname).toBe('/touch.html');
    await page.tap('#term');
    await page.waitForURL(`${site}/terms/execution/`);
    expect(problems).toEqual([]);
  });

  test('on a touch screen, "Open" follows the link', async () => {
    const ctx = await session.contextWith({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 740 } });
    const { page } = await visit('touch-open.html', html(links(site)), ctx);
    await page.tap('#number');
    await tooltip(page).getByRole('link', { name: 'Open' }).tap();
    await page.waitForURL(`${site}/terms/execution/`);
  });
});
