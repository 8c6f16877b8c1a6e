/**
 * The ATT&CK lookup the content check and `<Attack>` use: MITRE's data as
 * vendored in src/data/attack (with the overlay for changes after it).
 */
import { attackDataVersion, attackObject } from '../attack-data.ts';
import type { AttackLookup } from './attack-lookup.ts';

export function glossaryAttackLookup(): AttackLookup {
  return {
    name: (id) => attackObject(id)?.name,
    url: (id) => attackObject(id)?.url,
    problem: (id) => {
      const found = attackObject(id);
      if (!found) return { expected: `an ID in ATT&CK ${attackDataVersion.label}`, found: `"${id}", which ATT&CK does not have` };
      if (found.revoked) {
        const by = found.revokedBy ? ` in favour of ${found.revokedBy}` : '';
        return { expected: 'a current ATT&CK ID', found: `"${id}", which MITRE revoked${by}`, ...(found.revokedBy ? { hint: `write <Attack id="${found.revokedBy}" />` } : {}) };
      }
      if (found.deprecated) return { expected: 'a current ATT&CK ID', found: `"${id}", which MITRE deprecated without a successor` };
      return undefined;
    },
  };
}
