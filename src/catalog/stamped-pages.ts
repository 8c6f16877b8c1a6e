/**
 * Pages that differ between terms only in a few escaped values: the embed card (`/embed/<slug>/`), the "Use in
 * training" page (`/terms/<slug>/training/`) and the redirect pages (`/n/<number>/`, former slugs under `/terms/`). In a build, Astro renders each once as a template whose
 * values are placeholder tokens, and the `stamped-pages` integration writes every term's copy from the template and
 * the checked entries after Astro is done, with each term's JSON record. Rendered as Astro routes they were three
 * extra pages per term, about a third of the files a build writes and a tenth of its time; `astro dev` still
 * serves them as routes, from the same components, so both give the same bytes.
 */
import type { TermData } from '../schemas/term.ts';
import { CATEGORIES } from '../schemas/vocabulary.ts';
import { citations } from '../links/cite.ts';
import { embedSnippet } from '../links/embed-message.ts';
import { t } from '../i18n/ui.ts';
import { BASE, absolute, urls } from '../links/urls.ts';

/**
 * Where the templates are rendered: `/embed/_template/`, `/embed/_template-attack/`, `/n/_template/`. A term slug
 * cannot start with "_", so no term's page is ever mistaken for one.
 */
export const TEMPLATE = '_template';
export const ATTACK_TEMPLATE = '_template-attack';

/** A placeholder: lowercase letters only, so escaping, URLs and the UI strings pass it through unchanged. */
const token = (name: string) => `zqz${name}zqz`;

/** What an embed card shows. */
export interface EmbedCard {
  slug: string;
  title: string;
  qualifier: string;
  category: string;
  number: string;
  attackId: string | undefined;
  summary: string;
}

/** What a redirect page shows: it leads to the term's page. */
export interface RedirectTarget {
  slug: string;
  title: string;
}

type CardSource = { slug: string } & Pick<TermData, 'title' | 'qualifier' | 'number' | 'category' | 'summary' | 'attack'>;

const categoryName = new Map(CATEGORIES.map((c) => [c.slug, c.name]));

export function embedCardOf(term: CardSource): EmbedCard {
  return {
    slug: term.slug,
    title: term.title,
    qualifier: term.qualifier,
    category: categoryName.get(term.category) ?? term.category,
    number: String(term.number),
    attackId: term.attack?.id,
    summary: term.summary,
  };
}

/** The embed card's template; cards with and without an ATT&CK ID differ in markup, not only in values. */
export function embedTemplate(withAttack: boolean): EmbedCard {
  return {
    slug: token('slug'),
    title: token('title'),
    qualifier: token('qualifier'),
    category: token('category'),
    number: token('number'),
    attackId: withAttack ? token('attackId') : undefined,
    summary: token('summary'),
  };
}

export const redirectTemplate: RedirectTarget = { slug: token('slug'), title: token('title') };

// Astro's own escaping of text and attribute values, so a stamped page has the bytes Astro would have written.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };
const escapeHtml = (value: string) => value.replace(/[&<>'"]/g, (c) => ENTITIES[c]!);

/** The template with every placeholder replaced by the value's escaped text. */
export function stamp(template: string, values: EmbedCard | RedirectTarget | TrainingPage): string {
  const given = new Map<string, string | undefined>(Object.entries(values));
  return template.replace(/zqz(\w+?)zqz/g, (_, name: string) => {
    const value = given.get(name);
    if (value === undefined) throw new Error(`The page template has a placeholder "${name}" with no value to fill it.`);
    return escapeHtml(value);
  });
}

/**
 * What a term's "Use in training" page fills in: its addresses, the embed code and the four citations, each
 * computed here whole (so the template holds one placeholder for each), and the sections a page link can point at.
 */
export interface TrainingPage {
  slug: string;
  title: string;
  qualifier: string;
  pageUrl: string;
  shortUrl: string;
  attackId: string | undefined;
  attackUrl: string | undefined;
  embedCode: string;
  citationPlain: string;
  citationApa: string;
  citationBibtex: string;
  citationMarkdown: string;
  /** JSON of `[id, text]` pairs, read by src/client/section-link.ts; the list needs JavaScript anyway. */
  sections: string;
}

type TrainingSource = { slug: string; headings: readonly { depth: number; slug: string; text: string }[] } & Pick<
  TermData,
  'title' | 'qualifier' | 'number' | 'reviewed' | 'attack'
>;

/**
 * The sections every term page has, in page order, that training material links to: the definition, the body's
 * headings, the examples, the FAQ and the sources (the lists that depend on other entries are left out).
 */
function linkableSections(term: TrainingSource): [string, string][] {
  return [
    ['definition', t('term.what', { title: term.title })],
    ...term.headings.filter((h) => h.depth === 2 || h.depth === 3).map((h): [string, string] => [h.slug, h.text]),
    ['examples', t('term.examples')],
    ['faq', t('term.faq')],
    ['sources', t('term.sources')],
  ];
}

export function trainingPageOf(term: TrainingSource, { site, base = BASE }: { site: URL | string | undefined; base?: string }): TrainingPage {
  const abs = (path: string) => absolute(path, site);
  const pageUrl = abs(urls.term(term.slug, base));
  const cited = citations({ title: term.title, qualifier: term.qualifier, number: term.number, glossary: t('site.name'), url: pageUrl, reviewed: term.reviewed });
  return {
    slug: term.slug,
    title: term.title,
    qualifier: term.qualifier,
    pageUrl,
    shortUrl: abs(urls.number(term.number, base)),
    attackId: term.attack?.id,
    attackUrl: term.attack ? abs(urls.attack(term.attack.id, base)) : undefined,
    embedCode: embedSnippet(abs(urls.embed(term.slug, base)), `${term.title} (${term.qualifier})`),
    citationPlain: cited.plain,
    citationApa: cited.apa,
    citationBibtex: cited.bibtex,
    citationMarkdown: cited.markdown,
    sections: JSON.stringify(linkableSections(term)),
  };
}

/** The training page's template; pages with and without an ATT&CK link differ in markup. */
export function trainingTemplate(withAttack: boolean): TrainingPage {
  const names = ['slug', 'title', 'qualifier', 'pageUrl', 'shortUrl', 'embedCode', 'citationPlain', 'citationApa', 'citationBibtex', 'citationMarkdown', 'sections'] as const;
  return {
    ...(Object.fromEntries(names.map((n) => [n, token(n)])) as Record<(typeof names)[number], string>),
    attackId: withAttack ? token('attackId') : undefined,
    attackUrl: withAttack ? token('attackUrl') : undefined,
  };
}
