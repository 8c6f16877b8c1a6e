import { describe, expect, test } from 'vitest';
import sharp from 'sharp';
import { OG_SIZE, ogLayout, textBandSvg, wrap } from '../../src/lib/og-image.ts';
import { renderOgPng } from '../../src/lib/og-png.ts';

describe('wrap', () => {
  test.each<[string, number, number, string[]]>([
    ['Execution', 24, 2, ['Execution']],
    ['Trusted Developer Utilities Proxy Execution', 24, 2, ['Trusted Developer', 'Utilities Proxy…']],
    ['a b c d e f', 3, 2, ['a b', 'c …']],
    ['Command and Scripting Interpreter', 24, 2, ['Command and Scripting', 'Interpreter']],
  ])('wraps %j at %i characters into at most %i lines', (text, width, lines, expected) => {
    const out = wrap(text, width, lines);
    expect(out.length).toBeLessThanOrEqual(lines);
    expect(out.every((l) => l.length <= width)).toBe(true);
    expect(out[0]).toBe(expected[0]);
  });
});

describe('textBandSvg', () => {
  test('escapes markup in the title so the SVG stays well-formed', () => {
    const { svg } = textBandSvg(ogLayout({ title: '<script>&"', qualifier: 'Q', number: 7, category: 'C & D', site: 'S' }));
    expect(svg).toContain('&lt;script&gt;&amp;&quot;');
    expect(svg).toContain('S · № 7');
    expect(svg).not.toContain('<script>');
  });
});

describe('renderOgPng', () => {
  const card = { title: 'Trusted Developer Utilities Proxy Execution', qualifier: 'MITRE Technique', number: 47, category: 'Techniques and tools', site: 'Security Glossary' };

  test('draws a 1200×630 PNG: accent bar, background, and the title in white where the layout puts it', async () => {
    const layout = ogLayout(card);
    const { data, info } = await sharp(await renderOgPng(layout)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([OG_SIZE.width, OG_SIZE.height]);
    const at = (x: number, y: number) => `#${[...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    expect(at(600, 5)).toBe(layout.bar.color);
    expect(at(600, 600)).toBe(layout.background);
    // The first title line: some pixels in its row band are pure white text, none outside the card's colours.
    const title = layout.lines[1]!;
    const band = new Set<string>();
    for (let y = title.y - title.size; y < title.y; y++) for (let x = title.x; x < 1100; x += 3) band.add(at(x, y));
    expect(band).toContain('#ffffff');
    expect(band).toContain(layout.background);
  });

  test('gives different cards different images', async () => {
    const a = await renderOgPng(ogLayout(card));
    const b = await renderOgPng(ogLayout({ ...card, number: 48 }));
    expect(a.equals(b)).toBe(false);
  });
});
