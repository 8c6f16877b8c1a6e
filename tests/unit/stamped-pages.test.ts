import { describe, expect, test } from 'vitest';
import { addAttribute, escapeHTML } from 'astro/runtime/server/index.js';
import {
  attackPages,
  embedCardOf,
  embedTemplate,
  idStubPageOf,
  idStubTemplate,
  idStubValues,
  redirectTemplate,
  stamp,
} from '../../src/catalog/stamped-pages.ts';
import { idStubs, stubArticle, type IdStub } from '../../src/attack/id-pages.ts';
import { attackIdPaths } from '../../src/attack/ids.ts';
import { CATEGORIES } from '../../src/schemas/vocabulary.ts';

// Every character Astro escapes somewhere, and ones it escapes in text but not in attributes.
const hostile = `Tom's <b>"Q&A"</b> > x`;

/** What Astro writes for a value in text and in an attribute: the page's title shows in both. */
const astroPage = (title: string, html = '') =>
  `<title>${escapeHTML(title)} · Site</title><meta${addAttribute(title, 'content')}><main>${html}</main>`;

describe('stamp', () => {
  test('escapes each value as Astro does where it stands, in text or in an attribute', () => {
    expect(stamp(astroPage(redirectTemplate.title), { slug: 'x', title: hostile })).toBe(astroPage(hostile));
    const card = embedCardOf({
      slug: 'edr',
      title: hostile,
      qualifier: 'Tool',
      number: 3,
      category: CATEGORIES[0]!.slug,
      summary: '<i>a</i> & b',
      attack: undefined,
    });
    const template = `<a href="/terms/${embedTemplate(false).slug}/" data-card="${embedTemplate(false).title}">${embedTemplate(false).summary}</a>`;
    expect(stamp(template, card)).toBe(
      `<a href="/terms/edr/"${addAttribute(hostile, 'data-card')}>${escapeHTML(card.summary)}</a>`,
    );
  });

  test('puts an HTML value in as it is, never inside a tag, and refuses a placeholder with no value', () => {
    const page = { ...idStubTemplate, article: '<p>T1 &amp; more</p>' };
    const template = astroPage(`${idStubTemplate.id} ${idStubTemplate.name}`, idStubTemplate.article);
    expect(stamp(template, idStubValues({ ...page, id: 'T1', name: hostile }))).toBe(
      astroPage(`T1 ${hostile}`, '<p>T1 &amp; more</p>'),
    );
    expect(() => stamp(`<a title="${idStubTemplate.article}">`, idStubValues(page))).toThrow(/"article" inside a tag/);
    expect(() => stamp(`<p>${idStubTemplate.kind}</p>`, { slug: 'x', title: 'y' })).toThrow(/"kind" with no value/);
  });
});

describe('the pages under /attack/<ID>/', () => {
  const terms = [
    { slug: 'powershell', title: 'PowerShell', attack: { id: 'T1059.001' } },
    { slug: 'execution', title: 'Execution', attack: { id: 'TA0002' } },
    { slug: 'edr', title: 'EDR', attack: null },
  ];
  const redirect = `<a href="/terms/${redirectTemplate.slug}/">${redirectTemplate.title}</a>`;
  const idStub = astroPage(`${idStubTemplate.id} ${idStubTemplate.name}`, idStubTemplate.article);
  const pages = new Map(attackPages(terms, { redirect, idStub }, '/'));
  const slugOf = (id: string) => terms.find((t) => t.attack?.id === id)?.slug;

  test('are written once for every ID: each form of an ID with an entry redirects to it, each technique without one has its facts', () => {
    const stubs = idStubs(slugOf);
    const expected = [...['T1059.001', 'TA0002'].flatMap(attackIdPaths), ...stubs.map((s) => s.id)].map(
      (id) => `attack/${id}`,
    );
    expect([...pages.keys()].sort()).toEqual(expected.sort());
    expect(attackPages(terms, { redirect, idStub }, '/')).toHaveLength(expected.length);
    for (const path of ['attack/T1059.001', 'attack/t1059.001', 'attack/T1059/001', 'attack/t1059/001']) {
      expect(pages.get(path), path).toBe('<a href="/terms/powershell/">PowerShell</a>');
    }
    expect(stubs.length).toBeGreaterThan(500);
    expect(pages.has('attack/T1059')).toBe(true);
  });

  test('a facts page is the template with its ID, escaped name and facts, as the dev server renders it', () => {
    const stub = idStubs(slugOf).find((s) => s.name.includes('&'))!;
    expect(stub.name).toBe('AutoHotKey & AutoIT');
    expect(pages.get(`attack/${stub.id}`)).toBe(astroPage(`${stub.id} ${stub.name}`, stubArticle(stub)));
    expect(idStubPageOf(stub).article).toBe(stubArticle(stub));
    // Its parent has no entry, so its link stays under /attack/; its tactic's entry is linked, under the base too.
    expect(stubArticle(stub)).toContain(`<a href="/attack/${stub.parent!.id}/">`);
    expect(stubArticle(stub)).toContain('<a href="/terms/execution/">Execution</a> (TA0002)');
    expect(new Map(attackPages(terms, { redirect, idStub }, '/glossary/')).get(`attack/${stub.id}`)).toContain(
      '<a href="/glossary/terms/execution/">',
    );
  });
});

describe('stubArticle', () => {
  test('escapes every name and link from the data', () => {
    const ref = (id: string, name: string, slug?: string) => ({ id, name, slug });
    const stub: IdStub = {
      ...ref('T9999', hostile),
      kind: 'technique',
      url: 'https://attack.mitre.org/techniques/T9999/?a=1&b="2"',
      tactics: [ref('TA0001', hostile, 'initial-access'), ref('TA0002', 'Execution')],
      subTechniques: [ref('T9999.001', hostile)],
    };
    const html = stubArticle(stub);
    expect(html).not.toContain('<b>');
    expect(html).toContain(`<h1>T9999 ${escapeHTML(hostile)}</h1>`);
    expect(html).toContain(
      `<dt>Tactics:</dt><dd><a href="/terms/initial-access/">${escapeHTML(hostile)}</a> (TA0001), <a href="/attack/TA0002/">Execution</a> (TA0002)</dd>`,
    );
    expect(html).toContain(`<a${addAttribute(stub.url, 'href')} rel="external noopener">`);
    expect(html).toContain(
      `<h2>Nearest entries in this glossary</h2><ul><li><a href="/terms/initial-access/">${escapeHTML(hostile)}</a> (TA0001)</li></ul>`,
    );
  });
});
