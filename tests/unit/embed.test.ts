import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { apiIds } from '../../src/catalog/api-ids.ts';
import { apiIdsSchema } from '../../src/schemas/api-ids.ts';
import { embedHeightMessage, embedSnippet, isEmbedHeightMessage, linesThatFit } from '../../src/links/embed-message.ts';

const previewScript = readFileSync(new URL('../../public/embed/preview.js', import.meta.url));
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('the preview script', () => {
  test('is at most 3 KB gzipped', () => {
    expect(gzipSync(previewScript).length).toBeLessThanOrEqual(3 * 1024);
  });

  test('is ASCII only, so it reads the same on pages that declare no charset', () => {
    const offending = [...previewScript.toString('latin1')].flatMap((c, i) =>
      c.charCodeAt(0) > 0x7e || (c.charCodeAt(0) < 0x20 && c !== '\n') ? [i] : [],
    );
    expect(offending).toEqual([]);
  });
});

describe('/api/ids.json', () => {
  test('maps ATT&CK IDs and catalog numbers to slugs, in order, in the documented format', () => {
    const ids = apiIds([
      { slug: 'powershell', number: 12, attack: { id: 'T1059.001' } },
      { slug: 'execution', number: 1, attack: { id: 'TA0002' } },
      { slug: 'edr', number: 3, attack: null },
      { slug: 'command-and-scripting-interpreter', number: 2, attack: { id: 'T1059' } },
    ]);
    expect(apiIdsSchema.parse(ids)).toEqual(ids);
    expect(ids).toEqual({
      attack: { T1059: 'command-and-scripting-interpreter', 'T1059.001': 'powershell', TA0002: 'execution' },
      numbers: { 1: 'execution', 2: 'command-and-scripting-interpreter', 3: 'edr', 12: 'powershell' },
    });
    expect(Object.keys(ids.attack)).toEqual(['T1059', 'T1059.001', 'TA0002']);
  });
});

describe('the card height message', () => {
  test('is versioned and carries the slug and a whole number of pixels', () => {
    expect(embedHeightMessage('execution', 182.2)).toEqual({
      type: 'security-glossary:embed-height',
      version: 1,
      slug: 'execution',
      height: 183,
    });
    expect(isEmbedHeightMessage(embedHeightMessage('execution', 182.2))).toBe(true);
    for (const other of [
      null,
      'x',
      {},
      { type: 'security-glossary:embed-height', version: 2, slug: 'x', height: 5 },
      { ...embedHeightMessage('x', 5), height: Infinity },
      { ...embedHeightMessage('x', 5), height: '5' },
    ]) {
      expect(isEmbedHeightMessage(other)).toBe(false);
    }
  });

  test('a definition is cut to the lines that fit, never below one, and not at all when it fits', () => {
    expect(linesThatFit(100, 22, 3)).toBeUndefined();
    expect(linesThatFit(66, 22, 4)).toBe(3);
    expect(linesThatFit(65.6, 22, 4)).toBe(3);
    expect(linesThatFit(40, 22, 4)).toBe(1);
    expect(linesThatFit(-30, 22, 4)).toBe(1);
    expect(linesThatFit(100, Number.NaN, 4)).toBeUndefined();
  });

  test("README's snippet is the one /embed/ gives: a titled, lazy, borderless frame and a resizer that checks origin, type and version", () => {
    const snippet = embedSnippet('https://YOUR-GLOSSARY-HOST/embed/execution/', 'Execution (MITRE Tactic)');
    expect(snippet).toContain(
      '<iframe src="https://YOUR-GLOSSARY-HOST/embed/execution/" title="Execution (MITRE Tactic)" width="480" height="200" loading="lazy" style="border:0;max-width:100%"></iframe>',
    );
    expect(snippet).toContain(
      "e.origin !== 'https://YOUR-GLOSSARY-HOST' || m?.type !== 'security-glossary:embed-height' || m.version !== 1",
    );
    expect(readme).toContain(snippet);
    expect(embedSnippet('https://g.example/glossary/embed/a/', 'A "quoted" <b>')).toContain(
      'src="https://g.example/glossary/embed/a/" title="A &quot;quoted&quot; &lt;b>"',
    );
  });
});
