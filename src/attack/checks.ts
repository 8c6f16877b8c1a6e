/**
 * Checks an entry's ATT&CK claims against MITRE's data (src/attack/data, read
 * through attack-data.ts): the entry's own ID, kind and name, and every ATT&CK
 * ID written in its prose. Names and IDs are where glossaries drift from the
 * framework, and a trainer who pastes a wrong ID into a slide spreads it.
 */
import { allAttackObjects, attackDataVersion, attackObject, type AttackObject } from './data.ts';
import { ATTACK_ID_PATTERN, CITED_KINDS } from './ids.ts';
import { attackIdPattern } from '../schemas/vocabulary.ts';

/** IDs of the kinds the data holds: tactics, techniques, sub-techniques, mitigations, software. */
const ID_IN_TEXT = attackIdPattern(CITED_KINDS, { inText: true });

/**
 * Words that present an ID as a former one in the sentence around it ("T1086, revoked in favour of T1059.001";
 * "formerly T1064"). A retired ID without such a word reads as current, and a reader would paste it.
 */
const FORMER =
  /\b(former(?:ly)?|previous(?:ly)?|old(?:er)?|earlier|before|prior|original(?:ly)?|until|retired|revoked|deprecated|replaced|superseded|renamed|renumbered|moved|merged|bec[ao]me|used to|up to|no longer|legacy|historic(?:al)?|first version)\b/i;

export interface AttackIdProblem {
  id: string;
  expected: string;
  found: string;
  hint?: string;
}

/** What is wrong with writing this ID as a current one, or undefined. */
export function attackIdProblem(id: string): AttackIdProblem | undefined {
  const found = attackObject(id);
  if (!found)
    return {
      id,
      expected: `ATT&CK IDs that exist in ATT&CK ${attackDataVersion.label}`,
      found: `"${id}", which MITRE's data does not have`,
    };
  if (found.revoked) {
    const by = found.revokedBy ? attackObject(found.revokedBy) : undefined;
    return {
      id,
      expected: 'a retired ID only where the text presents it as a former ID (formerly, revoked, replaced…)',
      found: `"${id}" (${found.name}) written as current, but MITRE revoked it${by ? ` in favour of ${by.id} ${by.name}` : ''}`,
      ...(by ? { hint: `write ${by.id}, or say that ${id} is the former ID` } : {}),
    };
  }
  if (found.deprecated) {
    return {
      id,
      expected: 'a retired ID only where the text presents it as a former ID (formerly, deprecated…)',
      found: `"${id}" (${found.name}) written as current, but MITRE deprecated it without a successor`,
    };
  }
  return undefined;
}

/**
 * Problems with the ATT&CK IDs in a piece of prose; a retired ID is fine in a sentence that presents it as former.
 * `surrounding` is the whole paragraph the text is part of, when links cut a sentence into pieces.
 */
export function attackIdsInText(text: string, surrounding?: { text: string; offset: number }): AttackIdProblem[] {
  const problems: AttackIdProblem[] = [];
  for (const match of text.matchAll(ID_IN_TEXT)) {
    const pairing = namePairingProblem(text, match.index, match[1]!);
    if (pairing) problems.push(pairing);
    const problem = attackIdProblem(match[1]!);
    if (!problem) continue;
    const sentence = surrounding
      ? sentenceAround(surrounding.text, surrounding.offset + match.index)
      : sentenceAround(text, match.index);
    if (attackObject(match[1]!) && FORMER.test(sentence)) continue;
    problems.push(problem);
  }
  return problems;
}

let namesCache: Map<string, string[]> | undefined;
/** ATT&CK names (and "Parent: Sub" forms) → the IDs that carry them, across domains. */
function idsByName(): Map<string, string[]> {
  if (namesCache) return namesCache;
  namesCache = new Map();
  for (const o of allAttackObjects()) {
    for (const name of mitreNames(o)) {
      namesCache.set(name, [...(namesCache.get(name) ?? []), o.id]);
    }
  }
  return namesCache;
}

