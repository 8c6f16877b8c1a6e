import { urls } from '../../src/links/urls.ts';
import { describe, expect, test } from 'vitest';
import {
  MAX_TERMS,
  MAX_TITLE_LENGTH,
  packHref,
  packSearch,
  readPack,
  type PackCatalog,
} from '../../src/packs/pack-url.ts';

const catalog: PackCatalog = {
  slugs: ['execution', 'powershell', 'windows-command-shell', 'amsi'],
  redirects: {
    'cmd-exe': 'windows-command-shell',
    ps: 'posh',
    posh: 'powershell',
    'loop-a': 'loop-b',
    'loop-b': 'loop-a',
  },
};

function read(query: string, from: PackCatalog = catalog) {
  return readPack(new URLSearchParams(query), from);
}

describe('readPack', () => {
  test.each([
    ['terms=execution,powershell', ['execution', 'powershell']],
    ['terms=powershell,execution', ['powershell', 'execution']],
    ['terms=%20Execution%20,+POWERSHELL', ['execution', 'powershell']],
    ['terms=amsi,,execution,', ['amsi', 'execution']],
    ['terms=amsi,AMSI,execution,amsi', ['amsi', 'execution']],
    ['terms=amsi&terms=execution,amsi', ['amsi', 'execution']],
    ['terms=', []],
    ['', []],
  ])('reads %s as the terms %j, in the order written', (query, slugs) => {
    expect(read(query).slugs).toEqual(slugs);
  });

  test('accepts the catalog slugs as a Set as well as an array', () => {
    expect(read('terms=amsi', { ...catalog, slugs: new Set(catalog.slugs) }).slugs).toEqual(['amsi']);
  });

  test('follows a renamed slug and reports it, also through a chain of renames', () => {
    const pack = read('terms=cmd-exe,ps,amsi');
    expect(pack.slugs).toEqual(['windows-command-shell', 'powershell', 'amsi']);
    expect(pack.renamed).toEqual([
      { from: 'cmd-exe', to: 'windows-command-shell' },
      { from: 'ps', to: 'powershell' },
    ]);
    expect(pack.unknown).toEqual([]);
  });

  test('keeps a term once when the link has both its old and its new slug, and still reports the old one', () => {
    const pack = read('terms=windows-command-shell,cmd-exe');
    expect(pack.slugs).toEqual(['windows-command-shell']);
    expect(pack.renamed).toEqual([{ from: 'cmd-exe', to: 'windows-command-shell' }]);
  });

  test('lists unknown entries instead of dropping them, a loop in the renames included', () => {
    const pack = read('terms=amsi,no-such-term,loop-a,constructor,__proto__');
    expect(pack.slugs).toEqual(['amsi']);
    expect(pack.unknown).toEqual(['no-such-term', 'loop-a', 'constructor', '__proto__']);
  });

  test('reports a repeated unknown or renamed entry once', () => {
    const pack = read('terms=nope,cmd-exe,NOPE,cmd-exe&terms=nope');
    expect(pack.unknown).toEqual(['nope']);
    expect(pack.renamed).toEqual([{ from: 'cmd-exe', to: 'windows-command-shell' }]);
  });

  test('lists a hostile entry without its control characters and clipped to 80 characters', () => {
    const pack = read(`terms=ams%00i,${'x'.repeat(100_000)},%E2%80%AEevil`);
    expect(pack.slugs).toEqual([]);
    expect(pack.unknown).toEqual(['amsi', `${'x'.repeat(80)}…`, 'evil']);
  });

  test(`holds at most ${MAX_TERMS} terms and says how many were left out`, () => {
    const slugs = Array.from({ length: MAX_TERMS + 5 }, (_, i) => `term-${i}`);
    const pack = read(`terms=${slugs.join(',')}`, { slugs, redirects: {} });
    expect(pack.slugs).toEqual(slugs.slice(0, MAX_TERMS));
    expect(pack.truncated).toEqual({ terms: 5, unknown: 0, title: false });
  });

  test(`lists at most ${MAX_TERMS} unknown entries and counts the rest`, () => {
    const entries = Array.from({ length: 10_000 }, (_, i) => `junk-${i}`);
    const pack = read(`terms=amsi,${entries.join(',')},execution`);
    expect(pack.slugs).toEqual(['amsi', 'execution']);
    expect(pack.unknown).toHaveLength(MAX_TERMS);
    expect(pack.truncated.unknown).toBe(10_000 - MAX_TERMS);
  });

  test.each([
    ['title=Week%201%3A%20Execution%20%26%20scripting', 'Week 1: Execution & scripting'],
    ['title=++Spaced%0A%0Aout++', 'Spaced out'],
    ['title=Nul%00byte', 'Nulbyte'],
    ['title=gap+%00+here', 'gap here'],
    ['title=%E2%80%AEreversed', 'reversed'],
    ['title=%F0%9F%94%90+Crypto+%C3%A9t%C3%A9', '🔐 Crypto été'],
    ['title=broken%FFutf8', 'broken\uFFFDutf8'],
    ['title=First&title=Second', 'First'],
    ['terms=amsi', ''],
  ])('reads the title from %s as %j', (query, title) => {
    expect(read(query).title).toBe(title);
  });

  test(`cuts a long title to ${MAX_TITLE_LENGTH} characters without splitting an emoji, and says so`, () => {
    const family = '👨‍👩‍👧';
    const pack = read(`title=${encodeURIComponent('a'.repeat(MAX_TITLE_LENGTH - 1) + family.repeat(3))}`);
    expect(pack.title).toBe('a'.repeat(MAX_TITLE_LENGTH - 1) + family);
    expect(pack.truncated.title).toBe(true);
    expect(read(`title=${'a'.repeat(MAX_TITLE_LENGTH)}`).truncated.title).toBe(false);
  });

  test.each([
    ['seed=42', 42],
    ['seed=0', 0],
    ['seed=4294967295', 4294967295],
    ['seed=4294967296', undefined],
    ['seed=-1', undefined],
    ['seed=1e3', undefined],
    ['seed=abc', undefined],
    ['', undefined],
  ])('reads %s as the seed %j', (query, seed) => {
    expect(read(query).seed).toBe(seed);
  });
});

