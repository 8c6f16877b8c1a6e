/**
 * Pages that differ from one another only in a few values: the embed card (`/embed/<slug>/`), a term's "Use in
 * training" page (`/terms/<slug>/training/`), the redirect pages
 * (`/n/<number>/`, former slugs under `/terms/`, every form of an entry's ATT&CK ID under `/attack/`) and the page
 * of an ATT&CK ID without an entry (`/attack/<ID>/`). In a build, Astro renders each once as a template whose values
 * are placeholder tokens, and the `stamped-pages` integration writes every copy from the template and the checked
 * entries after Astro is done, with each term's JSON record. Rendered as Astro routes they were three extra pages
 * per term and about a thousand for ATT&CK IDs whatever the glossary's size (1,040 of the 1,293 pages Astro
 * rendered for 234 entries); `astro dev` still serves them as routes, from the same components, so both give the
 * same bytes.
 */
import { attackIdPaths, indexByAttackId } from '../attack/ids.ts';
import { idStubs, stubArticle, type IdStub } from '../attack/id-pages.ts';
import type { TermData } from '../schemas/term.ts';
import { CATEGORIES } from '../schemas/vocabulary.ts';
import { citations } from '../links/cite.ts';
import { embedSnippet } from '../links/embed-message.ts';
import { t } from '../i18n/ui.ts';
import { BASE, absolute, urls } from '../links/urls.ts';
import { escapeHtmlAttribute, escapeHtmlText } from '../text/escape.ts';

/**
 * Where the templates are rendered: `/embed/_template/`, `/embed/_template-attack/`, `/n/_template/`,
 * `/attack/_template/`. A term slug or an ATT&CK ID cannot start with "_", so no real page is ever mistaken for one.
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

type CardSource = { slug: string } & Pick<
  TermData,
  'title' | 'qualifier' | 'number' | 'category' | 'summary' | 'attack'
>;

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

/**
 * What the page of an ATT&CK ID without an entry shows around its facts; `article` is the facts' HTML
 * (attack/id-pages.ts), which varies in shape from ID to ID, so the template holds it as one raw value.
 */
export interface IdStubPage {
  id: string;
  name: string;
  kind: string;
  article: string;
}

export function idStubPageOf(stub: IdStub, base?: string): IdStubPage {
  return { id: stub.id, name: stub.name, kind: stub.kind, article: stubArticle(stub, base) };
}

export const idStubTemplate: IdStubPage = {
  id: token('id'),
  name: token('name'),
  kind: token('kind'),
  article: token('article'),
};

/** A value put into a template as it is: HTML, not text. */
export interface RawHtml {
  html: string;
}

type Values = EmbedCard | RedirectTarget | TrainingPage | (Omit<IdStubPage, 'article'> & { article: RawHtml });

// A tag with its attributes (values double-quoted, as Astro writes them), or a placeholder in text.
const TAG_OR_PLACEHOLDER = /(<[A-Za-z!/](?:[^>"]|"[^"]*")*>)|zqz(\w+?)zqz/g;
const PLACEHOLDER = /zqz(\w+?)zqz/g;

/**
 * The template with every placeholder replaced by its value, escaped as Astro escapes it where it stands: text
 * between tags escapes more characters than an attribute value does, and the same value may stand in both (a page's
 * title is in `<title>` and in `og:title`'s `content`).
 */
export function stamp(template: string, values: Values): string {
  const given = new Map<string, string | RawHtml | undefined>(Object.entries(values));
  const valueOf = (name: string) => {
    const value = given.get(name);
    if (value === undefined) throw new Error(`The page template has a placeholder "${name}" with no value to fill it.`);
    return value;
  };
  return template.replace(TAG_OR_PLACEHOLDER, (_match, tag: string | undefined, name: string | undefined) => {
    if (tag !== undefined) {
      return tag.replace(PLACEHOLDER, (_, inTag: string) => {
        const value = valueOf(inTag);
        if (typeof value !== 'string')
          throw new Error(`The page template has the HTML placeholder "${inTag}" inside a tag.`);
        return escapeHtmlAttribute(value);
      });
    }
    const value = valueOf(name!);
    return typeof value === 'string' ? escapeHtmlText(value) : value.html;
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

export function trainingPageOf(
  term: TrainingSource,
  { site, base = BASE }: { site: URL | string | undefined; base?: string },
): TrainingPage {
  const abs = (path: string) => absolute(path, site);
  const pageUrl = abs(urls.term(term.slug, base));
  const cited = citations({
    title: term.title,
    qualifier: term.qualifier,
    number: term.number,
    glossary: t('site.name'),
    url: pageUrl,
    reviewed: term.reviewed,
  });
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
  const names = [
    'slug',
    'title',
    'qualifier',
    'pageUrl',
    'shortUrl',
    'embedCode',
    'citationPlain',
    'citationApa',
    'citationBibtex',
    'citationMarkdown',
    'sections',
  ] as const;
  return {
    ...(Object.fromEntries(names.map((n) => [n, token(n)])) as Record<(typeof names)[number], string>),
    attackId: withAttack ? token('attackId') : undefined,
    attackUrl: withAttack ? token('attackUrl') : undefined,
  };
}

/** The values that fill the ID page's template for one ID. */
export function idStubValues(page: IdStubPage) {
  return { ...page, article: { html: page.article } };
}

/** A term as far as its ATT&CK ID's pages need it. */
type AttackSource = { slug: string; title: string; attack?: { id: string } | null | undefined };

/**
 * Every page under `/attack/<ID>/` but the matrix, the ID list and the layers: a redirect to the entry for every
 * form of an ID that has one (attackIdPaths), and the facts page of every Enterprise technique in use that has none
 * (idStubs). Paths are relative to the output folder, without `index.html`.
 */
export function attackPages(
  terms: readonly AttackSource[],
  templates: { redirect: string; idStub: string },
  base?: string,
): [string, string][] {
  const owners = indexByAttackId(terms, (term) => term.attack?.id).owners;
  const pages: [string, string][] = [];
  for (const [id, term] of owners) {
    const to = stamp(templates.redirect, { slug: term.slug, title: term.title });
    for (const path of attackIdPaths(id)) pages.push([`attack/${path}`, to]);
  }
  for (const stub of idStubs((id) => owners.get(id)?.slug))
    pages.push([`attack/${stub.id}`, stamp(templates.idStub, idStubValues(idStubPageOf(stub, base)))]);
  return pages;
}
