import { describe, expect, test } from 'vitest';
import jsQR, { type QRCode } from 'jsqr';
import { encode } from 'uqr';
import { QUIET_ZONE, qrModules, qrSvg } from '../../src/packs/qr.ts';

const url = 'https://glossary.example/n/12/';

/** Paints the path's rectangles back onto a grid of modules (quiet zone included), as a renderer would fill them. */
function paint(svg: string): { grid: boolean[][] } {
  const d = /<path [^>]*\bd="([^"]*)"/.exec(svg)![1]!;
  const side = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)![1]);
  const grid = Array.from({ length: side }, () => Array<boolean>(side).fill(false));
  for (const [whole, x, y, width] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    expect(whole).toBeTruthy();
    for (let i = 0; i < Number(width); i++) {
      expect(grid[Number(y)]![Number(x) + i], 'no module is drawn twice').toBe(false);
      grid[Number(y)]![Number(x) + i] = true;
    }
  }
  expect(d.replace(/M(\d+) (\d+)h(\d+)v1h-\3z/g, ''), 'the path has only row runs').toBe('');
  return { grid };
}

/** Reads the code as a phone camera would: each module drawn as a 4×4 block of black or white pixels, then jsQR. */
function decode(grid: boolean[][]): QRCode | null {
  const scale = 4;
  const width = grid.length * scale;
  const rgba = new Uint8ClampedArray(width * width * 4).fill(255);
  grid.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy++) {
        const start = ((y * scale + dy) * width + x * scale) * 4;
        for (let i = 0; i < scale * 4; i++) if (i % 4 !== 3) rgba[start + i] = 0;
      }
    }),
  );
  return jsQR(rgba, width, width);
}

/**
 * The error correction level the code declares in its format information: the 15 modules beside the top-left
 * finder pattern, unmasked, whose first two bits name the level (ISO/IEC 18004). Readers choose how to decode from
 * these bits, so they are what a scanner sees, whatever the encoder was asked for.
 */
function formatLevel(modules: boolean[][]): string {
  // Along row 8 and then up column 8, stepping over the timing pattern in row and column 6.
  const cells = [
    ...[0, 1, 2, 3, 4, 5, 7, 8].map((x) => [8, x] as const),
    ...[7, 5, 4, 3, 2, 1, 0].map((y) => [y, 8] as const),
  ];
  const bits = cells.reduce((word, [y, x]) => (word << 1) | (modules[y]![x] ? 1 : 0), 0) ^ 0b101010000010010;
  return ['M', 'L', 'H', 'Q'][bits >> 13]!;
}

describe('qrSvg', () => {
  test('draws a code that a QR reader decodes back to the URL, at level M, inside a four-module quiet zone', () => {
    const { grid } = paint(qrSvg(url, { label: 'Short link' }));
    // 30 bytes at level M need version 3: 29 modules a side, and four blank modules on every side of them.
    expect(grid).toHaveLength(29 + 2 * 4);
    const side = grid.length;
    const inMargin = (x: number, y: number) => x < 4 || y < 4 || x >= side - 4 || y >= side - 4;
    const darkInMargin = grid.flatMap((row, y) => row.filter((dark, x) => dark && inMargin(x, y)));
    expect(darkInMargin, 'the quiet zone is blank').toEqual([]);
    // The top-left finder pattern's outer ring starts right where the quiet zone ends.
    expect(grid[4]!.slice(4, 11)).toEqual(Array(7).fill(true));

    const decoded = decode(grid);
    expect(decoded?.data).toBe(url);
    expect(decoded?.version).toBe(3);
    expect(formatLevel(grid.slice(4, -4).map((row) => row.slice(4, -4)))).toBe('M');
  });

  test('uses error correction level M', () => {
    const text = 'https://glossary.example/packs/?terms=execution,powershell,amsi&title=Week%201';
    const atLevel = (ecc: 'L' | 'M' | 'Q') => encode(text, { ecc, border: 0 }).data;
    expect(qrModules(text)).toEqual(atLevel('M'));
    expect(qrModules(text)).not.toEqual(atLevel('L'));
    expect(qrModules(text)).not.toEqual(atLevel('Q'));
  });

  test('is one coloured-by-attribute path with an accessible name, and no inline style', () => {
    const svg = qrSvg(url, { label: 'Execution' });
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+" role="img" shape-rendering="crispEdges">/,
    );
    expect(svg).toContain('<title>Execution</title>');
    expect(svg.match(/<path /g)).toHaveLength(1);
    expect(svg).toContain('fill="currentColor"');
    expect(svg).not.toMatch(/style|data:/i);
  });

  test.each([
    ['</title><script>alert(1)</script>', '&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;'],
    [`"Quotes" & 'apostrophes'`, '&quot;Quotes&quot; &amp; &apos;apostrophes&apos;'],
    ['nul\u0000 and bell\u0007 removed, tab\tkept', 'nul and bell removed, tab\tkept'],
    ['lone \uD800 surrogate', 'lone \uFFFD surrogate'],
    ['ATT&CK “T1059” 🔐', 'ATT&amp;CK “T1059” 🔐'],
  ])('escapes the label %j', (label, title) => {
    const svg = qrSvg(url, { label });
    expect(svg).toContain(`<title>${title}</title>`);
    expect(svg.match(/</g), 'no tag was injected').toHaveLength(5);
  });

  test('stays small for a short URL and grows with the text it holds', () => {
    const side = (text: string) => Number(/viewBox="0 0 (\d+)/.exec(qrSvg(text, { label: '' }))![1]);
    // 22 bytes at level M need version 2: 25 modules a side.
    expect(side('https://g.example/n/1/')).toBe(25 + 2 * QUIET_ZONE);
    expect(side(`https://g.example/packs/?terms=${'powershell,'.repeat(30)}`)).toBeGreaterThan(
      side('https://g.example/n/1/'),
    );
  });

  test('says what to do when the text is too long for any QR code', () => {
    expect(() => qrSvg('x'.repeat(5000), { label: 'Too long' })).toThrow(
      /could not hold the text given \(5000 characters\).*Link to something shorter/,
    );
  });
});
