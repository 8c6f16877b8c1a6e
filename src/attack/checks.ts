/**
 * Checks an entry's ATT&CK claims against MITRE's data (src/attack/data, read
 * through attack-data.ts): the entry's own ID, kind and name, and every ATT&CK
 * ID written in its prose. Names and IDs are where glossaries drift from the
 * framework, and a trainer who pastes a wrong ID into a slide spreads it.
 */
import { attackDataVersion, attackObject, type AttackObject } from './data.ts';

/** IDs of the kinds the data holds: tactics, techniques, sub-techniques, mitigations, software. */
const ID_IN_TEXT = /\b(TA\d{4}|T\d{4}(?:\.\d{3})?|M\d{4}|S\d{4})\b/g;

/**
 * Words that present an ID as a former one in the sentence around it ("T1086, revoked in favour of T1059.001";
 * "formerly T1064"). A retired ID without such a word reads as current, and a reader would paste it.
 */
const FORMER = /\b(former(?:ly)?|previous(?:ly)?|old(?:er)?|earlier|before|prior|original(?:ly)?|until|retired|revoked|deprecated|replaced|superseded|renamed|renumbered|moved|merged|bec[ao]me|used to|no longer|legacy|historic(?:al)?|first version)\b/i;

export interface AttackIdProblem {
  id: string;
  expected: string;
  found: string;
  hint?: string;
}

/** What is wrong with writing this ID as a current one, or undefined. */
export function attackIdProblem(id: string): AttackIdProblem | undefined {
  const found = attackObject(id);
  if (!found) return { id, expected: `ATT&CK IDs that exist in ATT&CK ${attackDataVersion.label}`, found: `"${id}", which MITRE's data does not have` };
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

/** Problems with the ATT&CK IDs in a piece of prose; a retired ID is fine in a sentence that presents it as former. */
export function attackIdsInText(text: string): AttackIdProblem[] {
  const problems: AttackIdProblem[] = [];
  for (const match of text.matchAll(ID_IN_TEXT)) {
    const problem = attackIdProblem(match[1]!);
    if (!problem) continue;
    if (attackObject(match[1]!) && FORMER.test(sentenceAround(text, match.index))) continue;
    problems.push(problem);
  }
  return problems;
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
export function ownAttackProblems(attack: OwnAttack, title: string, aliases: readonly string[]): { field: string; expected: string; found: string; hint?: string }[] {
  const found = attackObject(attack.id, attack.domain as never);
  if (!found) {
    const elsewhere = attackObject(attack.id);
    return [
      {
        field: 'attack.id',
        expected: `an ID in ATT&CK ${attackDataVersion.label}'s ${attack.domain} data`,
        found: elsewhere ? `"${attack.id}", which is in the ${elsewhere.domain} data` : `"${attack.id}", which MITRE's data does not have`,
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
    problems.push({ field: 'attack.kind', expected: `"${found.kind}", as MITRE files ${attack.id}`, found: `"${attack.kind}"` });
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
