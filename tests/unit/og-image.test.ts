import { describe, expect, test } from 'vitest';
import { ogImageSvg, wrap } from '../../src/lib/og-image.ts';

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

describe('ogImageSvg', () => {
  test('escapes markup in the title so the SVG stays well-formed', () => {
    const svg = ogImageSvg({ title: '<script>&"', qualifier: 'Q', number: 7, category: 'C & D', site: 'S' });
    expect(svg).toContain('&lt;script&gt;&amp;&quot;');
    expect(svg).toContain('S · № 7');
    expect(svg).not.toContain('<script>');
  });
});
