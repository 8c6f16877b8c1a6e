/**
 * The card image shown when a term's link is pasted into chat, an LMS or a
 * slide tool: an SVG drawn here, turned into PNG at build time (most
 * link-preview services do not accept SVG).
 */
export interface OgCard {
  title: string;
  qualifier: string;
  number: number;
  category: string;
  site: string;
}

export const OG_SIZE = { width: 1200, height: 630 } as const;

/** Text as XML character data: markup escaped, and characters XML 1.0 cannot hold (control characters) dropped. */
const escapeXml = (text: string) =>
  text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

// Advance widths of DejaVu Sans (the first and widest of the card's fonts), in em, for " " to "~", measured with
// librsvg. Other characters count as their base letter ("é" as "e"), or as wide as "W" when unknown.
const ASCII_EM = {
  bold: '.348 .456 .521 .838 .696 1.002 .872 .306 .457 .457 .523 .838 .380 .415 .380 .365 .696 .696 .696 .696 .696 .696 .696 .696 .696 .696 .400 .400 .838 .838 .838 .580 1.000 .774 .762 .734 .830 .683 .683 .821 .837 .372 .372 .775 .637 .995 .837 .850 .733 .850 .770 .676 .705 .812 .774 1.103 .771 .724 .725 .457 .365 .457 .838 .500 .500 .675 .716 .593 .716 .678 .435 .716 .712 .343 .343 .665 .343 1.042 .712 .687 .716 .716 .493 .595 .478 .712 .652 .924 .645 .652 .582 .712 .365 .712 .838',
  regular: '.318 .401 .460 .838 .636 .950 .780 .275 .390 .390 .500 .838 .318 .361 .318 .337 .636 .636 .636 .636 .636 .636 .636 .636 .636 .636 .337 .337 .838 .838 .838 .531 1.000 .711 .686 .698 .770 .632 .575 .775 .752 .295 .295 .656 .557 .863 .748 .787 .603 .787 .695 .635 .594 .732 .684 .989 .685 .611 .685 .390 .337 .390 .838 .500 .500 .613 .635 .550 .635 .615 .352 .635 .634 .278 .278 .579 .278 .974 .634 .612 .635 .635 .394 .521 .392 .634 .592 .818 .592 .592 .525 .636 .337 .636 .838',
};
const EM = { bold: ASCII_EM.bold.split(' ').map(Number), regular: ASCII_EM.regular.split(' ').map(Number) };
const WIDE = 1.103;

/** The width of `text` in pixels at `size`, as DejaVu Sans draws it (a little more for fonts it does not know). */
export function textWidth(text: string, size: number, bold: boolean): number {
  const table = bold ? EM.bold : EM.regular;
  let em = 0;
  for (const char of text) {
    const base = char.normalize('NFD')[0]!;
    const code = base.charCodeAt(0);
    em += code >= 32 && code < 127 ? table[code - 32]! : WIDE;
  }
  return em * size;
}

/**
 * Greedy word wrap: as many words on a line as `fits` allows. A word too long for a line of its own is broken,
 * after a hyphen or slash when there is one, so nothing runs off the card; an overflowing last line ends in "…".
 */
export function wrap(text: string, fits: (line: string) => boolean, maxLines: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && fits(`${last} ${word}`)) {
      lines[lines.length - 1] = `${last} ${word}`;
      continue;
    }
    let rest = [...word];
    while (rest.length > 1 && !fits(rest.join(''))) {
      let cut = 1;
      while (cut < rest.length - 1 && fits(rest.slice(0, cut + 1).join(''))) cut++;
      const hyphen = Math.max(...['-', '/', '.', '_'].map((c) => rest.slice(0, cut).lastIndexOf(c)));
      if (hyphen > 0 && hyphen < cut - 1) cut = hyphen + 1;
      lines.push(rest.slice(0, cut).join(''));
      rest = rest.slice(cut);
    }
    lines.push(rest.join(''));
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let end = [...kept[maxLines - 1]!];
  while (end.length > 1 && !fits(`${end.join('')}…`)) end = end.slice(0, -1);
  kept[maxLines - 1] = `${end.join('').trimEnd()}…`;
  return kept;
}

/** A card is flat colour plus lines of text; `y` is each line's baseline. */
export interface OgLayout {
  background: string;
  bar: { color: string; height: number };
  lines: { text: string; x: number; y: number; size: number; bold: boolean; color: string }[];
}

/** Text starts 80 px from the left edge and stays 80 px clear of the right one. */
const MARGIN = 80;
const TEXT_WIDTH = OG_SIZE.width - 2 * MARGIN;

/** The largest size up to `size` at which one line of text fits the card, and the line, ending in "…" if even 24 px is too wide. */
function fitLine(text: string, size: number, bold: boolean): { text: string; size: number } {
  const width = textWidth(text, size, bold);
  if (width <= TEXT_WIDTH) return { text, size };
  const smaller = Math.max(24, Math.floor((size * TEXT_WIDTH) / width));
  return { text: wrap(text, (line) => textWidth(line, smaller, bold) <= TEXT_WIDTH, 1)[0]!, size: smaller };
}

export function ogLayout(card: OgCard): OgLayout {
  // Long titles get a smaller size and a third line rather than losing words.
  const titleAt = (size: number, lines: number) => wrap(card.title, (line) => textWidth(line, size, true) <= TEXT_WIDTH, lines);
  const fits = titleAt(84, 3).length <= 2;
  const [size, step] = fits ? [84, 96] : [64, 74];
  const titleLines = titleAt(size, 3);
  const below = 250 + titleLines.length * step + 10;
  const head = fitLine(`${card.site} · № ${card.number}`, 36, false);
  const foot = fitLine(`${card.qualifier} · ${card.category}`, 44, false);
  return {
    background: '#0b1220',
    bar: { color: '#8ab4ff', height: 14 },
    lines: [
      { text: head.text, x: MARGIN, y: 140, size: head.size, bold: false, color: '#b4bcc6' },
      ...titleLines.map((text, i) => ({ text, x: MARGIN, y: 250 + i * step, size, bold: true, color: '#ffffff' })),
      { text: foot.text, x: MARGIN, y: below, size: foot.size, bold: false, color: '#e8eaed' },
    ],
  };
}

type OgLine = OgLayout['lines'][number];

/** The highest row a line's glyphs can reach: ascenders and accents stay within one font size above the baseline. */
export const lineTop = (line: OgLine) => line.y - Math.ceil(line.size);

const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';

/**
 * The text of a card as one SVG on a transparent canvas that covers only the
 * band the lines occupy (from the first line's ascenders to the last line's
 * descenders, from the left margin to the right edge); `top` and `left` place it on the card.
 */
export function textBandSvg(layout: OgLayout): { svg: string; top: number; left: number } {
  const left = Math.min(...layout.lines.map((l) => l.x));
  const top = Math.min(...layout.lines.map(lineTop));
  const bottom = Math.min(OG_SIZE.height, Math.max(...layout.lines.map((l) => l.y + Math.ceil(l.size * 0.3))));
  const text = layout.lines
    .map(
      (l) =>
        `<text x="${l.x - left}" y="${l.y - top}" font-size="${l.size}"${l.bold ? ' font-weight="bold"' : ''} fill="#ffffff">${escapeXml(l.text)}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_SIZE.width - left}" height="${bottom - top}" font-family="${FONT}">${text}</svg>`;
  return { svg, top, left };
}
