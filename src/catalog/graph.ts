import { RELATION_KEYS, relationInfo, type Relation } from '../schemas/vocabulary.ts';

export interface GraphTerm {
  slug: string;
  attack?: { kind: string } | undefined;
  related: readonly { term: string; relation: Relation }[];
}

/** Which end of a link a page's term is: the one whose file states it, or the one it names. */
export type End = 'source' | 'target';

export interface Edge {
  /** The other term's slug. */
  slug: string;
  relation: Relation;
  /** This page's end of the link. */
  end: End;
  /** How the link reads from the page it is shown on. */
  label: string;
}

/**
 * The label of one end of a link: "Detects" on the source's page, "Detected by" on the target's. Between two
 * ATT&CK tactics `precedes` says "Often leads to"/"Often follows": tactics are not a strict sequence, and other
 * tactics often sit between two that are linked (Collection → Exfiltration skips Command and Control).
 */
export function relationLabel(relation: Relation, end: End, betweenTactics = false): string {
  const info = relationInfo(relation);
  const labels = (betweenTactics && info.betweenTactics) || info;
  return end === 'source' ? labels.label : labels.inverse;
}

// Earlier steps read before later ones; for every other relation the stating end's label comes first.
const rank = ({ relation, end }: Edge) =>
  RELATION_KEYS.indexOf(relation) * 2 + ((relation === 'precedes') === (end === 'source') ? 1 : 0);

/**
 * Every link touching each term, whichever file states it, labelled from that term's side and grouped in
 * vocabulary order. Within a group the term's own links come first, in the author's order. A symmetric
 * link stated in both files is listed once.
 */
export function relationsByTerm(terms: readonly GraphTerm[]): Map<string, Edge[]> {
  const bySlug = new Map(terms.map((t) => [t.slug, t]));
  const isTactic = (slug: string) => bySlug.get(slug)?.attack?.kind === 'tactic';
  const links: { source: string; target: string; relation: Relation }[] = [];
  const seen = new Set<string>();
  for (const term of terms) {
    for (const { term: target, relation } of term.related) {
      if (target === term.slug || !bySlug.has(target)) continue;
      const ends = relationInfo(relation).symmetric ? [term.slug, target].sort() : [term.slug, target];
      const key = `${relation} ${ends.join(' ')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      links.push({ source: term.slug, target, relation });
    }
  }

  const edges = new Map<string, Edge[]>(terms.map((t) => [t.slug, []]));
  const add = (slug: string, other: string, relation: Relation, end: End) =>
    edges
      .get(slug)!
      .push({ slug: other, relation, end, label: relationLabel(relation, end, isTactic(slug) && isTactic(other)) });
  for (const { source, target, relation } of links) add(source, target, relation, 'source');
  for (const { source, target, relation } of links) add(target, source, relation, 'target');
  for (const list of edges.values()) list.sort((a, b) => rank(a) - rank(b));
  return edges;
}
