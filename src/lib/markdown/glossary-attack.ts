/**
 * The ATT&CK lookup the content check uses for `<Attack>` and IDs in prose.
 */
import type { AttackLookup } from './attack-lookup.ts';

const ID = /^(?:TA\d{4}|T\d{4}(?:\.\d{3})?|M\d{4}|S\d{4}|G\d{4}|C\d{4}|DS\d{4}|DC\d{4})$/;

export function glossaryAttackLookup(): AttackLookup {
  return {
    name: () => undefined,
    url: () => undefined,
    problem: (id) => (ID.test(id) ? undefined : { expected: 'an ATT&CK ID like T1059.001', found: `"${id}"` }),
  };
}
