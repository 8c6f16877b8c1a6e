/**
 * Characters that change how text reads without being seen. One rule for every name the glossary prints: entry
 * titles, qualifiers and aliases (refused by the content check) and course-pack titles typed into a link (removed).
 */

/** Bidirectional embeddings, overrides, isolates and marks: U+202E makes "exe.txt" read "txt.exe". */
export const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/**
 * Characters with no visible glyph of their own: format characters (zero-width space and joiners, soft hyphen,
 * word joiner, byte-order mark), separators, and the Hangul fillers that render blank.
 */
// eslint-disable-next-line no-misleading-character-class -- U+034F is listed as a character of its own, not as a mark on `\s`.
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Z}\s\u034F\u115F\u1160\u17B4\u17B5\u3164\uFFA0]/gu;

/** Whether a name shows nothing once invisible characters are taken out (an `<h1>` of zero-width spaces). */
export function isBlank(text: string): boolean {
  return text.replace(INVISIBLE, '') === '';
}

/** The first bidirectional control character in the text, as `U+202E`, or undefined. */
export function firstBidiControl(text: string): string | undefined {
  const found = BIDI_CONTROL.exec(text)?.[0];
  return found && `U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Text without control characters and bidirectional controls, for names shown from untrusted input. */
export function removeInvisibleControls(text: string): string {
  return text.replace(new RegExp(`[\\p{Cc}${BIDI_CONTROL.source.slice(1, -1)}]`, 'gu'), '');
}
