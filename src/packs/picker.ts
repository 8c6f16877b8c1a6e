/**
 * What the pack picker does to a pack, as plain functions: add, remove and reorder terms, narrow the list by a
 * filter, pick a tactic's terms, and keep the pack being built in the browser (the draft) so that "Add to a pack"
 * on a term page adds to it. The page script only wires these to the DOM.
 */
import { slugify } from '../links/urls.ts';
import type { PackTerm } from './pack-term.ts';
import { MAX_TERMS, readPack, type Pack, type PackCatalog } from './pack-url.ts';

/** Adds the slugs the pack does not hold yet, at its end, up to `MAX_TERMS`. */
export function addTerms(pack: Pack, slugs: readonly string[]): Pack {
  const next = [...pack.slugs];
  for (const slug of slugs) if (!next.includes(slug) && next.length < MAX_TERMS) next.push(slug);
  return { ...pack, slugs: next };
}

export function removeTerms(pack: Pack, slugs: readonly string[]): Pack {
  const gone = new Set(slugs);
  return { ...pack, slugs: pack.slugs.filter((slug) => !gone.has(slug)) };
}

/** Moves one term a place up (-1) or down (1); at either end the pack stays as it is. */
export function moveTerm(pack: Pack, slug: string, by: -1 | 1): Pack {
  const from = pack.slugs.indexOf(slug);
  const to = from + by;
  if (from === -1 || to < 0 || to >= pack.slugs.length) return pack;
  const next = [...pack.slugs];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return { ...pack, slugs: next };
}

/** Lower case without accents, so "Powershell" finds "PowerShell" and "execucao" finds "execução". */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Whether a term matches what the trainer typed in the filter: every word of it must appear in the title, an
 * alias or the ATT&CK ID, so "win shell" finds "Windows Command Shell" and "t1059" every interpreter.
 */
export function matchesFilter(term: PackTerm, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const haystack = fold([term.title, ...term.aliases, term.attack?.id ?? ''].join('\n'));
  return words.every((word) => haystack.includes(word));
}

/** "Every Execution technique": the terms placed under the tactic, the tactic's own entry included. */
export function termsOfTactic(terms: readonly PackTerm[], tacticId: string): string[] {
  return terms.filter((term) => term.tactics.includes(tacticId)).map((term) => term.slug);
}

/** Where the pack being built is kept between visits: one per browser, overwritten on every change. */
export const DRAFT_KEY = 'security-glossary:pack-draft';

export function draftText(pack: Pack): string {
  return JSON.stringify({ title: pack.title, slugs: pack.slugs });
}

/**
 * The stored draft, read with the rules of a pack link (renames followed, unknown slugs left out), or undefined
 * when there is none or it is not what `draftText` writes: hand-edited or corrupt storage must not break the page.
 */
export function readDraft(stored: string | null, catalog: PackCatalog): Pack | undefined {
  if (!stored) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { title, slugs } = value as { title?: unknown; slugs?: unknown };
  if (!Array.isArray(slugs) || !slugs.every((slug) => typeof slug === 'string')) return undefined;
  const params = new URLSearchParams({ terms: slugs.join(',') });
  if (typeof title === 'string') params.set('title', title);
  const reading = readPack(params, catalog);
  return { title: reading.title, slugs: reading.slugs };
}

/**
 * The pack the picker opens with. A link with `add` (the term page's "Add to a pack") adds its terms to the
 * draft; a plain `/packs/` reopens the draft; any other link is the pack it names.
 */
export function startingPack(
  link: Pack,
  params: URLSearchParams,
  draft: Pack | undefined,
): { pack: Pack; from: 'link' | 'draft' | 'added' } {
  if (params.has('add')) {
    if (!draft) return { pack: link, from: 'link' };
    return { pack: addTerms(draft, link.slugs), from: 'added' };
  }
  if (!params.has('terms') && !params.has('title') && draft && (draft.slugs.length || draft.title))
    return { pack: draft, from: 'draft' };
  return { pack: link, from: 'link' };
}

/** The start of every download's file name: the pack's title as a slug, or a generic name for an untitled pack. */
export function packFileStem(title: string): string {
  return slugify(title) || 'course-pack';
}
