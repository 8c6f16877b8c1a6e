/**
 * Looks up MITRE ATT&CK objects by ID in the data committed under `src/attack/data/`:
 * `enterprise.json`, `mobile.json` and `ics.json` (written by `npm run attack:update` from MITRE's
 * STIX data) with `overlay-v19.json` applied on top while the committed data is older than v19.
 *
 * No Astro imports, so components, content checks and scripts can all use it.
 *
 * IDs are matched case-insensitively and sub-techniques may be written with a slash, as in
 * ATT&CK URLs: `t1059/001` finds T1059.001. Lookups without a domain try Enterprise, then
 * Mobile, then ICS (software such as S0372 LockerGoga is in more than one).
 * Revoked and deprecated objects are found too: check `revokedBy` and `deprecated`.
 */
import enterprise from './data/enterprise.json' with { type: 'json' };
import mobile from './data/mobile.json' with { type: 'json' };
import ics from './data/ics.json' with { type: 'json' };
import overlayV19 from './data/overlay-v19.json' with { type: 'json' };
import {
  applyOverlay,
  compareVersions,
  type AttackDataset,
  type AttackDomainName,
  type AttackObjectKind,
  type AttackOverlay,
  type AttackRecord,
  type SoftwareType,
} from './stix.ts';

export type { AttackDomainName, AttackObjectKind, SoftwareType };

export interface AttackObject {
  /** `TA0002`, `T1059`, `T1059.001`, `M1038`, `S0154`. */
  id: string;
  name: string;
  kind: AttackObjectKind;
  domain: AttackDomainName;
  /** Techniques and sub-techniques: tactic IDs in matrix order; empty for other kinds. */
  tactics: string[];
  /** Sub-techniques: the parent technique's ID. */
  parent?: string;
  /** Tactics: MITRE's short name, as in Navigator layers and Sigma tags (`defense-impairment`). */
  shortname?: string;
  /** Software: whether ATT&CK files it as malware or as a tool (unknown for software only in the overlay). */
  software?: SoftwareType;
  /** Names a newer release replaced ("Defense Evasion" for TA0005 in v19). */
  formerNames?: string[];
  deprecated: boolean;
  revoked: boolean;
  /** The ID that replaces a revoked object. */
  revokedBy?: string;
  /** The object's page on attack.mitre.org, with a trailing slash: https://attack.mitre.org/techniques/T1059/001/ */
  url: string;
}

export interface TacticTechnique {
  technique: AttackObject;
  /** The technique's sub-techniques that are also in this tactic, by name. */
  subTechniques: AttackObject[];
}

export interface AttackDataVersion {
  /** The ATT&CK release the lookups answer for: `19.0`. */
  version: string;
  /** The major release as ATT&CK names it: `v19`. */
  label: string;
  /** The release date, YYYY-MM-DD, when known. */
  released?: string;
  /** The release of the committed STIX-derived data, before any overlay: `18.1`. */
  dataVersion: string;
  /** Where the committed data came from, e.g. `mitre/cti@<commit>:enterprise-attack/`. */
  source: string;
  /** Whether an overlay was applied on top of the data. */
  overlay: boolean;
}

const DOMAIN_ORDER: AttackDomainName[] = ['enterprise', 'mobile', 'ics'];

/** `t1059/001` → `T1059.001`. */
export function normalizeAttackId(id: string): string {
  return id.trim().toUpperCase().replace('/', '.');
}

function toObject(record: AttackRecord, domain: AttackDomainName): AttackObject {
  return {
    id: record.id,
    name: record.name,
    kind: record.kind,
    domain,
    tactics: record.tactics ? [...record.tactics] : [],
    ...(record.parent ? { parent: record.parent } : {}),
    ...(record.shortname ? { shortname: record.shortname } : {}),
    ...(record.software ? { software: record.software } : {}),
    ...(record.formerNames ? { formerNames: [...record.formerNames] } : {}),
    deprecated: record.deprecated === true,
    revoked: record.revoked === true,
    ...(record.revokedBy ? { revokedBy: record.revokedBy } : {}),
    url: `${record.url.replace(/\/$/, '')}/`,
  };
}

const inUse = (o: AttackObject) => !o.deprecated && !o.revoked;
const byName = (a: AttackObject, b: AttackObject) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : 1);

/**
 * The lookup functions over given datasets and overlays. The module's own exports are this
 * applied to the committed data; tests call it with fixtures.
 */
