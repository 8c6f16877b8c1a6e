/**
 * What every pack page starts with: the glossary's pack data (one same-origin JSON file) and the pack in the
 * page's query string, read with the rules of packs/pack-url.ts, plus the notices that tell a trainer what in
 * the link was renamed, unknown or cut.
 */
import { urls } from '../links/urls.ts';
import { packHref, readPack, type Pack, type PackReading } from '../packs/pack-url.ts';
import type { PackData, PackTerm } from '../packs/pack-term.ts';

export interface OpenPack {
  data: PackData;
  reading: PackReading;
  /** The pack's terms, in the pack's order. */
  terms: PackTerm[];
  bySlug: ReadonlyMap<string, PackTerm>;
}

let loading: Promise<PackData> | undefined;

export function loadPackData(): Promise<PackData> {
  loading ??= fetch(urls.packData()).then((response) => {
    if (!response.ok) throw new Error(`${urls.packData()}: HTTP ${response.status}`);
    return response.json() as Promise<PackData>;
  });
  return loading;
}

export async function openPack(location: Location | URL): Promise<OpenPack> {
  const data = await loadPackData();
  const bySlug = new Map(data.terms.map((term) => [term.slug, term]));
  const reading = readPack(new URLSearchParams(location.search), {
    slugs: [...bySlug.keys()],
    redirects: data.redirects,
  });
  return { data, reading, terms: reading.slugs.map((slug) => bySlug.get(slug)!), bySlug };
}

/** Notices as plain sentences; `strings` are the page's templates with {list}, {count} and {max} placeholders. */
export function packNotices(
  reading: PackReading,
  bySlug: ReadonlyMap<string, PackTerm>,
  strings: Record<'renamed' | 'unknown' | 'tooMany' | 'titleCut', string>,
): string[] {
  const notices: string[] = [];
  if (reading.renamed.length) {
    const list = reading.renamed.map(({ from, to }) => `${from} → ${bySlug.get(to)?.title ?? to}`).join(', ');
    notices.push(strings.renamed.replace('{list}', () => list));
  }
  if (reading.unknown.length) {
    const more = reading.truncated.unknown ? ` (+${reading.truncated.unknown})` : '';
    // A function, so "$&" in what the link said is not read as a replacement pattern.
    notices.push(strings.unknown.replace('{list}', () => reading.unknown.join(', ') + more));
  }
  if (reading.truncated.terms) notices.push(strings.tooMany.replace('{count}', String(reading.truncated.terms)));
  if (reading.truncated.title) notices.push(strings.titleCut);
  return notices;
}

/** Points every `a[data-pack-page]` (handout, flashcards, quiz, picker) at this pack. */
export function linkPackPages(root: ParentNode, pack: Pack): void {
  const pages: Record<string, () => string> = {
    picker: urls.packs,
    handout: urls.packHandout,
    flashcards: urls.packFlashcards,
    quiz: urls.packQuiz,
  };
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[data-pack-page]')) {
    const page = pages[link.dataset['packPage'] ?? ''];
    if (page) link.href = packHref(page(), pack);
  }
}
