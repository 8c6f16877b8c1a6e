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

/** /api/pack-terms.json: what the pack pages load. */
export interface PackData {
  glossary: string;
  terms: PackTerm[];
  /** Former slug to current slug, so a pack link written before a rename still opens the term. */
  redirects: Record<string, string>;
  categories: { slug: string; name: string }[];
  /** Enterprise tactics in matrix order, for "every Execution technique". */
  tactics: { id: string; name: string }[];
}
