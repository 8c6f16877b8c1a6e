/**
 * Where an ATT&CK object sits in MITRE's hierarchy (tactic › technique ›
 * sub-technique), from the vendored data, never from what an entry says:
 * tactic and technique pages list their children, sub-technique pages their
 * parent, and breadcrumbs follow the same path.
 */
import { attackObject, techniquesOfTactic, subTechniquesOf, type AttackObject } from './data.ts';
import { ENTERPRISE_TACTICS } from './matrix.ts';

/** A node of the hierarchy and, when the glossary has one, the entry's slug. */
export interface HierarchyNode {
  id: string;
  name: string;
  /** MITRE's page, for nodes without an entry. */
  url: string;
  slug?: string | undefined;
}

export interface TechniqueRow extends HierarchyNode {
  subTechniques: HierarchyNode[];
}

export interface Coverage {
  /** Techniques and sub-techniques with an entry. */
  covered: number;
  total: number;
}

export interface Placement {
  /** Tactics of a technique or sub-technique, in matrix order. */
  tactics: HierarchyNode[];
  /** The technique a sub-technique belongs to. */
  parent?: HierarchyNode | undefined;
  /** A tactic's techniques (with their sub-techniques), or a technique's sub-techniques. */
  children: TechniqueRow[];
  coverage?: Coverage | undefined;
  /** Tactic › technique path above the entry, for the breadcrumb. */
  trail: HierarchyNode[];
}

type SlugOf = (id: string) => string | undefined;

const node = (o: AttackObject, slugOf: SlugOf): HierarchyNode => ({
  id: o.id,
  name: o.name,
  url: o.url,
  slug: slugOf(o.id),
});

const matrixOrder = (ids: readonly string[]) =>
  [...ids].sort(
    (a, b) => ENTERPRISE_TACTICS.findIndex((t) => t.id === a) - ENTERPRISE_TACTICS.findIndex((t) => t.id === b),
  );

/** The placement of an Enterprise tactic, technique or sub-technique; undefined for anything else. */
export function placementOf(id: string, slugOf: SlugOf): Placement | undefined {
  const object = attackObject(id, 'enterprise');
  if (!object || object.revoked || object.deprecated) return undefined;
  if (object.kind === 'tactic') {
    const children = techniquesOfTactic(object.id).map(({ technique, subTechniques }) => ({
      ...node(technique, slugOf),
      subTechniques: subTechniques.map((s) => node(s, slugOf)),
    }));
    return { tactics: [], children, coverage: coverageOf(children), trail: [] };
  }
  if (object.kind !== 'technique' && object.kind !== 'sub-technique') return undefined;
  const technique =
    object.kind === 'sub-technique' && object.parent ? attackObject(object.parent, 'enterprise') : object;
  const tactics = matrixOrder(technique?.tactics ?? object.tactics)
    .map((t) => attackObject(t, 'enterprise'))
    .filter((t): t is AttackObject => Boolean(t))
    .map((t) => node(t, slugOf));
  const parent = object.kind === 'sub-technique' && technique ? node(technique, slugOf) : undefined;
  const children =
    object.kind === 'technique'
      ? subTechniquesOf(object.id)
          .filter((s) => !s.revoked && !s.deprecated)
          .map((s) => ({ ...node(s, slugOf), subTechniques: [] }))
      : [];
  return {
    tactics,
    parent,
    children,
    coverage: children.length ? coverageOf(children) : undefined,
    // A technique in several tactics is shown under the first in matrix order; the page lists all of them.
    trail: [...tactics.slice(0, 1), ...(parent ? [parent] : [])],
  };
}

function coverageOf(rows: readonly TechniqueRow[]): Coverage {
  const all = rows.flatMap((r) => [r, ...r.subTechniques]);
  return { covered: all.filter((n) => n.slug).length, total: all.length };
}

/** Slugs a page's hierarchy already shows, so "Referenced by" need not repeat them. */
export function slugsShown(placement: Placement | undefined): Set<string> {
  if (!placement) return new Set();
  const nodes = [
    ...placement.tactics,
    ...(placement.parent ? [placement.parent] : []),
    ...placement.children.flatMap((r) => [r, ...r.subTechniques]),
  ];
  return new Set(nodes.map((n) => n.slug).filter((s): s is string => Boolean(s)));
}
