/**
 * Turns an OG card layout into an indexed-colour PNG.
 *
 * Rasterising the whole 1200×630 card as one SVG and letting libvips encode a
 * true-colour PNG cost about 13 ms of CPU per image: 65 s for 5,000 terms,
 * more than all of Astro's page rendering. The card is flat colour plus text,
 * so only the text goes through librsvg; its coverage becomes shades from a
 * small palette, and the PNG is one zlib call over one byte per pixel (22 KiB
 * instead of 54).
 *
 * librsvg fills every glyph as a path, anew each time: about 35 µs per glyph at
 * 30 px, so a card that shows a 240-character definition would cost twice what
 * it did with the title alone. Lines of printable ASCII and common punctuation
 * (image.ts's MEASURED_CHARACTERS, which include the "·" and "№" of every card's
 * head line) at the layout's usual sizes are therefore set from a glyph atlas
 * instead: each glyph drawn once per worker by librsvg (at four sub-pixel
 * offsets), then copied into place at the advance widths image.ts measures with.
 * Other lines (any other script, emoji, right-to-left text, sizes fitted to a
 * long line) go through librsvg as before, with its shaping. Setting the head
 * line from the atlas too took a 5,000-term build's drawing from about 57 to
 * 38 core-seconds.
 */
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { MEASURED_CHARACTERS, OG_SIZE, lineTop, type OgLayout, textBandSvg, textWidth } from './image.ts';

/** Anti-aliasing steps per text colour; 32 is indistinguishable from full alpha at these sizes. */
const SHADES = 32;

const hexRgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

/** Palette: background, bar, then SHADES-1 blends from background to each text colour. */
function palette(layout: OgLayout): { bytes: Buffer; shadeBase: Map<string, number> } {
  const bg = hexRgb(layout.background);
  const colours: [number, number, number][] = [bg, hexRgb(layout.bar.color)];
  const shadeBase = new Map<string, number>();
  for (const hex of new Set(layout.lines.map((l) => l.color))) {
    shadeBase.set(hex, colours.length - 1); // shade k (1…SHADES-1) lives at base + k
    const fg = hexRgb(hex);
    for (let k = 1; k < SHADES; k++)
      colours.push(bg.map((b, c) => Math.round(b + ((fg[c]! - b) * k) / (SHADES - 1))) as [number, number, number]);
  }
  return { bytes: Buffer.from(colours.flat()), shadeBase };
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}

type Line = OgLayout['lines'][number];

/** Sub-pixel offsets each atlas glyph is drawn at. */
const PHASES = 4;
/** The atlas holds the characters whose advance textWidth knows exactly; a glyph's number is its place there. */
const ATLAS_INDEX = new Map(MEASURED_CHARACTERS.map((char, i) => [char, i]));
const inAtlas = (text: string) => [...text].every((char) => ATLAS_INDEX.has(char));

/** A glyph's ink as shades (0: none, 1…SHADES-1), trimmed to its bounding box; `left` and `top` are from the pen position. */
interface Glyph {
  left: number;
  top: number;
  width: number;
  height: number;
  shades: Uint8Array;
}

/** One size and weight of the atlas: glyph `n` (ATLAS_INDEX) at phase `p` is glyphs[n * PHASES + p]. */
type Face = Glyph[];

const faces = new Map<string, Promise<Face>>();

/** The sizes and weights the layout sets whole lines in; a line at any other size is drawn by librsvg. */
const ATLAS_FACES = new Set(['30 regular', '34 regular', '44 bold', '54 bold', '68 bold']);
const faceKey = (size: number, bold: boolean) => `${size} ${bold ? 'bold' : 'regular'}`;
const fromAtlas = (line: Line) => ATLAS_FACES.has(faceKey(line.size, line.bold)) && inAtlas(line.text);

/** Coverage (0–255) as a shade: any ink at all stays visible. */
const SHADE_OF = Uint8Array.from({ length: 256 }, (_, a) =>
  a ? Math.max(1, Math.round((a * (SHADES - 1)) / 255)) : 0,
);

function face(size: number, bold: boolean): Promise<Face> {
  const key = faceKey(size, bold);
  let found = faces.get(key);
  if (!found) {
    found = drawFace(size, bold);
    faces.set(key, found);
  }
  return found;
}

