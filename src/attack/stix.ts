/**
 * Turns MITRE's ATT&CK STIX data into the compact dataset the glossary commits under
 * `src/attack/data/<domain>.json`, and applies a hand-written overlay for ATT&CK releases
 * newer than the newest bundle we could obtain.
 *
 * Plain TypeScript with no Node or Astro imports: `scripts/attack-update.ts` does the file
 * reading and writing, `src/attack/data.ts` does the lookups.
 */
import { attackIdPattern } from '../schemas/vocabulary.ts';

export type AttackDomainName = 'enterprise' | 'mobile' | 'ics';
export type AttackObjectKind = 'tactic' | 'technique' | 'sub-technique' | 'mitigation' | 'software';
export type SoftwareType = 'malware' | 'tool';

/** One ATT&CK object as committed: one line of the dataset file. */
export interface AttackRecord {
  /** The ATT&CK ID: `TA0002`, `T1059`, `T1059.001`, `M1038`, `S0154`. */
  id: string;
  name: string;
  kind: AttackObjectKind;
  /** Software only: STIX `malware` or `tool`. */
  software?: SoftwareType;
  /** Tactics only: `x_mitre_shortname`, the `phase_name` that techniques use (`execution`). */
  shortname?: string;
  /** Techniques and sub-techniques: tactic IDs in matrix order. */
  tactics?: string[];
  /** Sub-techniques: the parent technique's ID. */
  parent?: string;
  /** Names an overlay replaced, oldest first ("Defense Evasion" for TA0005 in v19). */
  formerNames?: string[];
  /** `x_mitre_deprecated`; absent when false. */
  deprecated?: true;
  /** STIX `revoked`; absent when false. */
  revoked?: true;
  /** The ID of the object named by this object's `revoked-by` relationship. */
  revokedBy?: string;
  /** The object's page on attack.mitre.org as the STIX data gives it. */
  url: string;
}

export interface AttackDataset {
  domain: AttackDomainName;
  /** The ATT&CK release, e.g. `18.1`. */
  attackVersion: string;
  /** The release's date (`2025-11-13`), when the data or the person running the update gave it. */
  released?: string;
  /** Where the data came from, e.g. `mitre/cti@<commit>:enterprise-attack/`. */
  source: string;
  /** Tactic IDs in the matrix's left-to-right order (`tactic_refs` of the `x-mitre-matrix`). */
  matrix: string[];
  /** Every tactic, technique, sub-technique, mitigation and piece of software, sorted by ID. */
  objects: AttackRecord[];
}

/** A STIX object as far as this module reads it. */
export interface StixObject {
  type: string;
  id: string;
  name?: string;
  modified?: string;
  revoked?: boolean;
  x_mitre_deprecated?: boolean;
  x_mitre_version?: string;
  x_mitre_shortname?: string;
  x_mitre_is_subtechnique?: boolean;
  tactic_refs?: string[];
  kill_chain_phases?: { kill_chain_name: string; phase_name: string }[];
  external_references?: { source_name: string; external_id?: string; url?: string }[];
  relationship_type?: string;
  source_ref?: string;
  target_ref?: string;
}

export interface StixBundle {
  type?: string;
  objects: StixObject[];
}

export interface ReadOptions {
  /** Overrides the domain read from the `x-mitre-matrix` (`enterprise-attack` → `enterprise`). */
  domain?: AttackDomainName;
  /** Used when the data has no `x-mitre-collection` (mitre/cti's per-object files have none). */
  attackVersion?: string;
  /** The release date (YYYY-MM-DD), likewise; a collection's `modified` date is used when there is one. */
  released?: string;
  source?: string;
  /** Told about objects that were skipped or could not be resolved. */
  onWarning?: (message: string) => void;
}

const DOMAIN_OF_MATRIX: Record<string, AttackDomainName> = {
  'enterprise-attack': 'enterprise',
  'mobile-attack': 'mobile',
  'ics-attack': 'ics',
};

/** The `kill_chain_name` that each domain's techniques use for their tactics. */
const KILL_CHAIN: Record<AttackDomainName, string> = {
  enterprise: 'mitre-attack',
  mobile: 'mitre-mobile-attack',
  ics: 'mitre-ics-attack',
};

const ID_PATTERN: Record<string, RegExp> = {
  'x-mitre-tactic': attackIdPattern(['tactic']),
  'attack-pattern': attackIdPattern(['technique', 'sub-technique']),
  // Before 2019 every technique had a course-of-action carrying the technique's own ID ("PowerShell Mitigation",
  // T1086). MITRE deprecated them; they are not mitigations in today's sense, and their IDs collide with techniques.
  'course-of-action': attackIdPattern(['mitigation']),
  malware: attackIdPattern(['software']),
  tool: attackIdPattern(['software']),
};

