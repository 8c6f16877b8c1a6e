/**
 * The card image shown when a term's link is pasted into chat, an LMS or a
 * slide tool: an SVG drawn here, turned into PNG at build time (most
 * link-preview services do not accept SVG). The same measured layout draws the
 * term's 1920×1080 slide (`slideSvg`), which ships as SVG.
 */
export interface OgCard {
  title: string;
  qualifier: string;
  number: number;
  category: string;
  site: string;
  /** The one-line definition. */
  summary: string;
  /** The ATT&CK ID (`T1059.001`) when the term is an ATT&CK object. */
  attackId?: string | undefined;
  /** The absolute short URL (`https://host/base/n/<number>/`), printed on the slide. */
  url: string;
}

export const OG_SIZE = { width: 1200, height: 630 } as const;

/** Text as XML character data: markup escaped, and characters XML 1.0 cannot hold (control characters) dropped. */
const escapeXml = (text: string) =>
  text
    .replace(
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '',
    )
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

// Advance widths of DejaVu Sans (the first and widest of the card's fonts), in em, for " " to "~", measured with
// librsvg. Other characters count as their base letter ("é" as "e"), or as wide as "W" when unknown; emoji, which
// colour-emoji fonts draw 1.28 em wide, count as 1.3 em.
const ASCII_EM = {
  bold: '.348 .456 .521 .838 .696 1.002 .872 .306 .457 .457 .523 .838 .380 .415 .380 .365 .696 .696 .696 .696 .696 .696 .696 .696 .696 .696 .400 .400 .838 .838 .838 .580 1.000 .774 .762 .734 .830 .683 .683 .821 .837 .372 .372 .775 .637 .995 .837 .850 .733 .850 .770 .676 .705 .812 .774 1.103 .771 .724 .725 .457 .365 .457 .838 .500 .500 .675 .716 .593 .716 .678 .435 .716 .712 .343 .343 .665 .343 1.042 .712 .687 .716 .716 .493 .595 .478 .712 .652 .924 .645 .652 .582 .712 .365 .712 .838',
  regular:
    '.318 .401 .460 .838 .636 .950 .780 .275 .390 .390 .500 .838 .318 .361 .318 .337 .636 .636 .636 .636 .636 .636 .636 .636 .636 .636 .337 .337 .838 .838 .838 .531 1.000 .711 .686 .698 .770 .632 .575 .775 .752 .295 .295 .656 .557 .863 .748 .787 .603 .787 .695 .635 .594 .732 .684 .989 .685 .611 .685 .390 .337 .390 .838 .500 .500 .613 .635 .550 .635 .615 .352 .635 .634 .278 .278 .579 .278 .974 .634 .612 .635 .635 .394 .521 .392 .634 .592 .818 .592 .592 .525 .636 .337 .636 .838',
};
const EM = { bold: ASCII_EM.bold.split(' ').map(Number), regular: ASCII_EM.regular.split(' ').map(Number) };
const WIDE = 1.103;
const EMOJI = 1.3;

/**
 * Advance widths (em, regular and bold) of the punctuation cards print most beyond ASCII, from DejaVu Sans's own
 * metrics (its `hmtx` table): every card's head line has "·" and "№", and a cut line ends in "…".
 */
const PUNCTUATION_EM: Readonly<Record<string, readonly [number, number]>> = {
  '·': [0.318, 0.38],
  '№': [1.04, 1.203],
  '…': [1, 1],
  '–': [0.5, 0.5],
  '—': [1, 1],
  '‘': [0.318, 0.38],
  '’': [0.318, 0.38],
  '“': [0.518, 0.657],
  '”': [0.518, 0.657],
};

/** The characters whose width textWidth knows exactly, in a fixed order: printable ASCII, then that punctuation. */
export const MEASURED_CHARACTERS: readonly string[] = [
  ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
  ...Object.keys(PUNCTUATION_EM),
];

