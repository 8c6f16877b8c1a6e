/**
 * The one rule for text a spreadsheet would run as a formula. A spreadsheet runs a cell that starts with "=", "+",
 * "-", "@", a tab or a carriage return as a formula (`=HYPERLINK(…)`, `+cmd|' /C calc'!A0`, `@SUM(…)`); some do so
 * after leading spaces too, or for the full-width forms of these signs. Two uses read it:
 *
 * - every file a spreadsheet may open (the site's CSV, the pack's CSV and the flashcard files) neutralises such
 *   cells (`neutraliseFormula`, OWASP's CSV injection advice);
 * - names (titles, qualifiers, aliases), the cells people sort and filter on, may not start like a formula at all
 *   (`nameStartsLikeFormula`). A leading minus is allowed there: command-line switches such as `-EncodedCommand`
 *   are real names, and the exports neutralise them anyway.
 */

/** The signs that start a formula, each with its full-width form (U+FF1D, U+FF0B, U+FF0D, U+FF20). */
const SIGNS = ['=', '+', '-', '@'];
const fullWidth = (sign: string) => String.fromCharCode(sign.charCodeAt(0) + 0xfee0);
const signClass = (signs: string[]) =>
  `[${signs
    .flatMap((sign) => [sign, fullWidth(sign)])
    .map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .join('')}]`;

/** What a spreadsheet cell may not start with: a sign after any blanks or NULs, or a tab, line break or NUL. */
const CELL_TRIGGER = new RegExp(`^[\\s\\u0000]*${signClass(SIGNS)}|^[\\t\\r\\n\\u0000]`);

/** What a name may not start with: a sign other than minus after any blanks, or a tab or carriage return. */
const NAME_TRIGGER = new RegExp(`^\\s*${signClass(SIGNS.filter((sign) => sign !== '-'))}|^[\\t\\r]`);

/** Whether a spreadsheet would run this cell as a formula. */
export function startsLikeFormula(text: string): boolean {
  return CELL_TRIGGER.test(text);
}

/** Whether a title, qualifier or alias starts like a formula under the names' rule (minus allowed). */
export function nameStartsLikeFormula(text: string): boolean {
  return NAME_TRIGGER.test(text);
}

/**
 * Prefixes a single quote to text a spreadsheet would run as a formula. Flashcard files get opened in spreadsheets
 * to be checked or edited, so every cell of them goes through this.
 */
export function neutraliseFormula(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}