export function attackIdOf(object: StixObject): string | undefined {
  return object.external_references?.find((r) => r.source_name === 'mitre-attack')?.external_id;
}

function kindOf(object: StixObject, id: string): AttackObjectKind {
  switch (object.type) {
    case 'x-mitre-tactic':
      return 'tactic';
    case 'attack-pattern':
      return object.x_mitre_is_subtechnique || id.includes('.') ? 'sub-technique' : 'technique';
    case 'course-of-action':
      return 'mitigation';
    default:
      return 'software';
  }
}

/** The attack.mitre.org page of an object, in the form STIX uses (no trailing slash). */
export function attackUrl(id: string, kind: AttackObjectKind): string {
  const path = {
    tactic: 'tactics',
    technique: 'techniques',
    'sub-technique': 'techniques',
    mitigation: 'mitigations',
    software: 'software',
  }[kind];
  return `https://attack.mitre.org/${path}/${id.replace('.', '/')}`;
}

/** Code-unit order, so the files sort the same on every machine: `M…`, `S…`, `T1…`, `T1….001`, `TA…`. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Keeps one copy of each STIX object, the most recently modified, when files overlap. */
export function mergeStixObjects(objects: Iterable<StixObject>): StixObject[] {
  const byId = new Map<string, StixObject>();
  for (const object of objects) {
    const seen = byId.get(object.id);
    if (!seen || (object.modified ?? '') > (seen.modified ?? '')) byId.set(object.id, object);
  }
  return [...byId.values()];
}

/**
 * Reads one domain's STIX bundle (STIX 2.0 or 2.1; a whole `enterprise-attack.json` or the merged
 * per-object files of mitre/cti) into the compact dataset.
 */
