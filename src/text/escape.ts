import { escapeUTF8 } from 'entities';
import { neutraliseFormula } from './formula.ts';

/**
 * One RFC 4180 field: always quoted, quotes doubled, formulas neutralised. Line breaks stay inside the quotes,
 * where spreadsheets read them as part of the cell.
 */
export function csvCell(value: string | number): string {
  return `"${neutraliseFormula(String(value)).replace(/"/g, '""')}"`;
}

/**
 * Anything outside XML 1.0's Char production. The `u` flag makes a lone surrogate one code point, so it is
 * caught too (TextEncoder would silently turn it into U+FFFD).
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Text any export can carry: line ends become "\n" and control characters are dropped. An XML parser must
 * stop at the first such character (so Moodle would reject the whole file), and in the text formats they are
 * invisible junk at best.
 */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(NOT_XML_CHAR, '');
}

/** Clean text on one line, for formats where a tab or a line break ends the field or the row. */
export function oneLine(text: string): string {
  return cleanText(text).replace(/[\t\n]/g, ' ');
}

/**
 * Escapes the five characters that are markup in HTML and XML, in text and in quoted attributes alike;
 * everything else stays as UTF-8.
 */
export function escapeMarkup(text: string): string {
  return escapeUTF8(text);
}

// Astro's own escaping (astro/runtime/server: escapeHTML for text, addAttribute for values), for HTML written beside
// Astro's that must have the bytes Astro would have written: text escapes all five characters, a double-quoted
// attribute value only "&" and '"'.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

/** A value in HTML text, escaped as Astro escapes `{value}` between tags. */
export function escapeHtmlText(value: string): string {
  return value.replace(/[&<>'"]/g, (c) => ENTITIES[c]!);
}

/** A value in a double-quoted HTML attribute, escaped as Astro escapes `name={value}`. */
export function escapeHtmlAttribute(value: string): string {
  return value.replace(/[&"]/g, (c) => ENTITIES[c]!);
}
