import hyphen from 'hyphen/en-us/index.js';

/**
 * The text with soft hyphens (U+00AD) where an English dictionary would break its words, for the 15 narrow
 * columns of the ATT&CK matrix. CSS `hyphens: auto` depends on dictionaries the browser may not have (Chromium on
 * Linux has none offline), and without them a narrow column cuts "Reconnaissance" wherever it runs out of room.
 * Soft hyphens are invisible unless a line breaks there; Chromium keeps them in copied text, so the matrix page
 * removes them on copy (src/client/strip-soft-hyphens.ts).
 */
export function breakable(text: string): string {
  // Even "Command" overflows a tactic's heading at 1200 px; words under 6 letters always fit.
  return hyphen
    .hyphenateSync(text, { minWordLength: 6 })
    .replace(COMPOUND, (word) =>
      COMPOUNDS[word.toLowerCase()]!.replace('|', '\u00ad').replace(/^./, (c) =>
        word[0] === word[0]!.toUpperCase() ? c.toUpperCase() : c,
      ),
    );
}

/** Compound words in ATT&CK's names that the dictionary has no break for, with where to break them. */
const COMPOUNDS: Record<string, string> = { guardrails: 'guard|rails' };
const COMPOUND = new RegExp(`\\b(?:${Object.keys(COMPOUNDS).join('|')})\\b`, 'gi');
