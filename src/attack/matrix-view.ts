/**
 * The ATT&CK Enterprise matrix as /attack/ shows it: every tactic in matrix order, each with all its
 * techniques (by name, as MITRE's matrix lists them) and their sub-techniques, each marked with the glossary
 * entry it leads to when there is one. Plain TypeScript over the vendored data (attack-data.ts), so it is
 * tested without building the site; the page passes in how to find an entry for an ID.
 */
import { matrixTactics, techniquesOfTactic, type AttackDomainName } from './data.ts';

/** The slug of the glossary entry for an ATT&CK ID, or undefined when there is none. */
export type SlugOf = (id: string) => string | undefined;

export interface MatrixCell {
  id: string;
  name: string;
  /** The glossary entry for this ID. */
  slug?: string | undefined;
  /** MITRE's page for the ID: where a cell without an entry leads, so the matrix never dead-ends. */
  url: string;
}

export interface MatrixTechnique extends MatrixCell {
  /** Its sub-techniques under this tactic, by name. */
  subTechniques: MatrixCell[];
  /** How many of those have glossary entries. */
  coveredSubTechniques: number;
}

export interface MatrixColumn extends MatrixCell {
  techniques: MatrixTechnique[];
  /** Techniques in this column with an entry, or with a sub-technique that has one. */
  coveredTechniques: number;
  /** Techniques and sub-techniques in this column with entries. */
  covered: number;
}

export interface MatrixCoverage {
  /** Distinct techniques and sub-techniques with an entry. */
  covered: number;
  /** Distinct techniques and sub-techniques in the matrix (one in several tactics counts once). */
  total: number;
}

export interface MatrixView {
  columns: MatrixColumn[];
  coverage: MatrixCoverage;
}

const cell = (o: { id: string; name: string; url: string }, slugOf: SlugOf): MatrixCell => ({
  id: o.id,
  name: o.name,
  slug: slugOf(o.id),
  url: o.url,
});

/** The matrix of a domain (Enterprise unless told) with each ID's glossary entry. */
export function matrixView(slugOf: SlugOf, domain: AttackDomainName = 'enterprise'): MatrixView {
  const all = new Set<string>();
  const covered = new Set<string>();
  const columns = matrixTactics(domain).map((tactic): MatrixColumn => {
    let columnCovered = 0;
    const techniques = techniquesOfTactic(tactic.id).map(({ technique, subTechniques }): MatrixTechnique => {
      const subs = subTechniques.map((s) => cell(s, slugOf));
      const row = {
        ...cell(technique, slugOf),
        subTechniques: subs,
        coveredSubTechniques: subs.filter((s) => s.slug).length,
      };
      for (const c of [row, ...subs]) {
        all.add(c.id);
        if (c.slug) {
          covered.add(c.id);
          columnCovered++;
        }
      }
      return row;
    });
    return {
      ...cell(tactic, slugOf),
      techniques,
      coveredTechniques: techniques.filter((t) => t.slug || t.coveredSubTechniques > 0).length,
      covered: columnCovered,
    };
  });
  return { columns, coverage: { covered: covered.size, total: all.size } };
}
