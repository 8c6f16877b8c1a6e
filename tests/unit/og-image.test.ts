import { describe, expect, test } from 'vitest';
import sharp from 'sharp';
import {
  OG_SIZE,
  ogLayout,
  textBandSvg,
  textWidth,
  wrap,
  type OgCard,
  type OgLayout,
} from '../../src/link-previews/image.ts';
import { renderOgPng } from '../../src/link-previews/png.ts';
import { POWERSHELL_CARD } from '../helpers/og-card.ts';

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
    expect(wrap('Pneumonoultramicroscopicsilicovolcanoconiosis', chars(20), 3)).toEqual([
      'Pneumonoultramicrosc',
      'opicsilicovolcanocon',
      'iosis',
    ]);
    expect(wrap('Living-off-the-land-binaries-and-scripts', chars(20), 3)).toEqual([
      'Living-off-the-land-',
      'binaries-and-scripts',
    ]);
    expect(
      wrap('See HKLM\\Software\\Microsoft\\Windows\\CurrentVersion', chars(16), 4).every((l) => l.length <= 16),
    ).toBe(true);
  });
});

describe('ogLayout', () => {
  const card = {
    qualifier: 'MITRE Technique',
    number: 47,
    category: 'Techniques & Tools',
    site: 'Security Glossary',
    summary: 'A definition.',
    url: 'https://glossary.example.org/n/47/',
  };
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
    const layout = ogLayout({
      ...card,
      title: 'Execution',
      qualifier: 'A qualifier of exactly forty characters, WWWWWWWWWWWWWWWWWW',
    });
    const foot = layout.lines.find((l) => l.text.startsWith('A qualifier'))!;
    expect(foot.text).toBe('A qualifier of exactly forty characters, WWWWWWWWWWWWWWWWWW');
    expect(foot.size).toBeLessThan(34);
    expect(foot.x + textWidth(foot.text, foot.size, false)).toBeLessThanOrEqual(OG_SIZE.width - 80);
  });
});

describe('textBandSvg', () => {
  test('escapes markup in the title so the SVG stays well-formed', () => {
    const { svg } = textBandSvg(
      ogLayout({
        title: '<script>&"',
        qualifier: 'Q',
        number: 7,
        category: 'C & D',
        site: 'S',
        summary: 'x',
        url: 'u',
      }),
    );
    expect(svg).toContain('&lt;script&gt;&amp;&quot;');
    expect(svg).toContain('S · C &amp; D · № 7');
    expect(svg).not.toContain('<script>');
  });
});

