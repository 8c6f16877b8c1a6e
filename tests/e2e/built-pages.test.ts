import { describe, expect, inject, test } from 'vitest';
import { load, type CheerioAPI } from 'cheerio';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { RELATIONS } from '../../src/schemas/vocabulary.ts';
import { isReservedAnchor } from '../../src/markdown/anchors.ts';
import { ROOT } from '../helpers/run-build.ts';

const dist = inject('distDir');
/**
 * What the build must have produced, read from the content rather than from the build: every check below loops
 * over built files, so a build that wrote no term pages (or the wrong folder) would otherwise pass with nothing
 * checked.
 */
const CONTENT = join(ROOT, 'content', 'terms');
const entries = readdirSync(CONTENT)
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => {
    const front = /^---\n([^]*?)\n---/.exec(readFileSync(join(CONTENT, f), 'utf8'))?.[1] ?? '';
    const data = parse(front) as { attack?: { id: string }; related?: unknown[] };
    return { slug: f.slice(0, -'.mdx'.length), attackId: data.attack?.id, related: data.related?.length ?? 0 };
  });
/** Each relation label and the label of the same link on the other term's page. */
const OTHER_END = new Map<string, string>(
  Object.values(RELATIONS).flatMap((r) =>
    [r, ...('betweenTactics' in r ? [r.betweenTactics] : [])].flatMap(
      ({ label, inverse }) =>
        [
          [label, inverse],
          [inverse, label],
        ] as const,
    ),
  ),
);
// Each page is parsed once: the link checks below look up the same pages' anchors many times over.
const parsed = new Map<string, CheerioAPI>();
const html = (path: string): CheerioAPI => {
  const key = path.replace(/^\/+/, '');
  let $ = parsed.get(key);
  if (!$) parsed.set(key, ($ = load(readFileSync(join(dist, key), 'utf8'))));
  return $;
};
const termSlugs = readdirSync(join(dist, 'terms'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/** Does a site-relative URL (with optional #fragment) resolve to a built file and, if given, an element id? */
function resolves(href: string): boolean {
  const [pathAndQuery, fragment] = href.split('#') as [string, string | undefined];
  // The query is for the page's script (a pack link); the file is the path's.
  const path = pathAndQuery.split('?')[0]!;
  const file = path.endsWith('/') ? join(dist, path, 'index.html') : join(dist, path);
  if (!existsSync(file)) return false;
  if (!fragment) return true;
  return (
    html(file.slice(dist.length))
      .root()
      .find(`[id="${decodeURIComponent(fragment)}"]`).length === 1
  );
}

describe('the Execution term page', () => {
  const $ = html('terms/execution/index.html');

  test('has every part of a reference entry, in order', () => {
    expect(
      $('nav[aria-label="Breadcrumb"] li')
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(['Home', 'ATT&CK', 'Execution']);
    expect($('h1').text()).toBe('Execution (MITRE Tactic)');
    expect($('.term-header').text()).toContain('№ 1');
    expect($('.term-header a[href="https://attack.mitre.org/tactics/TA0002/"]').text()).toBe('TA0002');
    expect($('h2#definition').text()).toBe('What is Execution?');
    expect($('.summary').text()).toMatch(/^Execution is the ATT&CK tactic/);
    expect($('.explanation h2').length).toBeGreaterThanOrEqual(2);
    expect($('section[aria-labelledby="examples"] ol > li').length).toBeGreaterThanOrEqual(2);
    expect($('section[aria-labelledby="faq"] .faq-item h3[id^="faq-"]').length).toBeGreaterThanOrEqual(4);
    expect(
      $('section[aria-labelledby="other-names"] ul li')
        .map((_, el) => $(el).text())
        .get(),
    ).toContain('TA0002');
    expect($('section[aria-labelledby="related"] ul a.card').length).toBeGreaterThanOrEqual(3);
    expect(
      $('section[aria-labelledby="sources"] ol a[href^="https://attack.mitre.org/"]').length,
    ).toBeGreaterThanOrEqual(1);
    expect($('time[datetime]').attr('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // "Referenced by" lists only terms that mention this one in their prose, so it may be absent.
    const order = ['definition', 'examples', 'faq', 'other-names', 'related', 'referenced-by', 'sources'].filter(
      (id) => id !== 'referenced-by' || $('#referenced-by').length,
    );
    const positions = order.map((id) => $.html().indexOf(`id="${id}"`));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  test('the related list reads right from this page, with links stated in other files too', () => {
    // Cards for the first links, then a compact list: "Label: Title (qualifier)" either way.
    const cards = [
      ...$('section[aria-labelledby="related"] ul a.card')
        .map((_, a) => `${$(a).find('.card-meta strong').text()}: ${$(a).find('.card-title').text()}`)
        .get(),
      ...$('section[aria-labelledby="related"] .related-more li')
        .map((_, li) => $(li).text().replace(/\s+/g, ' ').trim())
        .get(),
    ];
    expect(cards).toEqual(
      expect.arrayContaining([
        'Part of: MITRE ATT&CK (Framework)',
        'Often follows: Initial Access (MITRE Tactic)',
        'Often leads to: Persistence (MITRE Tactic)',
        'Detected by: EDR (Security Product Category)',
        'Countered by: Execution Prevention (MITRE Mitigation)',
      ]),
    );
    expect(cards.filter((c) => /^(Detects|Counters|Comes (before|after)):/.test(c))).toEqual([]);
  });

  test('"Referenced by" repeats no term that "Related" shows', () => {
    const hrefs = (section: string) =>
      $(`section[aria-labelledby="${section}"] ul a.card`)
        .map((_, a) => $(a).attr('href'))
        .get();
    const related = hrefs('related');
    expect(hrefs('referenced-by').filter((href) => related.includes(href))).toEqual([]);
  });

  test('a related card shows category, №, title and one-line summary', () => {
    const card = $('section[aria-labelledby="related"] ul a.card').first();
    expect(card.find('.card-meta').text()).toMatch(/^.+ · .+ · № \d+$/);
    expect(card.find('.card-title').text()).toMatch(/\(.+\)$/);
    expect(card.find('p').text().length).toBeGreaterThanOrEqual(40);
  });
});

describe('every term page', () => {
  test('there is one term page per entry, and the pages hold the related links the entries state', () => {
    expect(entries.length).toBeGreaterThan(0);
    expect(termSlugs).toEqual(entries.map((e) => e.slug).sort());
    // Each stated link shows on both ends, so the pages together hold at least as many as the entries state.
    const stated = entries.reduce((sum, e) => sum + e.related, 0);
    expect(stated).toBeGreaterThan(0);
    const shown = termSlugs.reduce(
      (sum, slug) =>
        sum +
        html(`terms/${slug}/index.html`)(
          'section[aria-labelledby="related"] ul a.card, section[aria-labelledby="related"] .related-more a',
        ).length,
      0,
    );
    expect(shown).toBeGreaterThanOrEqual(stated);
  });

  test.each(termSlugs)('%s: every card and in-page link resolves, and links work both ways', (slug) => {
    const $ = html(`terms/${slug}/index.html`);
    const internal = $('main a[href^="/"], main a[href^="#"]')
      .map((_, a) => $(a).attr('href')!)
      .get()
      .map((href) => (href.startsWith('#') ? `/terms/${slug}/${href}` : href));
    // The breadcrumb at least: a page whose main holds no internal link was not rendered as a term page.
    expect(internal.length).toBeGreaterThan(0);
    expect(internal.filter((href) => !resolves(href))).toEqual([]);

    // Each related term's page lists this term once under "Related" (a card, or past the first few a line of the
    // compact list), labelled from its own end.
    const relatedLinks = ($$: typeof $) =>
      $$('section[aria-labelledby="related"] ul a.card, section[aria-labelledby="related"] .related-more a')
        .toArray()
        .map((a) => ({
          href: $$(a).attr('href')!,
          label: $$(a).hasClass('card')
            ? $$(a).find('.card-meta strong').text()
            : $$(a).closest('li').find('.related-label').text().replace(/:$/, ''),
        }));
    const links = relatedLinks($);
    const hrefs = links.map((l) => l.href);
    expect(hrefs.filter((href, i) => hrefs.indexOf(href) !== i)).toEqual([]);
    for (const { href: target, label } of links) {
      const back = relatedLinks(html(`${target.slice(1)}index.html`)).filter((l) => l.href === `/terms/${slug}/`);
      expect(back.length, `${target} should list /terms/${slug}/ under "Related"`).toBe(1);
      expect(back[0]!.label, `${target}'s label for /terms/${slug}/`).toBe(OTHER_END.get(label));
    }
  });
});

describe('the anchors body headings may not take', () => {
  test('include every id a term page gives its own parts, and every id a body component gives its parts', () => {
    const unreserved = new Set<string>();
    for (const slug of termSlugs) {
      const $ = html(`terms/${slug}/index.html`);
      $('[id]').each((_, el) => {
        const id = $(el).attr('id')!;
        // A body heading's own anchor is the one id a body may add.
        const bodyHeading =
          /^h[1-6]$/.test(el.tagName) && $(el).parents('.explanation').length > 0 && !$(el).hasClass('tab-label');
        if (!bodyHeading && !isReservedAnchor(id)) unreserved.add(`${id} (on /terms/${slug}/)`);
      });
    }
    expect(termSlugs).toHaveLength(entries.length);
    expect([...unreserved]).toEqual([]);
  });
});

describe('static redirects', () => {
  test('every /attack/<ID>/ page of an ID with an entry is a valid redirect to its term', async () => {
    // Other pages under /attack/ (the ID index, the pages of IDs without an entry) are not redirects.
    const withEntry = new Set(
      Object.keys(
        (JSON.parse(readFileSync(join(dist, 'api', 'ids.json'), 'utf8')) as { attack: Record<string, string> }).attack,
      ),
    );
    const ids = readdirSync(join(dist, 'attack'), { withFileTypes: true }).filter(
      (d) => d.isDirectory() && withEntry.has(d.name.toUpperCase()),
    );
    // Two redirects per ATT&CK ID an entry carries (as MITRE writes it and in lower case), however ids.json came out.
    const fromContent = entries.flatMap((e) =>
      e.attackId ? [e.attackId.toUpperCase(), e.attackId.toLowerCase()] : [],
    );
    expect(fromContent.length).toBeGreaterThan(0);
    expect(ids.map((d) => d.name).sort()).toEqual(fromContent.sort());
    for (const { name } of ids) {
      const $ = html(`attack/${name}/index.html`);
      const target = $('meta[http-equiv="refresh"]')
        .attr('content')!
        .replace(/^0; url=/, '');
      expect($('html').attr('lang')).toBe('en');
      expect(resolves(target), `${name} → ${target}`).toBe(true);
    }
  });
});

describe('the tactics overview and tactic pages', () => {
  test('/attack/ shows the 15 Enterprise tactics in matrix order, each linked to its entry with its ID and summary', async () => {
    const { ENTERPRISE_TACTICS } = await import('../../src/attack/matrix.ts');
    const $ = html('attack/index.html');
    const items = $('ol.flow > li').toArray();
    expect(items.map((li) => $(li).find('.id').text())).toEqual(ENTERPRISE_TACTICS.map((t) => t.id));
    expect(items.map((li) => $(li).find('a').attr('href'))).toEqual(ENTERPRISE_TACTICS.map((t) => `/terms/${t.slug}/`));
    for (const li of items) expect($(li).find('p').text().length).toBeGreaterThanOrEqual(40);
  });

  test('each tactic entry carries the ID of the data module and shows its stage with previous and next tactics', async () => {
    const { ENTERPRISE_TACTICS } = await import('../../src/attack/matrix.ts');
    ENTERPRISE_TACTICS.forEach((tactic, i) => {
      const $ = html(`terms/${tactic.slug}/index.html`);
      expect($('.term-header a[href^="https://attack.mitre.org/"]').text()).toBe(tactic.id);
      expect($('.tactic-stage p').text()).toBe(`Stage ${i + 1} of 15 in the ATT&CK Enterprise matrix`);
      expect($('.tactic-stage a[rel="prev"]').attr('href')).toBe(
        i > 0 ? `/terms/${ENTERPRISE_TACTICS[i - 1]!.slug}/` : undefined,
      );
      expect($('.tactic-stage a[rel="next"]').attr('href')).toBe(
        i < 14 ? `/terms/${ENTERPRISE_TACTICS[i + 1]!.slug}/` : undefined,
      );
    });
  });

  test('the Defense Evasion entry keeps its URL and points to Stealth and Defense Impairment', () => {
    const $ = html('terms/defense-evasion/index.html');
    const related = $('section[aria-labelledby="related"] a')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(related).toEqual(expect.arrayContaining(['/terms/stealth/', '/terms/defense-impairment/']));
    expect($('.explanation').text()).toMatch(/Stealth/);
  });
});
