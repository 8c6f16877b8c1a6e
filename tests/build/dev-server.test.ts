import { afterAll, describe, expect, test } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT, cleanEnvironment } from '../helpers/run-build.ts';
import { smallGlossary, writeFixture } from '../helpers/term-source.ts';
import { launchBrowser } from '../helpers/browser.ts';

let server: ChildProcess | undefined;
afterAll(() => {
  server?.kill();
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

// `astro dev` reads the same cached content pass as the build: an edit that breaks a body shows the build's message,
// with file, line, component and prop, in the page a developer is looking at.
describe('astro dev', () => {
  test('enforces the body rules after an edit and names the file, line, component and prop', async () => {
    const files = smallGlossary();
    files['alpha-control'] = files['alpha-control']!.replace(
      '## How it works',
      '## How it works\n\nIt feeds <Term slug="beta-signal" />.',
    );
    const dir = await writeFixture(files);
    const port = await freePort();
    server = spawn(
      process.execPath,
      [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'],
      {
        cwd: ROOT,
        env: {
          ...cleanEnvironment(),
          GLOSSARY_CONTENT_DIR: dir,
          ASTRO_CACHE_DIR: `${dir}-astro-cache`,
          ASTRO_DEV_BACKGROUND: '1',
          NO_COLOR: '1',
        },
      },
    );
    let output = '';
    server.stdout!.on('data', (d) => (output += d));
    server.stderr!.on('data', (d) => (output += d));
    const url = `http://127.0.0.1:${port}/terms/alpha-control/`;
    await expect
      .poll(async () => (await fetch(url).catch(() => undefined))?.status, { timeout: 60_000, interval: 500 })
      .toBe(200);
    expect(await (await fetch(url)).text()).toContain(
      '<a href="/terms/beta-signal/" class="term-link">Beta Signal</a>',
    );
    // A build writes the ATT&CK ID pages from one template after Astro; here the route still renders each.
    const stub = await fetch(`http://127.0.0.1:${port}/attack/T1059.002/`);
    expect(stub.status).toBe(200);
    expect(await stub.text()).toContain('<h1>T1059.002 AppleScript</h1>');

    const path = join(dir, 'alpha-control.mdx');
    const source = await readFile(path, 'utf8');
    await writeFile(path, source.replace('<Term slug="beta-signal" />', '<Term slug="beta-signl" />'));
    const line = source.split('\n').findIndex((l) => l.includes('<Term slug="beta-signal" />')) + 1;
    const expected = `<Term> prop "slug" (line ${line}): expected the slug of an existing term`;
    await expect
      .poll(() => output.includes(`alpha-control.mdx\n  - ${expected}`), { timeout: 30_000, interval: 250 })
      .toBe(true);

    // What the developer sees: Vite's error overlay, drawn in the browser.
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(url);
      // The page may reload once more as the dev server settles, so read the overlay until it holds the message.
      let text = '';
      await expect
        .poll(
          async () => {
            text = await page
              .evaluate(() => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? '')
              .catch(() => '');
            return text.includes(expected);
          },
          { timeout: 30_000, interval: 250 },
        )
        .toBe(true);
      expect(text).toContain('alpha-control.mdx');
      expect(text).toContain(expected);
      expect(text).toContain('did you mean "beta-signal"?');
    } finally {
      await browser.close();
    }

    await writeFile(path, source);
    await expect
      .poll(async () => (await (await fetch(url)).text()).includes('class="term-link">Beta Signal</a>'), {
        timeout: 30_000,
        interval: 500,
      })
      .toBe(true);
  }, 120_000);
});