/** Draws every glyph of a face in one librsvg call (a grid of cells) and cuts the grid into glyphs. */
async function drawFace(size: number, bold: boolean): Promise<Face> {
  // Room for the widest advance (1.203 em, a bold "№") and ink that overhangs it, and from accents to descenders.
  const pad = Math.ceil(size * 0.3);
  const [cellWidth, cellHeight, baseline] = [
    Math.ceil(size * 1.2) + 2 * pad,
    Math.ceil(size * 1.35),
    Math.ceil(size * 1.05),
  ];
  const count = MEASURED_CHARACTERS.length * PHASES;
  const columns = 32;
  const origin = (i: number) => [(i % columns) * cellWidth, Math.floor(i / columns) * cellHeight] as const;
  const text = Array.from({ length: count }, (_, i) => {
    const [cx, cy] = origin(i);
    const char = MEASURED_CHARACTERS[Math.floor(i / PHASES)]!;
    return `<text x="${cx + pad + (i % PHASES) / PHASES}" y="${cy + baseline}">${({ '&': '&amp;', '<': '&lt;', '>': '&gt;' } as Record<string, string>)[char] ?? char}</text>`;
  }).join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${columns * cellWidth}" height="${Math.ceil(count / columns) * cellHeight}" ` +
    `font-family="${FONT}" font-size="${size}"${bold ? ' font-weight="bold"' : ''}>${text}</svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).extractChannel(3).raw().toBuffer({ resolveWithObject: true });
  return Array.from({ length: count }, (_, i) => {
    const [cx, cy] = origin(i);
    let [x0, y0, x1, y1] = [cellWidth, cellHeight, -1, -1];
    for (let y = 0; y < cellHeight; y++) {
      for (let x = 0; x < cellWidth; x++) {
        if (!SHADE_OF[data[(cy + y) * info.width + cx + x]!]) continue;
        [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
      }
    }
    if (x1 < 0) return { left: 0, top: 0, width: 0, height: 0, shades: new Uint8Array(0) };
    const [width, height] = [x1 - x0 + 1, y1 - y0 + 1];
    const shades = new Uint8Array(width * height);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++)
        shades[y * width + x] = SHADE_OF[data[(cy + y0 + y) * info.width + cx + x0 + x]!]!;
    return { left: x0 - pad, top: y0 - baseline, width, height, shades };
  });
}

/** The card's font, as textBandSvg draws it. */
const FONT = 'DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif';

/**
 * Sets a line's glyphs into the card's palette indices, each at the advance image.ts measures (which is what
 * librsvg lays out, less kerning). Where two glyphs' ink touches, the darker shade wins.
 */
function setLine(pixels: Buffer, stride: number, line: Line, glyphs: Face, base: number): void {
  const { width, height } = OG_SIZE;
  let pen = line.x;
  for (const char of line.text) {
    const whole = Math.floor(pen);
    const phase = Math.round((pen - whole) * PHASES);
    const glyph = glyphs[ATLAS_INDEX.get(char)! * PHASES + (phase % PHASES)]!;
    const left = whole + (phase === PHASES ? 1 : 0) + glyph.left;
    const top = line.y + glyph.top;
    for (let y = Math.max(0, -top); y < glyph.height && top + y < height; y++) {
      const out = (top + y) * stride + 1;
      for (let x = Math.max(0, -left); x < glyph.width && left + x < width; x++) {
        const shade = glyph.shades[y * glyph.width + x]!;
        const at = out + left + x;
        if (shade && (pixels[at]! <= base || pixels[at]! < base + shade)) pixels[at] = base + shade;
      }
    }
    pen += textWidth(char, line.size, line.bold);
  }
}

/**
 * Pixel buffers of cards finished, for the next ones: a fresh 740 KiB buffer per card is memory outside V8's heap, and
 * the worker's small heap answered each few megabytes of it with a full collection (about 230 at 5,000 cards).
 */
const spare: Buffer[] = [];

export async function renderOgPng(layout: OgLayout): Promise<Buffer> {
  const pixels = spare.pop()?.fill(0) ?? Buffer.alloc((OG_SIZE.width + 1) * OG_SIZE.height);
  try {
    return await drawPng(layout, pixels);
  } finally {
    spare.push(pixels);
  }
}

async function drawPng(layout: OgLayout, pixels: Buffer): Promise<Buffer> {
  const { width, height } = OG_SIZE;
  const { bytes: plte, shadeBase } = palette(layout);
  // One filter byte (0: none) starts each row of one-byte palette indices; palette index 0 is the background.
  const stride = width + 1;
  for (let y = 0; y < layout.bar.height; y++) pixels.fill(1, y * stride + 1, (y + 1) * stride);

  // Lines the atlas cannot set are rasterised together by librsvg, on libuv's pool while this thread sets the others.
  const rest = layout.lines.filter((line) => !fromAtlas(line));
  const band = rest.length ? textBandSvg({ ...layout, lines: rest }) : undefined;
  const drawn = band && sharp(Buffer.from(band.svg)).extractChannel(3).raw().toBuffer({ resolveWithObject: true });
  drawn?.catch(() => {}); // awaited below; a failure here first must not leave it unhandled
  for (const line of layout.lines.filter(fromAtlas))
    setLine(pixels, stride, line, await face(line.size, line.bold), shadeBase.get(line.color)!);
  if (band && drawn) {
    const { data: alpha, info } = await drawn;
    // Each of these lines owns the rows from its top to the next one's; paint its coverage in its colour.
    const rowColour = new Uint8Array(info.height);
    rest.forEach((line, i) => rowColour.fill(i, Math.max(0, lineTop(line) - band.top)));
    for (let y = 0; y < info.height && band.top + y < height; y++) {
      const base = shadeBase.get(rest[rowColour[y]!]!.color)!;
      const out = (band.top + y) * stride + 1 + band.left;
      const row = y * info.width;
      for (let x = 0; x < info.width; x++) {
        const shade = SHADE_OF[alpha[row + x]!]!;
        if (shade && pixels[out + x]! < base + shade) pixels[out + x] = base + shade;
      }
    }
  }

  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8); // 8-bit, indexed colour, deflate, no filter method variants, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', plte),
    // Level 3: a fifth larger than level 6 and over twice as fast, which at 5,000 cards is ~8 s of CPU.
    chunk('IDAT', deflateSync(pixels, { level: 3 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