describe('packSearch', () => {
  test('writes terms, then title, then seed, with commas left readable', () => {
    expect(packSearch({ title: 'Week 1: Execution & scripting?', slugs: ['amsi', 'execution'], seed: 7 })).toBe(
      '?terms=amsi,execution&title=Week%201%3A%20Execution%20%26%20scripting%3F&seed=7',
    );
  });

  test('leaves out an empty title and an absent seed', () => {
    expect(packSearch({ title: '  ', slugs: ['amsi'] })).toBe('?terms=amsi');
  });

  test('does not throw on a title with a lone surrogate', () => {
    expect(packSearch({ title: 'bad \uD800 title', slugs: [] })).toBe('?terms=&title=bad%20%EF%BF%BD%20title');
  });

  test('gives back the same pack when read again', () => {
    const pack = { title: 'Ünïcode & "quotes" / #hash +plus', slugs: ['powershell', 'amsi'], seed: 99 };
    const again = read(packSearch(pack).slice(1));
    expect({ title: again.title, slugs: again.slugs, seed: again.seed }).toEqual(pack);
  });
});

describe('packHref', () => {
  test('links each pack page to the same pack', () => {
    const pack = { title: 'Intro', slugs: ['execution'] };
    expect(packHref(urls.packQuiz(), pack)).toBe('/packs/quiz/?terms=execution&title=Intro');
    expect(packHref('/glossary/packs/handout/', pack)).toBe('/glossary/packs/handout/?terms=execution&title=Intro');
  });
});