/** The width of `text` in pixels at `size`, as DejaVu Sans draws it (a little more for fonts it does not know). */
export function textWidth(text: string, size: number, bold: boolean): number {
  const table = bold ? EM.bold : EM.regular;
  let em = 0;
  for (const char of text) {
    const punctuation = PUNCTUATION_EM[char];
    if (punctuation) {
      em += punctuation[bold ? 1 : 0];
      continue;
    }
    const base = char.normalize('NFD')[0]!;
    const code = base.codePointAt(0)!;
    em += code >= 32 && code < 127 ? table[code - 32]! : code >= 0x1f000 ? EMOJI : WIDE;
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

type Line = OgLayout['lines'][number];

const COLOURS = {
  background: '#0b1220',
  accent: '#8ab4ff',
  muted: '#b4bcc6',
  title: '#ffffff',
  qualifier: '#e8eaed',
  text: '#dfe3e8',
};

/** Text starts 80 px from the left edge and stays 80 px clear of the right one. */
const MARGIN = 80;
const TEXT_WIDTH = OG_SIZE.width - 2 * MARGIN;

/** The largest size up to `size` at which one line of text fits `width`, and the line, ending in "…" if even `min` px is too wide. */
function fitLine(
  text: string,
  size: number,
  bold: boolean,
  width = TEXT_WIDTH,
  min = 24,
): { text: string; size: number } {
  const measured = textWidth(text, size, bold);
  if (measured <= width) return { text, size };
  const smaller = Math.max(min, Math.floor((size * width) / measured));
  return { text: wrap(text, (line) => textWidth(line, smaller, bold) <= width, 1)[0]!, size: smaller };
}

// DejaVu Sans reaches 0.76 em above the baseline with capitals and 0.24 em below it with descenders.
const ASCENT = 0.76;
const DESCENT = 0.24;

/** The baseline of a line of `size` px set `gap` px below the descenders of `line`. */
const below = (line: { y: number; size: number }, size: number, gap: number) =>
  Math.round(line.y + line.size * DESCENT + gap + size * ASCENT);

/**
 * The definition as lines set `gap` px below `after`, with no baseline lower than `last`: at the first of `sizes`
 * (px, with their line step) at which it fits whole, else at the last of them, ending in "…".
 */
function definitionLines(
  text: string,
  after: Line,
  last: number,
  sizes: readonly (readonly [number, number])[],
  gap: number,
  x: number,
  width: number,
  color: string,
): Line[] {
  for (const [i, [size, step]] of sizes.entries()) {
    const first = below(after, size, gap);
    const room = Math.max(0, Math.floor((last - first) / step) + 1);
    const fits = (line: string) => textWidth(line, size, false) <= width;
    const whole = wrap(text, fits, Infinity);
    if (whole.length > room && i < sizes.length - 1) continue;
    const lines = room === 0 ? [] : whole.length <= room ? whole : wrap(text, fits, room);
    return lines.map((text, n) => ({ text, x, y: first + n * step, size, bold: false, color }));
  }
  return [];
}

/**
 * The link-preview card: site, category and catalog № on top; the ATT&CK ID when there is one; the title (two lines,
 * or three smaller ones when it is long); the qualifier; then as much of the definition as the card holds.
 */
export function ogLayout(card: OgCard): OgLayout {
  const lines: Line[] = [];
  const head = fitLine(`${card.site} · ${card.category} · № ${card.number}`, 30, false);
  lines.push({ ...head, x: MARGIN, y: 84, bold: false, color: COLOURS.muted });
  if (card.attackId) {
    const id = fitLine(card.attackId, 44, true);
    lines.push({ ...id, x: MARGIN, y: below(lines.at(-1)!, id.size, 24), bold: true, color: COLOURS.accent });
  }
  // Long titles get a smaller size and a third line rather than losing words.
  const titleAt = (size: number, count: number) =>
    wrap(card.title, (line) => textWidth(line, size, true) <= TEXT_WIDTH, count);
  const [size, step] = titleAt(68, 3).length <= 2 ? [68, 78] : [54, 62];
  const first = below(lines.at(-1)!, size, card.attackId ? 20 : 30);
  titleAt(size, 3).forEach((text, i) =>
    lines.push({ text, x: MARGIN, y: first + i * step, size, bold: true, color: COLOURS.title }),
  );
  const qualifier = fitLine(card.qualifier, 34, false);
  lines.push({
    ...qualifier,
    x: MARGIN,
    y: below(lines.at(-1)!, qualifier.size, 16),
    bold: false,
    color: COLOURS.qualifier,
  });
  // The definition's descenders stay 40 px above the bottom edge.
  const last = OG_SIZE.height - 40 - Math.ceil(30 * DESCENT);
  lines.push(...definitionLines(card.summary, lines.at(-1)!, last, [[30, 40]], 24, MARGIN, TEXT_WIDTH, COLOURS.text));
  return { background: COLOURS.background, bar: { color: COLOURS.accent, height: 14 }, lines };
}

/** The highest row a line's glyphs can reach: ascenders and accents stay within one font size above the baseline. */
export const lineTop = (line: Line) => line.y - Math.ceil(line.size);

/** System fonts only, the measured one first. */
const FONT = 'DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif';

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

/** The slide for training decks, shipped as SVG at `/slides/<slug>.svg` (the term page turns it into PNG on request). */
export const SLIDE_SIZE = { width: 1920, height: 1080 } as const;

/** Readable from the back of a room: 120 px margins, the title at 112 or 96 px, the definition at 56 down to 48 px. */
const SLIDE_MARGIN = 120;
const SLIDE_TEXT_WIDTH = SLIDE_SIZE.width - 2 * SLIDE_MARGIN;
export const SLIDE_MIN = { title: 96, definition: 48 } as const;

/**
 * Site, category and catalog № on top; the ATT&CK ID; the title; the qualifier; the definition, as large as it fits
 * whole (down to 48 px, then cut with "…"); the short URL at the foot.
 */
export function slideLayout(card: OgCard): OgLayout {
  const x = SLIDE_MARGIN;
  const width = SLIDE_TEXT_WIDTH;
  const lines: Line[] = [];
  const head = fitLine(`${card.site} · ${card.category} · № ${card.number}`, 40, false, width, 28);
  lines.push({ ...head, x, y: 140, bold: false, color: COLOURS.muted });
  if (card.attackId) {
    const id = fitLine(card.attackId, 72, true, width, 48);
    lines.push({ ...id, x, y: below(lines.at(-1)!, id.size, 40), bold: true, color: COLOURS.accent });
  }
  const titleAt = (size: number, count: number) =>
    wrap(card.title, (line) => textWidth(line, size, true) <= width, count);
  const [size, step] = titleAt(112, 3).length <= 2 ? [112, 124] : [SLIDE_MIN.title, 106];
  const first = below(lines.at(-1)!, size, card.attackId ? 24 : 48);
  titleAt(size, 3).forEach((text, i) =>
    lines.push({ text, x, y: first + i * step, size, bold: true, color: COLOURS.title }),
  );
  const qualifier = fitLine(card.qualifier, 60, false, width, 40);
  lines.push({ ...qualifier, x, y: below(lines.at(-1)!, qualifier.size, 24), bold: false, color: COLOURS.qualifier });
  // The short URL sits 80 px above the bottom edge; the definition stays 48 px clear of it.
  const url = fitLine(card.url, 48, false, width, 28);
  const foot = {
    ...url,
    x,
    y: SLIDE_SIZE.height - 80 - Math.ceil(url.size * DESCENT),
    bold: false,
    color: COLOURS.accent,
  };
  const last = Math.floor(foot.y - foot.size * ASCENT - 48 - 56 * DESCENT);
  const sizes = [
    [56, 72],
    [52, 68],
    [SLIDE_MIN.definition, 62],
  ] as const;
  lines.push(...definitionLines(card.summary, lines.at(-1)!, last, sizes, 48, x, width, '#f1f3f5'), foot);
  return { background: COLOURS.background, bar: { color: COLOURS.accent, height: 20 }, lines };
}

/** A standalone SVG of the slide: system fonts only, nothing fetched, no script or style, every text escaped. */
export function slideSvg(card: OgCard): string {
  const { width, height } = SLIDE_SIZE;
  const layout = slideLayout(card);
  const text = layout.lines.map(
    (l) =>
      `  <text x="${l.x}" y="${l.y}" font-size="${l.size}"${l.bold ? ' font-weight="bold"' : ''} fill="${l.color}">${escapeXml(l.text)}</text>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="slide-title slide-desc" font-family="${FONT}">`,
    `  <title id="slide-title">${escapeXml(`${card.title} (${card.qualifier}) · ${card.site}`)}</title>`,
    `  <desc id="slide-desc">${escapeXml(`${card.summary} ${card.url}`)}</desc>`,
    `  <rect width="${width}" height="${height}" fill="${layout.background}"/>`,
    `  <rect width="${width}" height="${layout.bar.height}" fill="${layout.bar.color}"/>`,
    ...text,
    '</svg>',
    '',
  ].join('\n');
}
