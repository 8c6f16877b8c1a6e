import { describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { indexSite, pagefindBinary } from '../../src/search/pagefind-index.ts';

const termPage = (title: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><article data-pagefind-body><h1 data-pagefind-meta="title">${title}</h1><p>${title} runs encoded commands.</p></article></main></body></html>`;

describe('the search index step', () => {
  test('indexes the term pages of a built site and writes the search bundle beside them', async () => {
    const site = await mkdtemp(join(tmpdir(), 'index-site-'));
    for (const slug of ['powershell', 'wmi']) {
      await mkdir(join(site, 'terms', slug), { recursive: true });
      await writeFile(join(site, 'terms', slug, 'index.html'), termPage(slug));
    }
    // Not a term page: left out of the index by the glob.
    await writeFile(join(site, 'index.html'), termPage('home'));
    expect(await indexSite(site)).toBe(2);
    expect(existsSync(join(site, 'pagefind', 'pagefind.js'))).toBe(true);
  });

  test('a site without term pages fails with what Pagefind said', async () => {
    const site = await mkdtemp(join(tmpdir(), 'index-empty-'));
    await expect(indexSite(site)).rejects.toThrow(
      /Pagefind could not index .*\(exit code 1\)[^]*not able to build an index/,
    );
  });

  test("PAGEFIND_BINARY_PATH chooses the executable, as with Pagefind's own npm wrapper", () => {
    expect(pagefindBinary({ PAGEFIND_BINARY_PATH: '/opt/pagefind' })).toBe('/opt/pagefind');
    expect(pagefindBinary({})).toMatch(/@pagefind\/[a-z0-9]+-[a-z0-9]+\/bin\/pagefind(_extended)?(\.exe)?$/);
  });

  test('an executable that cannot run, or that indexes nothing, stops the build with what went wrong', async () => {
    const site = await mkdtemp(join(tmpdir(), 'index-bad-'));
    await expect(indexSite(site, join(site, 'no-such-pagefind'))).rejects.toThrow(
      `Could not run Pagefind's executable ${join(site, 'no-such-pagefind')}: spawn`,
    );
    // Exits 0 without saying it indexed anything (a wrong binary, or a Pagefind whose output changed).
    const silent = join(site, 'silent-pagefind');
    await writeFile(silent, '#!/bin/sh\necho "Running"\n', { mode: 0o755 });
    await expect(indexSite(site, silent)).rejects.toThrow(`Pagefind found no term pages in ${site}.`);
  });

  test('without the platform package it says to run npm ci', () => {
    expect(() => pagefindBinary({ npm_config_arch: 'no-such-arch' })).toThrow(
      /Pagefind's executable is not installed \(looked for @pagefind\/[a-z]+-no-such-arch\/bin\/pagefind_extended, .*\): run npm ci\./,
    );
  });
});
