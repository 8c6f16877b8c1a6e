/**
 * One glossary term as the course-pack exports need it: plain values only, so the exports run the same in the
 * browser (a trainer picking terms) and at build time, and never depend on where the content gateway lives.
 */
export interface PackTerm {
  slug: string;
  /** Catalog number. */
  number: number;
  title: string;
  /** Short disambiguator, e.g. "ATT&CK technique". */
  qualifier: string;
  category: { slug: string; name: string };
  /** One-line plain-text definition. */
  summary: string;
  /** Other names. */
  aliases: string[];
  attack: { id: string; domain: string; kind: string } | null;
  /** ATT&CK tactic IDs the term falls under, e.g. ["TA0002"]; [] if none. */
  tactics: string[];
  /** First example, plain text. */
  example: string;
  /** Absolute term page URL. */
  url: string;
  /** Absolute short URL, e.g. https://host/n/12/ */
  shortUrl: string;
}
