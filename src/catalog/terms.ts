/**
 * The content gateway: the one place that queries the term collection. It hands pages ready-made lists and maps,
 * typed, so no page reads the collection's loose fields itself. The content loader has run every rule by the time
 * this module loads: a build stops there, and `astro dev` shows the latest problems on every page
 * (assertContentIsValid), so the rules are not run a second time here.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import bodies from 'virtual:glossary/bodies';
import { latestContentProblems } from '../entries/check-content.ts';
import { placementOf, slugsShown, type Placement } from '../attack/hierarchy.ts';
import { inMatrixOrder } from '../attack/matrix.ts';
import { relationsByTerm, type Edge } from './graph.ts';
import { contentProblemsError, DEV_PAGE_HINT } from '../entries/problems.ts';
import { CATEGORIES, type Category } from '../schemas/vocabulary.ts';
import type { TermData } from '../schemas/term.ts';
import type { ApiTerm } from '../schemas/api.ts';
import { apiTerm } from './api.ts';
import type { StoredProse } from '../entries/term-loader.ts';
import { absolute, urls } from '../links/urls.ts';
import { indexByAttackId } from '../attack/ids.ts';
import { t } from '../i18n/ui.ts';

export interface Term extends TermData {
  slug: string;
  categoryInfo: Category;
  entry: CollectionEntry<'terms'>;
  /** The body's headings and mentions, and the examples' and answers' HTML, as the content pass found them. */
  prose: StoredProse;
}

const entries = await getCollection('terms');

/** The one place the stored metadata (term-loader.ts) is read back; an entry stored without it has none of it. */
function proseOf(entry: CollectionEntry<'terms'>): StoredProse {
  const stored = (entry.rendered?.metadata ?? {}) as Partial<StoredProse>;
  return {
    headings: stored.headings ?? [],
    mentions: stored.mentions ?? [],
    mentionSections: stored.mentionSections ?? {},
    examples: stored.examples ?? [],
    answers: stored.answers ?? [],
  };
}

const categoryBySlug = new Map(CATEGORIES.map((c) => [c.slug, c]));

/** All terms, ordered by title. */
export const terms: readonly Term[] = entries
  .map((entry) => ({
    ...entry.data,
    slug: entry.id,
    categoryInfo: categoryBySlug.get(entry.data.category)!,
    entry,
    prose: proseOf(entry),
  }))
  .sort((a, b) => a.title.localeCompare(b.title, 'en', { sensitivity: 'base' }));

export const termsBySlug: ReadonlyMap<string, Term> = new Map(terms.map((t) => [t.slug, t]));

/** The term behind each /attack/<ID>/ link, under the same rule as the cross-entry check (indexByAttackId). */
export const termsByAttackId: ReadonlyMap<string, Term> = indexByAttackId(terms, (t) => t.attack?.id).owners;

const relations = relationsByTerm(terms);

/** A card in a list of terms, with how it relates to the page's term when it does. */
export interface TermLink {
  term: Term;
  label?: string | undefined;
  /** A section of the linked term's page to open at, when the link is about one place in it. */
  anchor?: string | undefined;
}

export interface LinkedTerm extends Edge {
  term: Term;
}

const link = (edge: Edge): LinkedTerm => ({ ...edge, term: termsBySlug.get(edge.slug)! });

/** Every relation touching the term, whichever file states it, labelled from this term's side. */
export function relatedOf(term: Term): LinkedTerm[] {
  return (relations.get(term.slug) ?? []).map(link);
}

// Body links are collected when bodies are compiled (markdown/body.ts); inverted here once.
const mentionedBy = new Map<string, Term[]>();
for (const term of terms) {
  for (const slug of term.prose.mentions) {
    const list = mentionedBy.get(slug) ?? [];
    list.push(term);
    mentionedBy.set(slug, list);
  }
}

/**
 * The related-term cards a page shows: every relation except the ATT&CK hierarchy (a technique's tactics and
 * parent, a tactic's or technique's members), which the placement table shows once already.
 */
export function relatedCards(term: Term): LinkedTerm[] {
  const inTable = new Set(slugsShown(placement(term)));
  return relatedOf(term).filter((link) => !(link.relation === 'part-of' && inTable.has(link.slug)));
}

/** Terms whose prose links to this term, by title. */
export function mentionsOf(term: Term): Term[] {
  return mentionedBy.get(term.slug) ?? [];
}

/** An Enterprise tactic's, technique's or sub-technique's place in ATT&CK, from MITRE's data. */
export function placement(term: Term): Placement | undefined {
  if (term.attack?.domain !== 'enterprise') return undefined;
  return placementOf(term.attack.id, (id) => termsByAttackId.get(id)?.slug);
}

/**
 * "Referenced by": the terms that mention this one, minus those "Related" and the ATT&CK placement already show,
 * each with the section of its page that links here (the opening paragraphs sit under "What is …?", the definition).
 */
export function referencesTo(term: Term): TermLink[] {
  const shown = new Set([term.slug, ...relatedOf(term).map((l) => l.slug), ...slugsShown(placement(term))]);
  return mentionsOf(term)
    .filter((other) => !shown.has(other.slug))
    .map((other) => {
      const anchor = other.prose.mentionSections[term.slug];
      const heading = anchor === undefined ? undefined : other.prose.headings.find((h) => h.slug === anchor)?.text;
      return heading === undefined
        ? { term: other, anchor: 'definition', label: t('term.mentionedInDefinition') }
        : { term: other, anchor, label: t('term.mentionedIn', { section: heading }) };
    });
}

/** A category's terms: alphabetical, except that Enterprise tactics come first in matrix order. */
export function termsInCategory(slug: string): Term[] {
  return inMatrixOrder(terms.filter((t) => t.category === slug));
}

export { CATEGORIES };

/** The term's body as a component, compiled by @astrojs/mdx: render it with the body components, `<Content components={bodyComponents} />`. */
export async function bodyOf(term: Term) {
  const load = bodies.get(term.slug);
  if (!load) throw new Error(`No compiled body for ${term.slug}: the content check did not pass its file.`);
  return (await load()).default;
}

/** Throws the latest content problems (see latestContentProblems): every page calls this through BaseLayout. */
export function assertContentIsValid(): void {
  const latest = latestContentProblems();
  if (!latest.length) return;
  throw contentProblemsError(latest, DEV_PAGE_HINT);
}

/** A term's public JSON record, with its page's absolute URL on the configured site. */
export function apiTermOf(term: Term, site: URL | undefined): ApiTerm {
  return apiTerm(term, absolute(urls.term(term.slug), site));
}

/** Every term's public record, in A–Z order. */
export function apiTerms(site: URL | undefined): ApiTerm[] {
  return terms.map((term) => apiTermOf(term, site));
}
