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

export function ogImageSvg(card: OgCard): string {
  // Long titles get a smaller size and a third line rather than losing words.
  const fits = wrap(card.title, 24, 3).length <= 2;
  const [size, perLine, step] = fits ? [84, 24, 96] : [64, 32, 74];
  const titleLines = wrap(card.title, perLine, 3);
  const font = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';
  const title = titleLines
    .map((line, i) => `<text x="80" y="${250 + i * step}" font-size="${size}" font-weight="bold" fill="#ffffff">${escapeXml(line)}</text>`)
    .join('');
  const below = 250 + titleLines.length * step + 10;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_SIZE.width}" height="${OG_SIZE.height}" font-family="${font}">
<rect width="100%" height="100%" fill="#0b1220"/><rect width="100%" height="14" fill="#8ab4ff"/>
<text x="80" y="140" font-size="36" fill="#b4bcc6">${escapeXml(`${card.site} · № ${card.number}`)}</text>
${title}
<text x="80" y="${below}" font-size="44" fill="#e8eaed">${escapeXml(`${card.qualifier} · ${card.category}`)}</text>
</svg>`;
}
