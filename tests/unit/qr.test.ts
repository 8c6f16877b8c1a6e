import { describe, expect, test } from 'vitest';
import { encode } from 'uqr';
import { QUIET_ZONE, qrModules, qrSvg } from '../../src/packs/qr.ts';

const url = 'https://glossary.example/n/12/';

/** Paints the path's rectangles back onto a grid, so the test needs no QR decoder. */
function paint(svg: string): { grid: boolean[][]; squares: number } {
  const d = /<path [^>]*\bd="([^"]*)"/.exec(svg)![1]!;
  const side = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)![1]);
  const grid = Array.from({ length: side }, () => Array<boolean>(side).fill(false));
  let squares = 0;
  for (const [whole, x, y, width] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    expect(whole).toBeTruthy();
    for (let i = 0; i < Number(width); i++) {
      expect(grid[Number(y)]![Number(x) + i], 'no module is drawn twice').toBe(false);
      grid[Number(y)]![Number(x) + i] = true;
      squares++;
    }
  }
  expect(d.replace(/M(\d+) (\d+)h(\d+)v1h-\3z/g, ''), 'the path has only row runs').toBe('');
  return { grid, squares };
}

describe('qrSvg', () => {
  test('draws exactly the dark modules of the QR code, inside a four-module quiet zone', () => {
    const modules = qrModules(url);
    const { grid, squares } = paint(qrSvg(url, { label: 'Short link' }));
    expect(squares).toBe(modules.flat().filter(Boolean).length);
    expect(grid).toHaveLength(modules.length + 2 * QUIET_ZONE);
    const inner = grid.slice(QUIET_ZONE, -QUIET_ZONE).map((row) => row.slice(QUIET_ZONE, -QUIET_ZONE));
    expect(inner).toEqual(modules);
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
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+" role="img" shape-rendering="crispEdges">/);
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
    expect(side(`https://g.example/packs/?terms=${'powershell,'.repeat(30)}`)).toBeGreaterThan(side('https://g.example/n/1/'));
  });

  test('says what to do when the text is too long for any QR code', () => {
    expect(() => qrSvg('x'.repeat(5000), { label: 'Too long' })).toThrow(
      /could not hold the text given \(5000 characters\).*Link to something shorter/,
    );
  });
});
