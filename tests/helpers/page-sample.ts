/**
 * Which built pages the browser-only gates (axe-core, print) must load, chosen from the HTML itself.
 *
 * Why a sample: axe-core needs a real page load per page and theme (about 0.35 s each here), so checking every
 * page costs minutes that grow with every entry, while the cheap gates (the Nu HTML Checker, the link crawl,
 * the static checks in quality-gates.test.ts) still read every file. What axe finds on a page comes from its
 * elements, their classes and ARIA, their nesting and the order of its headings, not from the words in them. So
 * each page is reduced to those features, and pages are picked greedily until every feature seen on any page
 * is on a picked page: a new component, section, class combination or heading jump in any entry pulls that
 * entry in; a hundredth entry made of parts already seen adds nothing. Every template (URL pattern) is in the
 * sample, with its largest page.
 */
import { load } from 'cheerio';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The template a page is rendered from, by URL pattern: every segment after the first becomes a star, so all term
 * pages share one pattern, and so do all the /attack/<ID>/<number>/ redirects of sub-techniques.
 */
export function templateOf(path: string): string {
  const [section, ...rest] = path.split('/').filter(Boolean);
  return rest.length ? `/${section}/${rest.map(() => '*').join('/')}/` : path;
}

export function pageFeatures(html: string): Set<string> {
  const $ = load(html);
  const features = new Set<string>();
  $('body *').each((_, el) => {
    if (el.type !== 'tag') return;
    const classes = ($(el).attr('class') ?? '')
      .split(/\s+/)
      .filter((c) => c && !c.startsWith('astro-'))
      .sort()
      .join('.');
    const aria = Object.keys(el.attribs)
      .filter((a) => a.startsWith('aria-') || a === 'role' || a === 'tabindex' || a === 'hidden')
      .sort()
      .join(',');
    const parent = el.parent && el.parent.type === 'tag' ? el.parent.name : '';
    features.add(`${parent}>${el.name}${classes ? `.${classes}` : ''}${aria ? `[${aria}]` : ''}`);
  });
  let previous = 1;
  $('h1, h2, h3, h4, h5, h6').each((_, el) => {
    const level = Number(el.tagName.slice(1));
    features.add(`heading ${previous}→${level}`);
    previous = level;
  });
  return features;
}

/** Each page's size and features, read once however many samples a test file draws from the same build. */
const measured = new Map<string, { size: number; features: Set<string> }>();

export function samplePages(dist: string, paths: readonly string[]): string[] {
  const info = paths.map((path) => {
    const file = join(dist, path.endsWith('/') ? `${path}index.html` : path);
    let page = measured.get(file);
    if (!page) {
      const html = readFileSync(file, 'utf8');
      measured.set(file, (page = { size: html.length, features: pageFeatures(html) }));
    }
    return { path, template: templateOf(path), ...page };
  });
  const picked = new Set<string>();
  const covered = new Set<string>();
  const take = (page: (typeof info)[number]) => {
    picked.add(page.path);
    for (const f of page.features) covered.add(f);
  };
  // The largest page of each template first: the most content, and every template represented.
  const largest = new Map<string, (typeof info)[number]>();
  for (const page of info) if ((largest.get(page.template)?.size ?? -1) < page.size) largest.set(page.template, page);
  for (const page of largest.values()) take(page);
  for (;;) {
    let best: (typeof info)[number] | undefined;
    let bestGain = 0;
    for (const page of info) {
      if (picked.has(page.path)) continue;
      let gain = 0;
      for (const f of page.features) if (!covered.has(f)) gain++;
      if (gain > bestGain) [best, bestGain] = [page, gain];
    }
    if (!best) break;
    take(best);
  }
  return [...picked].sort();
}

/** The slugs of the `count` term pages with the most text and the `count` with the most blocks, longest first. */
export function longestTermPages(dist: string, count: number): string[] {
  const slugs = readdirSync(join(dist, 'terms'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  const measured = slugs.map((slug) => {
    const $ = load(readFileSync(join(dist, 'terms', slug, 'index.html'), 'utf8'));
    const main = $('main');
    return {
      slug,
      text: main.text().replace(/\s+/g, ' ').length,
      blocks: main.find('p, li, tr, pre code > *, h2, h3, .card').length,
    };
  });
  const top = (key: 'text' | 'blocks') =>
    [...measured]
      .sort((a, b) => b[key] - a[key])
      .slice(0, count)
      .map((m) => m.slug);
  return [...new Set([...top('text'), ...top('blocks')])];
}
