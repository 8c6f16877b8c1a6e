import { describe, expect, test } from 'vitest';
import sharp from 'sharp';
import { load } from 'cheerio';
import { mkdtemp, readFile, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SLIDE_MIN, SLIDE_SIZE, slideLayout, slideSvg, textWidth, type OgCard } from '../../src/link-previews/image.ts';
import { drawCards } from '../../src/link-previews/cache.ts';
import { POWERSHELL_CARD } from '../helpers/og-card.ts';

// Under a base path, as the slide's short link must keep it.
const card: OgCard = { ...POWERSHELL_CARD, url: 'https://glossary.example.org/glossary/n/27/' };
/** The slide as XML: text of every <text>, with its attributes. */
const parse = (svg: string) => load(svg, { xml: true });
const MARGIN = 120;

describe('slideSvg', () => {
  test('is a standalone 1920×1080 SVG with a title, the ID, the definition and the short URL, readable from the back of a room', async () => {
    const svg = slideSvg(card);
    const $ = parse(svg);
    const root = $('svg');
    expect(root.attr('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect([root.attr('width'), root.attr('height'), root.attr('viewBox')]).toEqual(['1920', '1080', '0 0 1920 1080']);
    expect($('svg > title').text()).toBe('PowerShell (MITRE Sub-technique) · Security Glossary');
    const lines = $('text')
      .map((_, el) => ({
        text: $(el).text(),
        size: Number($(el).attr('font-size')),
        bold: $(el).attr('font-weight') === 'bold',
      }))
      .get();
    const title = lines.find((l) => l.text === 'PowerShell')!;
    expect(title.size).toBeGreaterThanOrEqual(96);
    expect(lines.find((l) => l.text === 'T1059.001')).toBeDefined();
    expect(lines.find((l) => l.text === 'https://glossary.example.org/glossary/n/27/')).toBeDefined();
    expect(lines.some((l) => l.text.startsWith('Security Glossary'))).toBe(true);
    const definition = lines.filter((l) => !l.bold && l.size >= SLIDE_MIN.definition && card.summary.includes(l.text));
    expect(definition.map((l) => l.text).join(' ')).toBe(card.summary);
    expect(Math.min(...definition.map((l) => l.size))).toBeGreaterThanOrEqual(48);
    // System fonts only, nothing fetched, no script or style.
    expect(root.attr('font-family')).toMatch(/sans-serif$/);
    expect(svg).not.toMatch(/<script|<style|href=|url\(|@import|<foreignObject/i);
    const meta = await sharp(Buffer.from(svg)).metadata();
    expect([meta.width, meta.height]).toEqual([1920, 1080]);
  });

  test('leaves out the ID line for a term that is no ATT&CK object', () => {
    const $ = parse(slideSvg({ ...card, attackId: undefined }));
    expect($('text').first().text()).toBe('Security Glossary · Techniques & Tools · № 27');
    expect($('text').eq(1).text()).toBe('PowerShell');
  });

  test.each([
    ['the longest possible title and summary, in the widest letter', 'W'.repeat(80), `${'W'.repeat(30)} `.repeat(8)],
    [
      'long words in a long title and summary',
      'Command and Scripting Interpreter: Windows Command Shell And Much More Beyond',
      'Pneumonoultramicroscopicsilicovolcanoconiosis '.repeat(5),
    ],
    ['emoji', '🛡️🔥'.repeat(20), '🔐 '.repeat(80)],
  ])('keeps every line of %s inside the margins, the definition cut with "…"', (_, title, summary) => {
    const layout = slideLayout({ ...card, title, summary: summary.trim(), qualifier: 'Q'.repeat(40) });
    for (const line of layout.lines) {
      expect(line.x).toBeGreaterThanOrEqual(MARGIN);
      expect(line.x + textWidth(line.text, line.size, line.bold), line.text).toBeLessThanOrEqual(
        SLIDE_SIZE.width - MARGIN,
      );
      expect(line.y - line.size * 0.76).toBeGreaterThan(20);
      expect(line.y + line.size * 0.24).toBeLessThanOrEqual(SLIDE_SIZE.height - 80);
    }
    const ys = layout.lines.map((l) => l.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(layout.lines.filter((l) => l.bold && l.color === '#ffffff').length).toBeLessThanOrEqual(3);
    const definition = layout.lines.filter((l) => !l.bold && l.size >= SLIDE_MIN.definition && l.color === '#f1f3f5');
    expect(definition.length).toBeGreaterThanOrEqual(2);
    expect(definition.at(-1)!.text).toMatch(/…$/);
  });

  test('a 240-character definition fits whole at a readable size below a two-line title', () => {
    const summary =
      'An entry whose one-line definition runs to the full two hundred and forty characters the schema allows, with ordinary words of ordinary length, so that the slide has to show every one of them without cutting anything off at the end.'.slice(
        0,
        240,
      );
    const layout = slideLayout({ ...card, title: 'Trusted Developer Utilities Proxy Execution', summary });
    const definition = layout.lines.filter((l) => l.color === '#f1f3f5');
    expect(definition.map((l) => l.text).join(' ')).toBe(summary);
    expect(definition[0]!.size).toBeGreaterThanOrEqual(48);
  });

  test('escapes hostile text: markup, quotes, control characters, right-to-left and emoji stay text in well-formed XML', async () => {
    const hostile = {
      ...card,
      title: '</text><script>alert(1)</script>',
      qualifier: '"><svg onload=alert(2)> \u202Eevil',
      summary: 'Ampersands & \'quotes\' "here" <b>bold</b> ]]> \u0000\u0007\u001B bell, שלום עולם and 🔥 emoji.',
      category: 'C & D',
      attackId: 'T1059<x>',
      url: 'https://glossary.example.org/n/27/?a=1&b=<2>',
    };
    const svg = slideSvg(hostile);
    expect(svg).not.toMatch(/<script|<svg onload|<b>/);
    expect(svg).not.toMatch(/[\u0000\u0007\u001B]/);
    const $ = parse(svg);
    expect($('script').length).toBe(0);
    expect($('svg > title').text()).toBe(
      '</text><script>alert(1)</script> ("><svg onload=alert(2)> \u202Eevil) · Security Glossary',
    );
    expect($('text').text()).toContain('שלום עולם');
    expect($('text').text()).toContain('T1059<x>');
    expect($('text').text()).toContain('https://glossary.example.org/n/27/?a=1&b=<2>');
    const meta = await sharp(Buffer.from(svg)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['svg', 1920, 1080]);
  });
});

describe('drawCards', () => {
  test('writes each slide beside its PNG in the cache, keyed on its content, and rewrites it when the content changes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'glossary-slide-cache-'));
    const [first] = await drawCards([['powershell', card]], dir);
    expect(await readFile(first!.slide, 'utf8')).toBe(slideSvg(card));
    expect(first!.png).toMatch(/\.png$/);
    const [second] = await drawCards([['powershell', { ...card, summary: 'Changed.' }]], dir);
    expect(second!.slide).not.toBe(first!.slide);
    expect(second!.png).not.toBe(first!.png);
    expect(await readFile(second!.slide, 'utf8')).toContain('Changed.');
    // The first drawing's files are gone: nothing uses them any more.
    expect((await readdir(dir)).sort()).toEqual(
      [second!.png, second!.slide].map((f) => f.slice(dir.length + 1)).sort(),
    );
  });

  test('a rebuild keeps the drawings of unchanged cards and redraws only the card that changed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'glossary-og-cache-'));
    const other = { ...card, title: 'WMI', summary: 'Another card.' };
    const bySlug = (drawn: Awaited<ReturnType<typeof drawCards>>) => Object.fromEntries(drawn.map((d) => [d.slug, d]));
    const first = bySlug(
      await drawCards(
        [
          ['powershell', card],
          ['wmi', other],
        ],
        dir,
      ),
    );
    const before = (await stat(first['wmi']!.png)).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = bySlug(
      await drawCards(
        [
          ['powershell', { ...card, title: 'PowerShell 7' }],
          ['wmi', other],
        ],
        dir,
      ),
    );
    expect(second['wmi']).toEqual(first['wmi']);
    expect((await stat(second['wmi']!.png)).mtimeMs).toBe(before);
    expect(second['powershell']!.png).not.toBe(first['powershell']!.png);
  });
});
