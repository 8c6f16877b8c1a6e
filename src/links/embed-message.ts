/**
 * The message a term card (`/embed/<slug>/`) sends to the page that frames it, and the snippet README and
 * `/embed/` give for that page. Versioned: a later format gets a new `version`, and this one keeps its meaning.
 *
 *   { type: 'security-glossary:embed-height', version: 1, slug: 'execution', height: 183 }
 *
 * `height` is the card's full height in CSS pixels (definition not cut); the card sends it to its parent only,
 * when it loads and whenever it changes (the frame's width changed, so the text wraps differently).
 */
export const EMBED_HEIGHT_TYPE = 'security-glossary:embed-height';
export const EMBED_HEIGHT_VERSION = 1;

export interface EmbedHeightMessage {
  type: typeof EMBED_HEIGHT_TYPE;
  version: typeof EMBED_HEIGHT_VERSION;
  slug: string;
  height: number;
}

export function embedHeightMessage(slug: string, height: number): EmbedHeightMessage {
  return { type: EMBED_HEIGHT_TYPE, version: EMBED_HEIGHT_VERSION, slug, height: Math.ceil(height) };
}

export function isEmbedHeightMessage(data: unknown): data is EmbedHeightMessage {
  const m = data as Partial<EmbedHeightMessage> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    m.type === EMBED_HEIGHT_TYPE &&
    m.version === EMBED_HEIGHT_VERSION &&
    typeof m.height === 'number' &&
    Number.isFinite(m.height) &&
    m.height > 0
  );
}

/**
 * How many lines of the definition to show when the frame is shorter than the card: as many as fit in `room`
 * pixels, at least one; undefined when all of them fit (nothing to cut).
 */
export function linesThatFit(room: number, lineHeight: number, lines: number): number | undefined {
  if (!(lineHeight > 0)) return undefined;
  const fit = Math.max(1, Math.floor((room + 0.5) / lineHeight));
  return fit < lines ? fit : undefined;
}

/** What README and /embed/ give trainers: the frame, and the few lines that let it grow to the card's height. */
/** `cardUrl` is the card's absolute URL (`absolute(urls.embed(slug), site)`). */
export function embedSnippet(cardUrl: string, title: string): string {
  // Not URL.origin, which would lower-case README's YOUR-GLOSSARY-HOST placeholder.
  const origin = /^[a-z]+:\/\/[^/]+/i.exec(cardUrl)?.[0] ?? cardUrl;
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return [
    `<iframe src="${escape(cardUrl)}" title="${escape(title)}" width="480" height="200" loading="lazy" style="border:0;max-width:100%"></iframe>`,
    '<script>',
    "  // Security Glossary cards: give each card's frame the height the card reports (once per page is enough).",
    "  addEventListener('message', (e) => {",
    '    const m = e.data;',
    `    if (e.origin !== '${origin}' || m?.type !== '${EMBED_HEIGHT_TYPE}' || m.version !== ${EMBED_HEIGHT_VERSION}) return;`,
    "    for (const f of document.querySelectorAll('iframe')) if (f.contentWindow === e.source) f.style.height = `${m.height}px`;",
    '  });',
    '</script>',
  ].join('\n');
}