export function readStixBundle(bundle: StixBundle | StixObject[], options: ReadOptions = {}): AttackDataset {
  const warn = options.onWarning ?? (() => {});
  const objects = mergeStixObjects(Array.isArray(bundle) ? bundle : bundle.objects);

  const collection = objects.find((o) => o.type === 'x-mitre-collection');
  const attackVersion = collection?.x_mitre_version ?? options.attackVersion;
  if (!attackVersion) {
    throw new Error(
      'The data has no x-mitre-collection object to read the ATT&CK version from: pass the version (--attack-version 18.1).',
    );
  }

  const released = collection?.modified?.slice(0, 10) ?? options.released;

  const matrices = objects.filter((o) => o.type === 'x-mitre-matrix' && !o.revoked && !o.x_mitre_deprecated);
  const matrixDomains = [
    ...new Set(matrices.map((m) => DOMAIN_OF_MATRIX[attackIdOf(m) ?? '']).filter((d) => d !== undefined)),
  ];
  const domain = options.domain ?? matrixDomains[0];
  if (!domain) throw new Error('The data has no x-mitre-matrix for Enterprise, Mobile or ICS: pass the domain.');
  if (matrixDomains.length > 1)
    throw new Error(`The data mixes domains (${matrixDomains.join(', ')}): give one domain's bundle at a time.`);

  // ATT&CK ID of every STIX object we keep, for resolving references.
  const attackIdByStixId = new Map<string, string>();
  const records = new Map<string, { record: AttackRecord; object: StixObject }>();
  for (const object of objects) {
    const pattern = ID_PATTERN[object.type];
    if (!pattern) continue;
    const id = attackIdOf(object);
    if (!id || !pattern.test(id)) {
      if (object.type !== 'course-of-action' || !object.x_mitre_deprecated)
        warn(`skipped ${object.type} ${object.id} with ATT&CK ID ${id ?? '(none)'}`);
      continue;
    }
    const kind = kindOf(object, id);
    const record: AttackRecord = {
      id,
      name: object.name ?? id,
      kind,
      url: object.external_references?.find((r) => r.source_name === 'mitre-attack')?.url ?? attackUrl(id, kind),
    };
    if (kind === 'software') record.software = object.type as SoftwareType;
    if (kind === 'tactic' && object.x_mitre_shortname) record.shortname = object.x_mitre_shortname;
    if (kind === 'sub-technique') record.parent = id.split('.')[0]!;
    if (object.x_mitre_deprecated) record.deprecated = true;
    if (object.revoked) record.revoked = true;

    const seen = records.get(id);
    if (seen) {
      // The same ID on two objects: keep the one in use, else the newer.
      const rank = (o: StixObject) => (o.revoked || o.x_mitre_deprecated ? 0 : 1);
      const keepNew =
        rank(object) > rank(seen.object) ||
        (rank(object) === rank(seen.object) && (object.modified ?? '') > (seen.object.modified ?? ''));
      warn(
        `${id} names two STIX objects (${seen.object.id}, ${object.id}); kept ${keepNew ? object.id : seen.object.id}`,
      );
      if (!keepNew) {
        attackIdByStixId.set(object.id, id);
        continue;
      }
    }
    records.set(id, { record, object });
    attackIdByStixId.set(object.id, id);
  }

  // Tactic order: the matrix's tactic_refs; tactics missing from it follow in ID order.
  const tacticRecords = [...records.values()].filter((r) => r.record.kind === 'tactic');
  const matrix: string[] = [];
  for (const ref of matrices.flatMap((m) => m.tactic_refs ?? [])) {
    const id = attackIdByStixId.get(ref);
    if (id && !matrix.includes(id)) matrix.push(id);
  }
  const position = (tacticId: string) => {
    const i = matrix.indexOf(tacticId);
    return i < 0 ? matrix.length : i;
  };
  const tacticIdByShortname = new Map<string, string>();
  for (const { record } of tacticRecords.sort((a, b) => compareIds(a.record.id, b.record.id))) {
    if (record.shortname && !(record.revoked || record.deprecated))
      tacticIdByShortname.set(record.shortname, record.id);
  }
  for (const { record } of tacticRecords) {
    if (record.shortname && !tacticIdByShortname.has(record.shortname))
      tacticIdByShortname.set(record.shortname, record.id);
  }

  for (const { record, object } of records.values()) {
    if (record.kind !== 'technique' && record.kind !== 'sub-technique') continue;
    const tactics: string[] = [];
    for (const phase of object.kill_chain_phases ?? []) {
      if (phase.kill_chain_name !== KILL_CHAIN[domain]) continue;
      const tactic = tacticIdByShortname.get(phase.phase_name);
      if (!tactic) warn(`${record.id}: no tactic has the shortname ${phase.phase_name}`);
      else if (!tactics.includes(tactic)) tactics.push(tactic);
    }
    record.tactics = tactics.sort((a, b) => position(a) - position(b) || compareIds(a, b));
  }

  for (const relationship of objects) {
    if (relationship.type !== 'relationship' || relationship.relationship_type !== 'revoked-by' || relationship.revoked)
      continue;
    const from = attackIdByStixId.get(relationship.source_ref ?? '');
    const to = attackIdByStixId.get(relationship.target_ref ?? '');
    const entry = from ? records.get(from) : undefined;
    // Only the object actually kept under that ID is revoked by this relationship.
    if (!entry || entry.object.id !== relationship.source_ref) continue;
    if (to) entry.record.revokedBy = to;
    else warn(`${from} is revoked by ${relationship.target_ref}, which has no ATT&CK ID here`);
  }

  return {
    domain,
    attackVersion,
    ...(released ? { released } : {}),
    source: options.source ?? '',
    matrix,
    objects: [...records.values()].map((r) => r.record).sort((a, b) => compareIds(a.id, b.id)),
  };
}

const RECORD_KEYS: (keyof AttackRecord)[] = [
  'id',
  'name',
  'kind',
  'software',
  'shortname',
  'tactics',
  'parent',
  'deprecated',
  'revoked',
  'revokedBy',
  'url',
];

/**
 * The dataset as committed: the header fields first, then one object per line, so a new ATT&CK
 * release shows in `git diff` as the lines of the objects that changed.
 */
