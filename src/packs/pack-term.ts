export interface PackTerm {
  slug: string;
  number: number;          // catalog number
  title: string;
  qualifier: string;       // short disambiguator, e.g. "ATT&CK technique"
  category: { slug: string; name: string };
  summary: string;         // one-line plain-text definition
  aliases: string[];       // other names
  attack: { id: string; domain: string; kind: string } | null;
  tactics: string[];       // ATT&CK tactic IDs the term falls under, e.g. ["TA0002"]; [] if none
  example: string;         // first example, plain text
  url: string;             // absolute term page URL
  shortUrl: string;        // absolute short URL, e.g. https://host/n/12/
}
