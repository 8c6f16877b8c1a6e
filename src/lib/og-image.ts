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

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** Greedy word wrap by character count, good enough for one font at one size; an overflowing last line ends in “…”. */
export function wrap(text: string, perLine: number, maxLines: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= perLine) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, perLine - 1)}…`;
  return kept;
}

/** A card is flat colour plus lines of text; `y` is each line's baseline. */
export interface OgLayout {
  background: string;
  bar: { color: string; height: number };
  lines: { text: string; x: number; y: number; size: number; bold: boolean; color: string }[];
}

export function ogLayout(card: OgCard): OgLayout {
  // Long titles get a smaller size and a third line rather than losing words.
  const fits = wrap(card.title, 24, 3).length <= 2;
  const [size, perLine, step] = fits ? [84, 24, 96] : [64, 32, 74];
  const titleLines = wrap(card.title, perLine, 3);
  const below = 250 + titleLines.length * step + 10;
  return {
    background: '#0b1220',
    bar: { color: '#8ab4ff', height: 14 },
    lines: [
      { text: `${card.site} · № ${card.number}`, x: 80, y: 140, size: 36, bold: false, color: '#b4bcc6' },
      ...titleLines.map((text, i) => ({ text, x: 80, y: 250 + i * step, size, bold: true, color: '#ffffff' })),
      { text: `${card.qualifier} · ${card.category}`, x: 80, y: below, size: 44, bold: false, color: '#e8eaed' },
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
