import { describe, expect, test } from 'vitest';
import { CATEGORIES } from '../../src/schemas/vocabulary.ts';
import {
  categoryFilterName,
  categorySlugFromParam,
  decodeEntities,
  excerptHasMark,
  parseExcerpt,
  pickSubResults,
  searchableQuery,
} from '../../src/search/ranking.ts';

describe('parseExcerpt', () => {
  test('splits text and marked words', () => {
    expect(parseExcerpt('Event ID <mark>4688</mark> records process creation')).toEqual([
      { text: 'Event ID ', mark: false },
      { text: '4688', mark: true },
      { text: ' records process creation', mark: false },
    ]);
  });

  test('decodes the common entities into text', () => {
    expect(parseExcerpt('ATT&amp;CK &lt;b&gt; &quot;x&quot; it&#39;s it&#x27;s')).toEqual([
      { text: 'ATT&CK <b> "x" it\'s it\'s', mark: false },
    ]);
    // One pass: an escaped entity stays an entity, as text.
    expect(decodeEntities('&amp;lt;')).toBe('&lt;');
  });

  test('a hostile excerpt written as entities stays text', () => {
    const parts = parseExcerpt('see &lt;img src=x onerror=alert(1)&gt; and <mark>powershell</mark>');
    expect(parts).toEqual([
      { text: 'see <img src=x onerror=alert(1)> and ', mark: false },
      { text: 'powershell', mark: true },
    ]);
  });

  test('raw markup other than <mark> stays text', () => {
    const parts = parseExcerpt('<img src=x onerror=alert(1)><mark><script>alert(1)</script></mark>');
    expect(parts).toEqual([
      { text: '<img src=x onerror=alert(1)>', mark: false },
      { text: '<script>alert(1)</script>', mark: true },
    ]);
    expect(parts.every((p) => Object.keys(p).sort().join() === 'mark,text')).toBe(true);
  });

  test('mark tags with attributes are not tags, and stray or nested tags do no harm', () => {
    expect(parseExcerpt('<mark onclick=x>a</mark>')).toEqual([{ text: '<mark onclick=x>a', mark: false }]);
    expect(parseExcerpt('</mark>a<mark><mark>b</mark></mark>c')).toEqual([
      { text: 'a', mark: false },
      { text: 'b', mark: true },
      { text: 'c', mark: false },
    ]);
    expect(parseExcerpt('<MARK>x</MARK>')).toEqual([{ text: 'x', mark: true }]);
    expect(parseExcerpt('')).toEqual([]);
  });

  test('excerptHasMark needs a marked non-blank run', () => {
    expect(excerptHasMark(parseExcerpt('plain text'))).toBe(false);
    expect(excerptHasMark(parseExcerpt('a <mark> </mark> b'))).toBe(false);
    expect(excerptHasMark(parseExcerpt('a <mark>b</mark>'))).toBe(true);
  });
});

describe('category in the URL', () => {
  test('every category maps from its slug and from its display name to its slug', () => {
    for (const c of CATEGORIES) {
      expect(categorySlugFromParam(c.slug, CATEGORIES)).toBe(c.slug);
      expect(categorySlugFromParam(c.name, CATEGORIES)).toBe(c.slug);
      expect(categorySlugFromParam(c.name.toUpperCase(), CATEGORIES)).toBe(c.slug);
      expect(categoryFilterName(c.slug, CATEGORIES)).toBe(c.name);
    }
  });

  test('an old display-name link decodes to the ATT&CK Tactics slug', () => {
    const value = new URL('https://example.org/search/?category=ATT%26CK%20Tactics').searchParams.get('category');
    expect(categorySlugFromParam(value, CATEGORIES)).toBe('attack-tactics');
  });

  test('unknown, empty or missing values name no category', () => {
    expect(categorySlugFromParam('nope', CATEGORIES)).toBe('');
    expect(categorySlugFromParam('', CATEGORIES)).toBe('');
    expect(categorySlugFromParam(null, CATEGORIES)).toBe('');
    expect(categoryFilterName('nope', CATEGORIES)).toBeUndefined();
  });
});

describe('pickSubResults', () => {
  test('keeps the extra fields such as excerpts', () => {
    const subs = [{ title: 'FAQ', url: '/t/#faq', excerpt: '<mark>x</mark>' }];
    expect(pickSubResults(subs, '/t/', 'x', 3)[0]?.excerpt).toBe('<mark>x</mark>');
  });
});

describe('searchableQuery: what learners type, as Pagefind should get it', () => {
  test.each([
    ['how do attackers run code', 'run code'],
    ['What is a LOLBin?', 'LOLBin'],
    ['how to detect process hollowing', 'detect process hollowing'],
    ["what's an IOC", 'IOC'],
    ['PowerShell', 'PowerShell'],
    ['what is it', 'what is it'],
  ])('%j → %j', (typed, searched) => {
    expect(searchableQuery(typed)).toBe(searched);
  });
});