export function createAttackLookup(datasets: AttackDataset[], overlays: AttackOverlay[] = []) {
  const sortedOverlays = [...overlays].sort((a, b) => compareVersions(a.attackVersion, b.attackVersion));
  const effective = new Map<AttackDomainName, AttackDataset>();
  for (const dataset of datasets) effective.set(dataset.domain, sortedOverlays.reduce(applyOverlay, dataset));

  const objects = new Map<AttackDomainName, Map<string, AttackObject>>();
  for (const [domain, dataset] of effective) {
    objects.set(domain, new Map(dataset.objects.map((r) => [r.id, toObject(r, domain)])));
  }
  const domainsFor = (domain?: AttackDomainName) => (domain ? [domain] : DOMAIN_ORDER);

  /** An ATT&CK object by ID, in the given domain or the first domain that has it. */
  function attackObject(id: string, domain?: AttackDomainName): AttackObject | undefined {
    const key = normalizeAttackId(id);
    for (const d of domainsFor(domain)) {
      const found = objects.get(d)?.get(key);
      if (found) return found;
    }
    return undefined;
  }

  /** The object's name as ATT&CK gives it (`PowerShell` for T1059.001), or undefined. */
  function attackName(id: string, domain?: AttackDomainName): string | undefined {
    return attackObject(id, domain)?.name;
  }

  /** Whether ATT&CK has (or had: revoked and deprecated count) an object with this ID. */
  function isKnownAttackId(id: string, domain?: AttackDomainName): boolean {
    return attackObject(id, domain) !== undefined;
  }

  /** A technique's sub-techniques in use, by ID. */
  function subTechniquesOf(id: string, domain?: AttackDomainName): AttackObject[] {
    const parent = attackObject(id, domain);
    if (!parent) return [];
    return [...(objects.get(parent.domain)?.values() ?? [])]
      .filter((o) => o.kind === 'sub-technique' && o.parent === parent.id && inUse(o))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  /**
   * The techniques in use under a tactic, by name as the ATT&CK matrix shows them, each with its
   * sub-techniques that are also under that tactic.
   */
  function techniquesOfTactic(tacticId: string): TacticTechnique[] {
    const tactic = attackObject(tacticId);
    if (!tactic || tactic.kind !== 'tactic') return [];
    const all = [...(objects.get(tactic.domain)?.values() ?? [])].filter(
      (o) => inUse(o) && o.tactics.includes(tactic.id),
    );
    return all
      .filter((o) => o.kind === 'technique')
      .sort(byName)
      .map((technique) => ({
        technique,
        subTechniques: all.filter((o) => o.kind === 'sub-technique' && o.parent === technique.id).sort(byName),
      }));
  }

  /** A domain's tactics in the matrix's left-to-right order. */
  function matrixTactics(domain: AttackDomainName = 'enterprise'): AttackObject[] {
    const dataset = effective.get(domain);
    return (dataset?.matrix ?? []).map((id) => objects.get(domain)!.get(id)).filter((o) => o !== undefined);
  }

  const first = effective.get('enterprise') ?? effective.values().next().value;
  const data = datasets.find((d) => d.domain === first?.domain);
  const version: AttackDataVersion = {
    version: first?.attackVersion ?? '',
    label: `v${(first?.attackVersion ?? '').split('.')[0]}`,
    ...(first?.released ? { released: first.released } : {}),
    dataVersion: data?.attackVersion ?? '',
    source: data?.source ?? '',
    overlay: first !== data,
  };

  /** Every object of every domain, revoked and deprecated ones included. */
  function allAttackObjects(): AttackObject[] {
    return [...objects.values()].flatMap((m) => [...m.values()]);
  }

  return {
    attackObject,
    attackName,
    isKnownAttackId,
    subTechniquesOf,
    techniquesOfTactic,
    matrixTactics,
    allAttackObjects,
    version,
  };
}

const lookup = createAttackLookup([enterprise, mobile, ics] as AttackDataset[], [overlayV19 as AttackOverlay]);

/** An ATT&CK object by ID (`attackObject('T1059.001')`), optionally in one domain; undefined when unknown. */
export const attackObject = lookup.attackObject;
/** The name ATT&CK gives an ID: `attackName('T1059.001')` → `PowerShell`. */
export const attackName = lookup.attackName;
/** Whether an ID is in ATT&CK at all, revoked and deprecated objects included. */
export const isKnownAttackId = lookup.isKnownAttackId;
/** A technique's sub-techniques in use, by ID. */
export const subTechniquesOf = lookup.subTechniquesOf;
/** A tactic's techniques in use, by name, each with its sub-techniques under that tactic. */
export const techniquesOfTactic = lookup.techniquesOfTactic;
/** A domain's tactics in matrix order (Enterprise unless told). */
export const matrixTactics = lookup.matrixTactics;

/** Every object of every domain, revoked and deprecated ones included. */
export const allAttackObjects = lookup.allAttackObjects;

/** The same lookups on the committed STIX data alone, without the overlay: ATT&CK as MITRE's files give it (v18.1). */
export const dataLookup = createAttackLookup([enterprise, mobile, ics] as AttackDataset[]);

/**
 * The IDs in the committed STIX data that an overlay object stands for: itself when the data has it in use,
 * otherwise the objects the overlay revoked into it (T1685 → T1562, T1562.001, T1562.006). Empty for an object
 * new in the overlay with no predecessor (T1684 Social Engineering).
 */
export function dataIdsFor(id: string, domain: AttackDomainName = 'enterprise'): string[] {
  const inData = dataLookup.attackObject(id, domain);
  if (inData && !inData.revoked && !inData.deprecated) return [inData.id];
  return (overlayV19 as AttackOverlay).changes
    .filter((c) => c.op === 'revoke' && c.domain === domain && 'revokedBy' in c && c.revokedBy === id)
    .map((c) => c.id)
    .filter((old) => {
      const o = dataLookup.attackObject(old, domain);
      return o !== undefined && !o.revoked && !o.deprecated;
    });
}

/** The ATT&CK release the lookups answer for, and where the underlying data came from. */
export const attackDataVersion: AttackDataVersion = lookup.version;
