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
