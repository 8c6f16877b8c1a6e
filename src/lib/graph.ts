import { RELATIONS, type Relation } from '../schemas/vocabulary.ts';

export interface GraphTerm {
  slug: string;
  related: readonly { term: string; relation: Relation }[];
}

export interface Edge {
  /** The other term's slug. */
  slug: string;
  relation: Relation;
  /** How the link reads from the page it is shown on. */
  label: string;
}

/**
 * The terms whose `related` lists name each term, with the relation read
 * from the named term's side ("Detected by" for a `detects` link), so links
 * work in both directions without authors writing them twice.
 */
export function referencedBy(terms: readonly GraphTerm[]): Map<string, Edge[]> {
  const incoming = new Map<string, Edge[]>(terms.map((t) => [t.slug, []]));
  for (const term of terms) {
    for (const { term: target, relation } of term.related) {
      incoming.get(target)?.push({ slug: term.slug, relation, label: RELATIONS[relation].inverse });
    }
  }
  return incoming;
}

/** A term's own related links, labelled from its side. */
export function outgoing(term: GraphTerm): Edge[] {
  return term.related.map(({ term: slug, relation }) => ({ slug, relation, label: RELATIONS[relation].label }));
}