/** Emphasis and quotes around a name ("**Service Execution** (T1569.002)") are not part of it. */
const DECORATION = /[\s*_"'`\u2018\u2019\u201c\u201d]+$/u;

/**
 * "Name (ID)" where the name is another ATT&CK object's, typically a sub-technique's ID after its parent's name
 * ("System Services (T1569.002)"). A reader copies the pair into a slide, so both halves must agree. Text that
 * names no ATT&CK object before the brackets ("the sub-technique (T1569.002)") is left alone.
 */
export function namePairingProblem(text: string, at: number, id: string): AttackIdProblem | undefined {
  // Only "Name (ID)": a list in brackets ("Endpoint and Network Denial of Service (T1499, T1498)") pairs nothing.
  if (text[at - 1] !== '(' || text[at + id.length] !== ')') return undefined;
  const own = attackObject(id);
  if (!own) return undefined;
  const before = text.slice(Math.max(0, at - 1 - 120), at - 1).replace(DECORATION, '');
  const endsWith = (name: string, caseSensitive: boolean) => {
    const tail = before.slice(before.length - name.length);
    const boundary = before.length === name.length || !/[\p{L}\p{N}]/u.test(before[before.length - name.length - 1]!);
    return boundary && (caseSensitive ? tail === name : tail.toLowerCase() === name.toLowerCase());
  };
  const successor = own.revokedBy ? attackObject(own.revokedBy) : undefined;
  const ownNames = [own, ...(successor ? [successor] : [])].flatMap((o) => mitreNames(o));
  if (ownNames.some((n) => endsWith(n, false))) return undefined;
  // A name a later release replaced fits only where the sentence says it is the former one.
  if ((own.formerNames ?? []).some((n) => endsWith(n, false)) && FORMER.test(sentenceAround(text, at)))
    return undefined;
  // Other objects' names count only as MITRE writes them: "accounts (T1078)" is prose, "Remote Services (T1021.002)" a name.
  let other: string | undefined;
  for (const [name, ids] of idsByName()) {
    if (name.length >= 4 && !ids.includes(own.id) && endsWith(name, true) && (!other || name.length > other.length))
      other = name;
  }
  const former = (own.formerNames ?? []).find((n) => endsWith(n, false));
  if (former && (!other || former.length >= other.length)) {
    return {
      id,
      expected: `${id}'s current name, "${own.name}", or its former name in a sentence that says it is former`,
      found: `"${former} (${id})" written as current`,
      hint: `write "${own.name} (${id})", or say "formerly ${former}"`,
    };
  }
  if (!other) return undefined;
  const written = other;
  return {
    id,
    expected: `MITRE's name for ${id} before it: ${mitreNames(own)
      .map((n) => `"${n}"`)
      .join(' or ')}`,
    found: `"${written} (${id})", which pairs ${id} with the name of ${idsByName().get(other)!.join('/')}`,
    hint: `write "${own.name} (${id})"${own.parent ? ` or "${mitreNames(own)[1]} (${id})"` : ''}`,
  };
}

function sentenceAround(text: string, at: number): string {
  const before = text.slice(0, at);
  const start = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n')) + 1;
  const after = text.slice(at).search(/\.\s|\n|$/);
  return text.slice(start, at + (after < 0 ? text.length : after));
}

/**
 * The names MITRE gives an object: its own, and for a sub-technique also "Parent: Sub", the form
 * ATT&CK uses wherever the sub-technique's name alone is ambiguous ("Hijack Execution Flow: DLL").
 */
export function mitreNames(found: AttackObject): string[] {
  const parent = found.parent ? attackObject(found.parent, found.domain) : undefined;
  return parent ? [found.name, `${parent.name}: ${found.name}`] : [found.name];
}

export interface OwnAttack {
  id: string;
  kind: string;
  domain: string;
}

/** The entry's own `attack` field: the ID exists, in its domain, with the declared kind, and the entry carries MITRE's name. */
export function ownAttackProblems(
  attack: OwnAttack,
  title: string,
  aliases: readonly string[],
): { field: string; expected: string; found: string; hint?: string }[] {
  const found = attackObject(attack.id, attack.domain as never);
  if (!found) {
    const elsewhere = attackObject(attack.id);
    return [
      {
        field: 'attack.id',
        expected: `an ID in ATT&CK ${attackDataVersion.label}'s ${attack.domain} data`,
        found: elsewhere
          ? `"${attack.id}", which is in the ${elsewhere.domain} data`
          : `"${attack.id}", which MITRE's data does not have`,
        ...(elsewhere ? { hint: `set attack.domain to ${elsewhere.domain}` } : {}),
      },
    ];
  }
  const problems: { field: string; expected: string; found: string; hint?: string }[] = [];
  if (found.revoked || found.deprecated) {
    problems.push({
      field: 'attack.id',
      expected: 'a current ATT&CK ID',
      found: `"${attack.id}", which MITRE ${found.revoked ? `revoked${found.revokedBy ? ` in favour of ${found.revokedBy}` : ''}` : 'deprecated'}`,
      ...(found.revokedBy ? { hint: `use ${found.revokedBy} and list ${attack.id} among the aliases` } : {}),
    });
  }
  if (found.kind !== attack.kind) {
    problems.push({
      field: 'attack.kind',
      expected: `"${found.kind}", as MITRE files ${attack.id}`,
      found: `"${attack.kind}"`,
    });
  }
  const names = [title, ...aliases].map((n) => n.toLowerCase());
  if (!mitreNames(found).some((name) => names.includes(name.toLowerCase()))) {
    problems.push({
      field: 'title',
      expected: `MITRE's name for ${attack.id}, "${found.name}", as the title or among the aliases`,
      found: `"${title}"`,
      hint: `add "${found.name}" to aliases`,
    });
  }
  return problems;
}

/** The object a revoked ID finally leads to (revocations can chain). */
function successorOf(found: AttackObject): AttackObject | undefined {
  let current: AttackObject | undefined = found;
  for (let hops = 0; current?.revokedBy && hops < 5; hops++)
    current = attackObject(current.revokedBy, current.domain) ?? attackObject(current.revokedBy);
  return current === found ? undefined : current;
}

/**
 * Aliases are other names for the same thing. An ATT&CK ID or name among them must be the entry's own object, a
 * former ID MITRE revoked into it, the same-named object in another domain (TA0041 Execution for TA0002), or the
 * software of the same name (S0106 cmd for cmd.exe). A
 * sub-technique, another technique or a deprecated ID without a successor is a relation or history, not an alias.
 */
export function aliasAttackProblem(
  alias: string,
  entry: { title: string; aliases: readonly string[]; attack?: { id: string } | undefined },
): { expected: string; found: string; hint?: string } | undefined {
  const own = entry.attack ? attackObject(entry.attack.id) : undefined;
  // "cmd.exe" and ATT&CK's software "cmd" (S0106) are one program.
  const plain = (n: string) => n.toLowerCase().replace(/\.exe$/, '');
  const names = new Set([entry.title, ...entry.aliases, ...(own ? mitreNames(own) : [])].map(plain));
  const leadsToOwn = (o: AttackObject) => !!own && (o.id === own.id || successorOf(o)?.id === own.id);
  const sameThingElsewhere = (o: AttackObject) =>
    (!own || o.domain !== own.domain || o.kind === 'software') &&
    !o.revoked &&
    !o.deprecated &&
    names.has(plain(o.name));
  const expected =
    "another name for this entry's own ATT&CK object: its ID, a former ID MITRE revoked into it, or the same object in another domain";
  if (ATTACK_ID_PATTERN.test(alias)) {
    const found = attackObject(alias)!;
    if (leadsToOwn(found) || sameThingElsewhere(found)) return undefined;
    if (found.deprecated && !found.revoked) {
      return {
        expected,
        found: `"${alias}" (${found.name}), which MITRE deprecated without a successor`,
        hint: 'a deprecated ID is history: explain it in the body instead',
      };
    }
    const successor = successorOf(found);
    if (successor)
      return {
        expected,
        found: `"${alias}" (${found.name}), which MITRE revoked in favour of ${successor.id} ${successor.name}`,
        hint: `list it on the entry for ${successor.id}`,
      };
    return {
      expected,
      found: `"${alias}", the ID of ${found.name} (${found.kind})`,
      hint: 'a different ATT&CK object is a related term, not an alias',
    };
  }
  if (!own) return undefined;
  // The name index, not a scan of every object: this runs for every alias of every entry.
  const other = (idsByName().get(alias) ?? [])
    .map((id) => attackObject(id, own.domain))
    .find(
      (o) =>
        o &&
        o.name === alias &&
        (o.kind === 'technique' || o.kind === 'sub-technique' || o.kind === 'tactic') &&
        !o.revoked &&
        !o.deprecated &&
        !leadsToOwn(o),
    );
  if (!other) return undefined;
  return {
    expected,
    found: `"${alias}", the name of ${other.id} (${other.kind})`,
    hint: 'a different ATT&CK object is a related term, not an alias',
  };
}
