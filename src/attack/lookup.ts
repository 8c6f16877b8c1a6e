import { attackDataVersion, attackObject } from './data.ts';

/**
 * What the body checks and the `<Attack>` component need to know about ATT&CK
 * IDs. Kept as an interface so the Markdown code does not depend on where the
 * ATT&CK data comes from, and tests can pass a tiny one.
 */
export interface AttackLookup {
  /** MITRE's name for the ID, when the ID exists. */
  name(id: string): string | undefined;
  /** The object's page on attack.mitre.org, when the ID exists. */
  url(id: string): string | undefined;
  /** Why the ID cannot be used as a current ATT&CK ID, or undefined when it can. */
  problem(id: string): { expected: string; found: string; hint?: string } | undefined;
}

/** The lookup the content check and `<Attack>` use: MITRE's data as vendored in src/attack/data (with the overlay). */
export function glossaryAttackLookup(): AttackLookup {
  return {
    name: (id) => attackObject(id)?.name,
    url: (id) => attackObject(id)?.url,
    problem: (id) => {
      const found = attackObject(id);
      if (!found)
        return { expected: `an ID in ATT&CK ${attackDataVersion.label}`, found: `"${id}", which ATT&CK does not have` };
      if (found.revoked) {
        const by = found.revokedBy ? ` in favour of ${found.revokedBy}` : '';
        return {
          expected: 'a current ATT&CK ID',
          found: `"${id}", which MITRE revoked${by}`,
          ...(found.revokedBy ? { hint: `write <Attack id="${found.revokedBy}" />` } : {}),
        };
      }
      if (found.deprecated)
        return { expected: 'a current ATT&CK ID', found: `"${id}", which MITRE deprecated without a successor` };
      return undefined;
    },
  };
}
