/**
 * `/attack/<ID>/` for an ATT&CK ID that has no entry yet: a small page of facts from MITRE's data (name, kind,
 * tactics, parent, sub-techniques; no MITRE prose), the nearest entries and MITRE's page. Trainers can link any ID
 * through the glossary, and the link improves by itself when the entry is written (the page becomes a redirect).
 */
import { attackObject, matrixTactics, subTechniquesOf, techniquesOfTactic, type AttackObject } from './data.ts';

export interface IdRef {
  id: string;
  name: string;
  /** The glossary entry for the ID, if there is one. */
  slug?: string | undefined;
}

export interface IdStub extends IdRef {
  kind: AttackObject['kind'];
  /** MITRE's page for the ID. */
  url: string;
  tactics: IdRef[];
  parent?: IdRef | undefined;
  subTechniques: IdRef[];
}

/** The Enterprise techniques and sub-techniques in use that have no entry, each with what its page shows. */
export function idStubs(slugOf: (id: string) => string | undefined): IdStub[] {
  const ref = (o: AttackObject): IdRef => ({ id: o.id, name: o.name, slug: slugOf(o.id) });
  const seen = new Set<string>();
  const stubs: IdStub[] = [];
  for (const tactic of matrixTactics('enterprise')) {
    for (const { technique, subTechniques } of techniquesOfTactic(tactic.id)) {
      for (const o of [technique, ...subTechniques]) {
        if (seen.has(o.id) || slugOf(o.id)) continue;
        seen.add(o.id);
        const parent = o.parent ? attackObject(o.parent, 'enterprise') : undefined;
        stubs.push({
          ...ref(o),
          kind: o.kind,
          url: o.url,
          tactics: o.tactics.map((id) => attackObject(id, 'enterprise')).filter((t) => t !== undefined).map(ref),
          parent: parent && ref(parent),
          subTechniques: o.kind === 'technique' ? subTechniquesOf(o.id, 'enterprise').map(ref) : [],
        });
      }
    }
  }
  return stubs.sort((a, b) => (a.id < b.id ? -1 : 1));
}
