/**
 * The ATT&CK ID index (/attack/ids/): every ID the glossary has an entry for, with the name MITRE gives it,
 * and every former ID that entries list among their aliases, with what MITRE replaced it by. Plain TypeScript
 * over the vendored data (attack-data.ts), so it is tested without building the site.
 */
import { attackObject, type AttackDomainName } from './data.ts';
import { ATTACK_KIND_KEYS, attackIdPattern, type AttackKind } from '../schemas/vocabulary.ts';

/** What the index needs of a term. */
export interface IndexedTerm {
  slug: string;
  title: string;
  aliases: readonly string[];
  attack?: { id: string; domain: AttackDomainName; kind: AttackKind } | undefined;
}

/** Row groups, in the order the index shows them. */
export const ID_GROUPS = ['tactics', 'techniques', 'mitigations', 'software', 'data-components', 'former'] as const;
export type IdGroup = (typeof ID_GROUPS)[number];

export interface IdRow {
  id: string;
  /** MITRE's name for the ID (for a former ID, the name it had). */
  name: string;
  kind: AttackKind;
  domain: AttackDomainName;
  /** The technique a sub-technique belongs to. */
  parent?: string | undefined;
  /** Former IDs: MITRE revoked the ID, in favour of another one (`revokedBy`)… */
  revoked?: boolean | undefined;
  revokedBy?: { id: string; name: string } | undefined;
  /** …or deprecated it, without a successor. */
  deprecated?: boolean | undefined;
  term: { slug: string; title: string };
}

export interface IdIndexGroup {
  group: IdGroup;
  rows: IdRow[];
}

const GROUP_OF_KIND: Record<AttackKind, IdGroup> = {
  tactic: 'tactics',
  technique: 'techniques',
  'sub-technique': 'techniques',
  mitigation: 'mitigations',
  software: 'software',
  'data-component': 'data-components',
};

/** Anything shaped like an ATT&CK ID, as aliases list them (`T1086`, `T1059.001`, `TA0030`, `M0938`, `S0106`). */
const ID_SHAPE = attackIdPattern(ATTACK_KIND_KEYS);

/** IDs sort by their text: T1059 < T1059.001 < T1059.003 < T1106, since every part has a fixed width. */
const byId = (a: IdRow, b: IdRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The index's row groups, each sorted by ID and only when it has rows: tactics, techniques with their
 * sub-techniques, mitigations, software, data components, then former IDs (revoked or deprecated by MITRE)
 * that entries list as aliases.
 */
export function attackIdIndex(terms: readonly IndexedTerm[]): IdIndexGroup[] {
  const rows = new Map<IdGroup, IdRow[]>(ID_GROUPS.map((g) => [g, []]));
  const seen = new Set<string>();
  for (const term of terms) {
    const entry = { slug: term.slug, title: term.title };
    if (term.attack) {
      const object = attackObject(term.attack.id, term.attack.domain);
      rows.get(GROUP_OF_KIND[term.attack.kind])!.push({
        id: term.attack.id,
        name: object?.name ?? term.title,
        kind: term.attack.kind,
        domain: term.attack.domain,
        parent: object?.parent,
        term: entry,
      });
      seen.add(term.attack.id);
    }
    for (const alias of term.aliases) {
      if (!ID_SHAPE.test(alias) || seen.has(alias)) continue;
      const former = attackObject(alias);
      if (!former || !(former.revoked || former.deprecated)) continue;
      const by = former.revokedBy ? attackObject(former.revokedBy) : undefined;
      rows.get('former')!.push({
        id: former.id,
        name: former.name,
        kind: former.kind,
        domain: former.domain,
        parent: former.parent,
        ...(former.revoked
          ? {
              revoked: true,
              revokedBy: former.revokedBy ? { id: former.revokedBy, name: by?.name ?? former.revokedBy } : undefined,
            }
          : { deprecated: true }),
        term: entry,
      });
      seen.add(former.id);
    }
  }
  return ID_GROUPS.map((group) => ({ group, rows: rows.get(group)!.sort(byId) })).filter((g) => g.rows.length > 0);
}
