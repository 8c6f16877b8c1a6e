import { ATTACK_KINDS, attackIdPattern, type AttackKind } from '../schemas/vocabulary.ts';

/** The kinds of ATT&CK object that entries may cite, and whose IDs the content check finds in prose. */
export const CITED_KINDS = [
  'tactic',
  'technique',
  'sub-technique',
  'mitigation',
  'software',
] as const satisfies readonly AttackKind[];

/** The shape of an ATT&CK ID that entries may cite: a tactic, technique, sub-technique, mitigation or software. */
export const ATTACK_ID_PATTERN = attackIdPattern(CITED_KINDS);

/** What kind of ATT&CK object an ID names, from its shape alone (for IDs MITRE's data does not hold). */
export function kindOfId(id: string): AttackKind {
  return id.startsWith('TA')
    ? 'tactic'
    : id.includes('.')
      ? 'sub-technique'
      : id.startsWith('T')
        ? 'technique'
        : id.startsWith('M')
          ? 'mitigation'
          : 'software';
}

export interface AttackRef {
  id: string;
  kind: AttackKind;
}

/**
 * The page of an ATT&CK object on attack.mitre.org. Sub-techniques live under
 * their parent: T1059.001 → /techniques/T1059/001/.
 */
export function mitreUrl({ id, kind }: AttackRef): string {
  const path = ATTACK_KINDS[kind].path;
  return `https://attack.mitre.org/${path}/${id.replace('.', '/')}/`;
}

/**
 * The one uniqueness rule for ATT&CK IDs: an ID belongs to one entry, whatever its domain. An ID names one
 * ATT&CK object: where two domains list the same ID (mitigation M1013, some software) it is the same object, and
 * /attack/<ID>/ has no room for a domain. The cross-entry check and the gateway's map both key on this.
 */
export function attackIdKey(id: string): string {
  return id.toUpperCase();
}

/** Items by ATT&CK ID under that rule: the first item with an ID owns it; later ones are clashes. */
export function indexByAttackId<T>(items: Iterable<T>, idOf: (item: T) => string | undefined) {
  const owners = new Map<string, T>();
  const clashes: { item: T; owner: T }[] = [];
  for (const item of items) {
    const id = idOf(item);
    if (id === undefined) continue;
    const key = attackIdKey(id);
    const owner = owners.get(key);
    if (owner === undefined) owners.set(key, item);
    else clashes.push({ item, owner });
  }
  return { owners, clashes };
}

/**
 * Every form of an ATT&CK ID people paste that should lead to its term: upper
 * or lower case, sub-techniques with a dot or a slash. Static hosts match
 * paths case-sensitively, so each form is its own page.
 */
export function attackIdPaths(id: string): string[] {
  const forms = id.includes('.') ? [id, id.replace('.', '/')] : [id];
  return [...new Set(forms.flatMap((form) => [form, form.toLowerCase()]))];
}