export function formatDataset(dataset: AttackDataset): string {
  const line = (record: AttackRecord) =>
    JSON.stringify(Object.fromEntries(RECORD_KEYS.filter((k) => record[k] !== undefined).map((k) => [k, record[k]])));
  return [
    '{',
    `  "domain": ${JSON.stringify(dataset.domain)},`,
    `  "attackVersion": ${JSON.stringify(dataset.attackVersion)},`,
    ...(dataset.released ? [`  "released": ${JSON.stringify(dataset.released)},`] : []),
    `  "source": ${JSON.stringify(dataset.source)},`,
    `  "matrix": ${JSON.stringify(dataset.matrix)},`,
    '  "objects": [',
    dataset.objects.map((r) => `    ${line(r)}`).join(',\n'),
    '  ]',
    '}',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Overlay: changes published by MITRE after the newest bundle we have, each with its source.

interface OverlayChangeBase {
  domain: AttackDomainName;
  id: string;
  /** A page on which a reader can check the change. */
  source: string;
  /** What the source does not say outright, or how the change was read from it. */
  note?: string;
}

export type OverlayChange =
  | (OverlayChangeBase & {
      op: 'add';
      kind: AttackObjectKind;
      name: string;
      shortname?: string;
      tactics?: string[];
      software?: SoftwareType;
      /** Tactics only: the tactic it follows in the matrix. */
      after?: string;
      /** Where the new object's tactics are published, when not on the `source` page. */
      tacticsSource?: string;
    })
  | (OverlayChangeBase & { op: 'rename'; name: string; was: string; shortname?: string })
  | (OverlayChangeBase & { op: 'tactics'; tactics: string[]; was: string[] })
  | (OverlayChangeBase & { op: 'revoke'; revokedBy: string })
  | (OverlayChangeBase & { op: 'deprecate' });

export interface AttackOverlay {
  /** The release the overlay brings a dataset to, e.g. `19.0`. */
  attackVersion: string;
  /** When MITRE published the release (YYYY-MM-DD). */
  released: string;
  /** The dataset release the changes are written against, e.g. `18.1`. */
  basedOn: string;
  changes: OverlayChange[];
}

/** Compares ATT&CK release numbers: `18.1` < `19.0` < `19.10`. */
export function compareVersions(a: string, b: string): number {
  const pa = a.replace(/^v/, '').split('.').map(Number);
  const pb = b.replace(/^v/, '').split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Applies an overlay's changes for the dataset's domain and returns a new dataset at the overlay's
 * version. A dataset already at or past the overlay's version is returned as it is, so the overlay
 * can stay in place until someone deletes it; any other mismatch, and any change that does not
 * fit the data (renaming an unknown ID, adding an existing one), throws.
 */
export function applyOverlay(dataset: AttackDataset, overlay: AttackOverlay): AttackDataset {
  if (compareVersions(dataset.attackVersion, overlay.attackVersion) >= 0) return dataset;
  if (compareVersions(dataset.attackVersion, overlay.basedOn) !== 0) {
    throw new Error(
      `The ${overlay.attackVersion} overlay is written against ATT&CK ${overlay.basedOn}, but the ${dataset.domain} data is ${dataset.attackVersion}.`,
    );
  }
  const byId = new Map(dataset.objects.map((r) => [r.id, structuredClone(r)]));
  const matrix = [...dataset.matrix];
  const existing = (change: OverlayChange) => {
    const record = byId.get(change.id);
    if (!record)
      throw new Error(
        `Overlay ${overlay.attackVersion}: ${change.op} ${change.id}, which the ${dataset.domain} data does not have.`,
      );
    return record;
  };
  for (const change of overlay.changes) {
    if (change.domain !== dataset.domain) continue;
    switch (change.op) {
      case 'add': {
        if (byId.has(change.id))
          throw new Error(
            `Overlay ${overlay.attackVersion}: adds ${change.id}, which the ${dataset.domain} data already has.`,
          );
        const record: AttackRecord = {
          id: change.id,
          name: change.name,
          kind: change.kind,
          url: attackUrl(change.id, change.kind),
        };
        if (change.software) record.software = change.software;
        if (change.shortname) record.shortname = change.shortname;
        if (change.tactics) record.tactics = [...change.tactics];
        if (change.kind === 'sub-technique') record.parent = change.id.split('.')[0]!;
        byId.set(change.id, record);
        if (change.kind === 'tactic') {
          const at = change.after === undefined ? matrix.length : matrix.indexOf(change.after) + 1;
          if (at === 0)
            throw new Error(
              `Overlay ${overlay.attackVersion}: ${change.id} follows ${change.after}, which is not in the matrix.`,
            );
          matrix.splice(at, 0, change.id);
        }
        break;
      }
      case 'rename': {
        const record = existing(change);
        record.formerNames = [...(record.formerNames ?? []), record.name];
        record.name = change.name;
        if (change.shortname) record.shortname = change.shortname;
        break;
      }
      case 'tactics':
        existing(change).tactics = [...change.tactics];
        break;
      case 'revoke': {
        const record = existing(change);
        record.revoked = true;
        record.revokedBy = change.revokedBy;
        break;
      }
      case 'deprecate':
        existing(change).deprecated = true;
        break;
    }
  }
  // Tactic lists follow the (possibly changed) matrix order.
  const position = (id: string) => (matrix.indexOf(id) < 0 ? matrix.length : matrix.indexOf(id));
  for (const record of byId.values()) {
    if (record.tactics) record.tactics.sort((a, b) => position(a) - position(b) || compareIds(a, b));
  }
  return {
    ...dataset,
    attackVersion: overlay.attackVersion,
    released: overlay.released,
    source: `${dataset.source} + overlay ${overlay.attackVersion}`,
    matrix,
    objects: [...byId.values()].sort((a, b) => compareIds(a.id, b.id)),
  };
}
