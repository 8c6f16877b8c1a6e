/**
 * The printable handout of a course pack: the pack's title, its own link with a QR code, and per term the
 * definition, one example and the short link with its QR code. Everything is built with text nodes (term text and
 * the pack title come from a link anyone can write); the QR SVGs come from packs/qr.ts and are parsed, not
 * assigned as HTML.
 */
import { urls } from '../links/urls.ts';
import { packHref } from '../packs/pack-url.ts';
import type { PackTerm } from '../packs/pack-term.ts';
import { qrModules, qrSvg, QUIET_ZONE } from '../packs/qr.ts';
import { linkPackPages, openPack, packNotices } from './pack-page.ts';

type Strings = Record<
  | 'defaultTitle'
  | 'defaultTitleOne'
  | 'meta'
  | 'metaOne'
  | 'packQr'
  | 'packTooLong'
  | 'termQr'
  | 'attackId'
  | 'example'
  | 'loading'
  | 'failed'
  | 'siteName'
  | 'renamed'
  | 'unknown'
  | 'tooMany'
  | 'titleCut',
  string
>;

/** Printed size of one module of the pack's QR code: phone cameras read 0.4 mm modules from a sheet on the desk. */
const PACK_MODULE_MM = 0.4;
/** The smallest printed pack code: at 30 mm a phone reads it from about 2 m, off a handout pinned to a wall. */
const PACK_QR_MIN_MM = 30;

export async function startHandout(doc: Document): Promise<void> {
  const status = doc.querySelector<HTMLElement>('[data-handout-status]')!;
  const strings = JSON.parse(status.dataset['strings'] ?? '{}') as Strings;
  const fill = (text: string, values: Record<string, string | number>) =>
    text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
  status.textContent = strings.loading;

  let opened;
  try {
    opened = await openPack(doc.location);
  } catch (error) {
    status.textContent = strings.failed;
    throw error;
  }
  const { reading, terms, bySlug } = opened;
  status.textContent = '';

  const notices = packNotices(reading, bySlug, strings);
  const noticeList = doc.querySelector<HTMLUListElement>('[data-handout-notices]')!;
  noticeList.replaceChildren(...notices.map((notice) => element(doc, 'li', notice)));
  noticeList.hidden = notices.length === 0;

  if (terms.length === 0) {
    doc.querySelector<HTMLElement>('[data-handout-empty]')!.hidden = false;
    return;
  }

  const count = terms.length;
  const title = reading.title || fill(count === 1 ? strings.defaultTitleOne : strings.defaultTitle, { count });
  doc.querySelector('[data-handout-title]')!.textContent = title;
  // Browsers name the PDF and head the printed page after the document title.
  doc.title = `${title} · ${strings.siteName}`;
  const meta = doc.querySelector<HTMLElement>('[data-handout-meta]')!;
  meta.textContent = fill(count === 1 ? strings.metaOne : strings.meta, { count });
  meta.hidden = false;

  const packBase = status.dataset['packBase'] || new URL(urls.packs(), doc.location.href).href;
  const packUrl = new URL(packHref('', reading), packBase).href;
  // The code holds the short form (the terms alone): fewer modules, so each prints larger and scans from further.
  const packQrUrl = new URL(packHref('', { slugs: reading.slugs, title: '' }), packBase).href;
  const link = doc.querySelector<HTMLAnchorElement>('[data-handout-link]')!;
  link.href = packUrl;
  link.textContent = packUrl;
  doc.querySelector<HTMLElement>('[data-handout-pack]')!.hidden = false;
  const packQr = doc.querySelector<HTMLElement>('[data-handout-qr]')!;
  packQr.replaceChildren(packQrCode(doc, packQrUrl, strings));
  packQr.hidden = false;

  doc.querySelector('[data-handout-terms]')!.replaceChildren(...terms.map((term) => termBlock(doc, term, strings)));

  linkPackPages(doc, reading);
  doc.querySelector('[data-handout-print]')!.addEventListener('click', () => window.print());
  doc.querySelector<HTMLElement>('[data-handout-toolbar]')!.hidden = false;
}

function termBlock(doc: Document, term: PackTerm, strings: Strings): HTMLLIElement {
  const heading = element(doc, 'h2', term.title);
  if (term.qualifier) heading.append(' ', element(doc, 'span', `(${term.qualifier})`, 'qualifier'));
  if (term.attack) {
    const id = element(doc, 'span', '', 'attack-id');
    id.append(element(doc, 'span', `${strings.attackId} `, 'visually-hidden'), term.attack.id);
    heading.append(' ', id);
  }

  const qr = element(doc, 'div', '', 'qr');
  qr.append(svgFromMarkup(doc, qrSvg(term.shortUrl, { label: strings.termQr.replace('{title}', term.title) })));

  const block = element(doc, 'li', '', 'handout-term');
  block.append(heading, qr, element(doc, 'p', term.summary, 'definition'));
  if (term.example) {
    const example = element(doc, 'p', '', 'example');
    example.append(element(doc, 'span', strings.example, 'example-label'), ' ', term.example);
    block.append(example);
  }
  const short = element(doc, 'p', '', 'short');
  const shortLink = element(doc, 'a', term.shortUrl, 'url');
  shortLink.href = term.shortUrl;
  short.append(shortLink);
  block.append(short);
  return block;
}

/**
 * The pack's link grows with every term, so its code has more modules than a term's: its printed size follows the
 * module count (set as SVG attributes, which the CSP allows, unlike a style attribute). A link too long for any QR
 * code gets a sentence instead: the link itself is printed above it.
 */
function packQrCode(doc: Document, url: string, strings: Strings): Node {
  let side: number;
  try {
    side = qrModules(url).length + 2 * QUIET_ZONE;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return element(doc, 'p', strings.packTooLong, 'too-long');
  }
  const svg = svgFromMarkup(doc, qrSvg(url, { label: strings.packQr }));
  const size = `${Math.max(PACK_QR_MIN_MM, side * PACK_MODULE_MM)}mm`;
  svg.setAttribute('width', size);
  svg.setAttribute('height', size);
  return svg;
}

/** Parses SVG markup as XML and adopts it into the page; parsing fails loudly rather than inserting an error page. */
function svgFromMarkup(doc: Document, markup: string): SVGSVGElement {
  const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml');
  const root = parsed.documentElement;
  if (!(root instanceof SVGSVGElement)) throw new Error(`A QR code did not parse as SVG: ${root.textContent ?? ''}`);
  return doc.importNode(root, true);
}

function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  text: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (text) node.textContent = text;
  if (className) node.className = className;
  return node;
}