describe('renderOgPng', () => {
  const card = {
    title: 'Trusted Developer Utilities Proxy Execution',
    qualifier: 'MITRE Technique',
    number: 47,
    category: 'Techniques and tools',
    site: 'Security Glossary',
    summary: 'Running code through signed development tools so that it passes as normal developer activity.',
    attackId: 'T1127',
    url: 'https://glossary.example.org/n/47/',
  };

  test('draws a 1200×630 PNG: accent bar, background, and the title in white where the layout puts it', async () => {
    const layout = ogLayout(card);
    const { data, info } = await sharp(await renderOgPng(layout))
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([OG_SIZE.width, OG_SIZE.height]);
    const at = (x: number, y: number) =>
      `#${[...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    expect(at(600, 5)).toBe(layout.bar.color);
    expect(at(600, 600)).toBe(layout.background);
    // Every line of the layout is drawn in its own row band, and the title's text is pure white.
    const bandOf = (line: (typeof layout.lines)[number]) => {
      const band = new Set<string>();
      for (let y = line.y - line.size; y < line.y; y++) for (let x = line.x; x < 1100; x += 2) band.add(at(x, y));
      return band;
    };
    for (const line of layout.lines) {
      expect(
        [...bandOf(line)].filter((c) => c !== layout.background).length,
        `"${line.text}" is drawn`,
      ).toBeGreaterThan(0);
    }
    const title = layout.lines.find((l) => l.bold && l.size > 50)!;
    expect(bandOf(title)).toContain('#ffffff');
    // Below the last line there is only background: nothing is drawn that the layout does not place.
    const last = layout.lines.at(-1)!;
    const below = new Set<string>();
    for (let y = last.y + Math.ceil(last.size * 0.3); y < info.height; y += 2)
      for (let x = 0; x < info.width; x += 4) below.add(at(x, y));
    expect([...below]).toEqual([layout.background]);
  });

  test('gives different cards different images', async () => {
    const a = await renderOgPng(ogLayout(card));
    const b = await renderOgPng(ogLayout({ ...card, number: 48 }));
    expect(a.equals(b)).toBe(false);
  });

  test('draws cards at the same time exactly as one after another', async () => {
    // The drawing reuses pixel buffers between cards; two cards in flight must never share one.
    const cards = [
      card,
      { ...card, number: 48, title: 'Command and Scripting Interpreter' },
      { ...card, attackId: undefined },
    ];
    const oneByOne: Buffer[] = [];
    for (const c of cards) oneByOne.push(await renderOgPng(ogLayout(c)));
    const together = await Promise.all(cards.map((c) => renderOgPng(ogLayout(c))));
    expect(together.map((png, i) => png.equals(oneByOne[i]!))).toEqual([true, true, true]);
  });

  test('draws a title with one long word whole: nothing of it runs past the right margin', async () => {
    const layout = ogLayout({ ...card, title: 'Pneumonoultramicroscopicsilicovolcanoconiosis' });
    const { data, info } = await sharp(await renderOgPng(layout))
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
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
    expect(
      layout.lines
        .filter((l) => l.bold && l.color === '#ffffff')
        .map((l) => l.text)
        .join(''),
    ).toBe('Pneumonoultramicroscopicsilicovolcanoconiosis');
    expect(rightmost).toBeGreaterThan(600);
    expect(rightmost).toBeLessThan(OG_SIZE.width - 80);
  });

  test('sets the head line\'s "·" and "№", dashes, curly quotes and "…" where librsvg would draw them', async () => {
    // These lines come from the glyph atlas; librsvg draws each on its own as the reference.
    const layout = ogLayout({ ...card, summary: '“№” · ‘–’ — …' });
    const [head, punctuation] = [layout.lines[0]!, layout.lines.at(-1)!];
    expect([head.text, punctuation.text]).toEqual(['Security Glossary · Techniques and tools · № 47', '“№” · ‘–’ — …']);
    const { data, info } = await sharp(await renderOgPng(layout))
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    /** Where the line's ink starts and ends (x) and how much of it there is, in ours and in librsvg's drawing. */
    const ink = async (line: OgLayout['lines'][number]) => {
      const band = textBandSvg({ ...layout, lines: [line] });
      const { data: alpha, info: size } = await sharp(Buffer.from(band.svg))
        .extractChannel(3)
        .raw()
        .toBuffer({ resolveWithObject: true });
      const measure = (coverage: (x: number, y: number) => number) => {
        const columns: number[] = [];
        let total = 0;
        for (let x = 0; x < OG_SIZE.width; x++)
          for (let y = line.y - line.size; y < line.y + line.size * 0.3; y++) {
            const c = coverage(x, y);
            if (c) columns.push(x);
            total += c;
          }
        return { start: Math.min(...columns), end: Math.max(...columns), total };
      };
      // Ours: the line's colour channel above the background's (#0b1220's red 0x0b), scaled to 0–1.
      const base = parseInt(line.color.slice(1, 3), 16);
      const ours = measure((x, y) => (data[(y * info.width + x) * 3]! - 0x0b) / (base - 0x0b));
      const theirs = measure((x, y) => {
        const [bx, by] = [x - band.left, y - band.top];
        return bx >= 0 && by >= 0 && bx < size.width && by < size.height ? alpha[by * size.width + bx]! / 255 : 0;
      });
      return { ours, theirs };
    };
    // The atlas sets glyphs at their advance widths without kerning: a long line may end 1 % away from librsvg's.
    const headInk = await ink(head);
    expect(headInk.ours.start).toBe(headInk.theirs.start);
    expect(Math.abs(headInk.ours.end - headInk.theirs.end)).toBeLessThanOrEqual(0.01 * (headInk.theirs.end - head.x));
    // Punctuation alone has no kerning: the same glyphs in the same places, so the same extent and amount of ink.
    const marks = await ink(punctuation);
    expect(Math.abs(marks.ours.start - marks.theirs.start)).toBeLessThanOrEqual(1);
    expect(Math.abs(marks.ours.end - marks.theirs.end)).toBeLessThanOrEqual(1);
    expect(marks.ours.total / marks.theirs.total).toBeCloseTo(1, 1);
  });

  test('draws a card whose text holds control characters instead of stopping the build with a librsvg error', async () => {
    const png = await renderOgPng(ogLayout({ ...card, title: 'Bell\u0007 and NUL\u0000 characters' }));
    expect((await sharp(png).metadata()).width).toBe(OG_SIZE.width);
  });
});

describe('the link-preview card shows the definition and the ATT&CK ID', () => {
  const card = POWERSHELL_CARD;
  const texts = (c: OgCard) => ogLayout(c).lines.map((l) => l.text);

  test('site, category and catalog №, the ID, the title, the qualifier and the whole definition, in that order', () => {
    const layout = ogLayout(card);
    expect(layout.lines[0]!.text).toBe('Security Glossary · Techniques & Tools · № 27');
    expect(layout.lines[1]).toMatchObject({ text: 'T1059.001', bold: true });
    expect(layout.lines[1]!.size).toBeGreaterThanOrEqual(40);
    expect(layout.lines[2]).toMatchObject({ text: 'PowerShell', bold: true });
    expect(layout.lines[3]!.text).toBe('MITRE Sub-technique');
    expect(
      layout.lines
        .slice(4)
        .map((l) => l.text)
        .join(' '),
    ).toBe(card.summary);
    const ys = layout.lines.map((l) => l.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
  });

  test('a term that is no ATT&CK object has no ID line', () => {
    expect(texts({ ...card, attackId: undefined })).not.toContain('T1059.001');
    expect(texts({ ...card, attackId: undefined })[1]).toBe('PowerShell');
  });

  test('the longest title and summary stay on the card, the summary cut with "…"', () => {
    const layout = ogLayout({
      ...card,
      title: 'W'.repeat(80),
      qualifier: 'W'.repeat(40),
      summary: `${'Wide words '.repeat(60)}end`,
      attackId: 'TA0002',
    });
    for (const line of layout.lines) {
      expect(line.x + textWidth(line.text, line.size, line.bold)).toBeLessThanOrEqual(OG_SIZE.width - 80);
      expect(line.y + line.size * 0.24).toBeLessThanOrEqual(OG_SIZE.height - 40);
    }
    expect(layout.lines.at(-1)!.text).toMatch(/…$/);
    expect(layout.lines.filter((l) => l.size === 30).length).toBeGreaterThanOrEqual(2);
  });

  test('the PNG shows the definition: text pixels down to its last line, in the definition colour', async () => {
    const layout = ogLayout(card);
    const last = layout.lines.at(-1)!;
    const { data, info } = await sharp(await renderOgPng(layout))
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const colours = new Set<string>();
    for (let y = last.y - 20; y < last.y; y++) {
      for (let x = last.x; x < last.x + 300; x++)
        colours.add([...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)].join());
    }
    expect(colours.size).toBeGreaterThan(5);
  });

  test('the drawing, and so the cached image, changes with the definition and the ID', () => {
    const key = (c: OgCard) => JSON.stringify(ogLayout(c));
    expect(key({ ...card, summary: `${card.summary} More.` })).not.toBe(key(card));
    expect(key({ ...card, attackId: 'T1059.003' })).not.toBe(key(card));
  });
});
