import { describe, expect, test } from 'vitest';
import sharp from 'sharp';
import { OG_SIZE, ogLayout, textBandSvg, textWidth, wrap } from '../../src/lib/og-image.ts';
import { renderOgPng } from '../../src/lib/og-png.ts';

describe('wrap', () => {
  const chars = (n: number) => (line: string) => [...line].length <= n;
  test.each<[string, number, number, string[]]>([
    ['Execution', 24, 2, ['Execution']],
    ['Trusted Developer Utilities Proxy Execution', 24, 2, ['Trusted Developer', 'Utilities Proxy…']],
    ['a b c d e f', 3, 2, ['a b', 'c…']],
    ['Command and Scripting Interpreter', 24, 2, ['Command and Scripting', 'Interpreter']],
  ])('wraps %j at %i characters into at most %i lines', (text, width, lines, expected) => {
    const out = wrap(text, chars(width), lines);
    expect(out).toEqual(expected);
    expect(out.every((l) => l.length <= width)).toBe(true);
  });

  test('breaks a word longer than a line instead of letting it run off, after a hyphen when there is one', () => {
    expect(wrap('Pneumonoultramicroscopicsilicovolcanoconiosis', chars(20), 3)).toEqual(['Pneumonoultramicrosc', 'opicsilicovolcanocon', 'iosis']);
    expect(wrap('Living-off-the-land-binaries-and-scripts', chars(20), 3)).toEqual(['Living-off-the-land-', 'binaries-and-scripts']);
    expect(wrap('See HKLM\\Software\\Microsoft\\Windows\\CurrentVersion', chars(16), 4).every((l) => l.length <= 16)).toBe(true);
  });
});

describe('ogLayout', () => {
  const card = { qualifier: 'MITRE Technique', number: 47, category: 'Techniques & Tools', site: 'Security Glossary' };
  test.each([
    'Pneumonoultramicroscopicsilicovolcanoconiosis',
    'WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW',
    'Command and Scripting Interpreter: Windows Command Shell',
  ])('keeps every line of %j within the card, measured in the font it is drawn in', (title) => {
    for (const line of ogLayout({ ...card, title }).lines) {
      expect(line.x + textWidth(line.text, line.size, line.bold)).toBeLessThanOrEqual(OG_SIZE.width - 80);
    }
  });

  test('keeps a long qualifier on the card by drawing it smaller', () => {
    const layout = ogLayout({ ...card, title: 'Execution', qualifier: 'A qualifier of exactly forty characters!' });
    const foot = layout.lines.at(-1)!;
    expect(foot.text).toBe('A qualifier of exactly forty characters! · Techniques & Tools');
    expect(foot.size).toBeLessThan(44);
    expect(foot.x + textWidth(foot.text, foot.size, false)).toBeLessThanOrEqual(OG_SIZE.width - 80);
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

  test('draws a title with one long word whole: nothing of it runs past the right margin', async () => {
    const layout = ogLayout({ ...card, title: 'Pneumonoultramicroscopicsilicovolcanoconiosis' });
    const { data, info } = await sharp(await renderOgPng(layout)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const background = Buffer.from([0x0b, 0x12, 0x20]);
    let rightmost = 0;
    for (let y = layout.bar.height; y < info.height; y++) {
      for (let x = info.width - 1; x > rightmost; x--) {
        if (!data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3).equals(background)) {
          rightmost = x;
          break;
        }
      }
    }
    expect(layout.lines.filter((l) => l.bold).map((l) => l.text).join('')).toBe('Pneumonoultramicroscopicsilicovolcanoconiosis');
    expect(rightmost).toBeGreaterThan(600);
    expect(rightmost).toBeLessThan(OG_SIZE.width - 80);
  });

  test('draws a card whose text holds control characters instead of stopping the build with a librsvg error', async () => {
    const png = await renderOgPng(ogLayout({ ...card, title: 'Bell\u0007 and NUL\u0000 characters' }));
    expect((await sharp(png).metadata()).width).toBe(OG_SIZE.width);
  });
});
