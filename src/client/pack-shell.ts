/**
 * What the flashcards and the self-test share around their own part: load the pack, put its title in the heading,
 * say what in the link was renamed, unknown or cut (components/packs/PackNotices.astro), point the links to the
 * other pack pages at this pack, and show "no terms yet" for an empty one.
 */
import { linkPackPages, openPack, packNotices, type OpenPack } from './pack-page.ts';

type Strings = Record<'failed' | 'renamed' | 'unknown' | 'tooMany' | 'titleCut' | 'count' | 'countOne', string>;

/** The open pack, or null when it could not load (the page then says so). An empty pack is returned as such. */
export async function startPackPage(doc: Document): Promise<OpenPack | null> {
  const status = doc.querySelector<HTMLElement>('[data-pack-status]')!;
  const strings = JSON.parse(status.dataset['strings'] ?? '{}') as Strings;
  let pack: OpenPack;
  try {
    pack = await openPack(doc.location);
  } catch {
    status.textContent = strings.failed;
    return null;
  }
  const { reading, terms, bySlug } = pack;
  showTitle(doc, reading.title);
  linkPackPages(doc, reading);

  const notices = packNotices(reading, bySlug, strings);
  const list = doc.querySelector<HTMLUListElement>('[data-pack-notices]')!;
  list.replaceChildren(...notices.map((text) => Object.assign(doc.createElement('li'), { textContent: text })));
  list.hidden = notices.length === 0;

  status.textContent = terms.length === 1 ? strings.countOne : fill(strings.count, { count: terms.length });
  doc.querySelector<HTMLElement>('[data-pack-empty]')!.hidden = terms.length > 0;
  return pack;
}

/** The heading and the window title name the pack; the heading carries both templates (`data-with` has {title}). */
function showTitle(doc: Document, title: string): void {
  const heading = doc.querySelector<HTMLElement>('[data-pack-heading]');
  if (!heading || title === '') return;
  const plain = heading.textContent ?? '';
  const named = (heading.dataset['with'] ?? '{title}').replace('{title}', () => title);
  heading.textContent = named;
  doc.title = doc.title.replace(plain, () => named);
}

/** Fills `{name}` placeholders in one of the page's strings; a name without a value stays as written. */
export function fill(template: string, values: Record<string, string | number | boolean>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
