/**
 * The text of an HTML fragment as a screen reader reads it: tags dropped, character references decoded. For
 * attributes built from rendered content (a heading's copy-link label): Astro escapes attribute values again,
 * so rendered HTML passed as a label came out as "ATT&amp;amp;CK", read aloud as "ATT amp CK".
 */
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function htmlToText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(
      /&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|([a-zA-Z]+));/g,
      (ref, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
        if (name) return NAMED[name] ?? ref;
        const code = dec ? Number.parseInt(dec, 10) : Number.parseInt(hex!, 16);
        return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
          ? String.fromCodePoint(code)
          : '\ufffd';
      },
    )
    .replace(/\s+/g, ' ')
    .trim();
}
