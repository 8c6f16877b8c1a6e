/**
 * A course pack lives entirely in its URL: `/packs/?terms=<slug>,<slug>…&title=<text>`.
 * Nothing is stored on a server, so this module is the whole contract between the trainer
 * who writes the link and the students who open it. Runs in Node and in the browser.
 */
import { removeInvisibleControls } from '../text/invisible.ts';

/** Most terms one pack holds; more would make a handout nobody prints and a quiz nobody finishes. */
export const MAX_TERMS = 200;

/** Longest pack title, in user-perceived characters: it is a heading, not a description. */
export const MAX_TITLE_LENGTH = 120;

/** Unknown entries are echoed back to the trainer; a hostile link must not echo a megabyte. */
const MAX_ECHOED_LENGTH = 80;

export interface Pack {
  title: string;
  /** Current slugs, in the trainer's order, without repeats. */
  slugs: string[];
  /** Fixes the shuffles of flashcards and quiz, so a class sees the same order; absent means random. */
  seed?: number | undefined;
}

export interface PackCatalog {
  slugs: ReadonlySet<string> | readonly string[];
  /** Old slug to current slug, for terms that were renamed. */
  redirects: Readonly<Record<string, string>>;
}

export interface Renamed {
  from: string;
  to: string;
}

export interface PackReading extends Pack {
  /** Entries that used an old slug, so the page can say "X is now Y" and offer the updated link. */
  renamed: Renamed[];
  /** Entries matching no term, as typed (clipped to 80 characters), so the trainer can fix the link. */
  unknown: string[];
  truncated: {
    /** Terms left out because the pack already held `MAX_TERMS`. */
    terms: number;
    /** Unknown entries not listed because `unknown` already held `MAX_TERMS`. */
    unknown: number;
    /** Whether the title was cut to `MAX_TITLE_LENGTH`. */
    title: boolean;
  };
}

/**
 * Reads a pack from the page's query string. Every `terms` parameter counts (a link assembled by
 * hand may repeat it); the first `title` wins. Nothing the trainer typed is dropped without a
 * report: renamed, unknown and over-the-limit entries each come back in their own field.
 */
export function readPack(params: URLSearchParams, catalog: PackCatalog): PackReading {
  const known = catalog.slugs instanceof Set ? catalog.slugs : new Set(catalog.slugs);
  const fullTitle = cleanTitle(params.get('title') ?? '');
  const title = clipGraphemes(fullTitle, MAX_TITLE_LENGTH).trim();
  const reading: PackReading = {
    title,
    slugs: [],
    seed: readSeed(params.get('seed')),
    renamed: [],
    unknown: [],
    truncated: { terms: 0, unknown: 0, title: title !== fullTitle },
  };
  const taken = new Set<string>();
  for (const entry of termEntries(params)) {
    const current = resolveSlug(entry, known, catalog.redirects);
    if (current === undefined) {
      addUnknown(reading, entry);
      continue;
    }
    // Reported even when the new slug is also in the link, so the trainer can tidy it.
    if (current !== entry) reading.renamed.push({ from: entry, to: current });
    if (taken.has(current)) continue;
    taken.add(current);
    if (reading.slugs.length < MAX_TERMS) reading.slugs.push(current);
    else reading.truncated.terms++;
  }
  return reading;
}

/** The distinct, normalised entries of every `terms` parameter, in the order they were written. */
function termEntries(params: URLSearchParams): string[] {
  const entries = params
    .getAll('terms')
    .flatMap((value) => value.split(','))
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '');
  return [...new Set(entries)];
}

/** Follows renames, including a rename of a renamed term, and stops on a loop in the map. */
function resolveSlug(
  entry: string,
  known: ReadonlySet<string>,
  redirects: PackCatalog['redirects'],
): string | undefined {
  const seen = new Set<string>();
  let slug = entry;
  while (!known.has(slug)) {
    if (seen.has(slug) || !Object.hasOwn(redirects, slug)) return undefined;
    seen.add(slug);
    slug = redirects[slug]!;
  }
  return slug;
}

function addUnknown(reading: PackReading, entry: string): void {
  if (reading.unknown.length >= MAX_TERMS) {
    reading.truncated.unknown++;
    return;
  }
  const printable = removeInvisibleControls(entry);
  const clipped = clipGraphemes(printable, MAX_ECHOED_LENGTH);
  reading.unknown.push(clipped === printable ? printable : `${clipped}…`);
}

/**
 * Control characters (a `%00` in the link) and bidirectional overrides are removed: the title is
 * shown as a heading and printed on handouts, where an override could make it read backwards.
 */
function cleanTitle(raw: string): string {
  const oneLine = raw.toWellFormed().replace(/\s+/gu, ' ');
  return removeInvisibleControls(oneLine).replace(/ {2,}/g, ' ').trim();
}

/** Cuts by grapheme so an emoji or an accented letter is never split in half. */
function clipGraphemes(text: string, max: number): string {
  if (text.length <= max) return text;
  const segments = new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text);
  let clipped = '';
  let count = 0;
  for (const { segment } of segments) {
    if (count++ === max) break;
    clipped += segment;
  }
  return clipped;
}

/** A seed is a whole number from 0 to 2³²−1; anything else means "random". */
function readSeed(raw: string | null): number | undefined {
  if (raw === null || !/^\d{1,10}$/.test(raw)) return undefined;
  const seed = Number(raw);
  return seed <= 0xffffffff ? seed : undefined;
}

/**
 * The query string for a pack, always in the order `terms`, `title`, `seed`, so the same pack
 * gives the same link (and the same cache key and QR code). Commas stay literal to keep links
 * readable; slugs are [a-z0-9-] so they never contain one.
 */
export function packSearch(pack: Pack): string {
  const parts = [`terms=${pack.slugs.map(encodeURIComponent).join(',')}`];
  const title = cleanTitle(pack.title);
  if (title !== '') parts.push(`title=${encodeURIComponent(title)}`);
  if (pack.seed !== undefined) parts.push(`seed=${pack.seed}`);
  return `?${parts.join('&')}`;
}

/** The link to one of the pack pages (`urls.packs()`, `urls.packHandout()`…) for this pack. */
export function packHref(basePath: string, pack: Pack): string {
  return basePath + packSearch(pack);
}
