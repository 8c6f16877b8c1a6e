/**
 * The ATT&CK release the glossary follows and the Enterprise tactics in the
 * matrix's left-to-right order. Moving to a new ATT&CK release is a change
 * here and in the affected entries, nowhere else.
 */
export const ATTACK_VERSION = {
  version: 'v19',
  released: 'April 2026',
} as const;

export interface MatrixTactic {
  id: string;
  name: string;
  /** The glossary entry for the tactic. */
  slug: string;
}

export const ENTERPRISE_TACTICS: readonly MatrixTactic[] = [
  { id: 'TA0043', name: 'Reconnaissance', slug: 'reconnaissance' },
  { id: 'TA0042', name: 'Resource Development', slug: 'resource-development' },
  { id: 'TA0001', name: 'Initial Access', slug: 'initial-access' },
  { id: 'TA0002', name: 'Execution', slug: 'execution' },
  { id: 'TA0003', name: 'Persistence', slug: 'persistence' },
  { id: 'TA0004', name: 'Privilege Escalation', slug: 'privilege-escalation' },
  { id: 'TA0005', name: 'Stealth', slug: 'stealth' },
  { id: 'TA0112', name: 'Defense Impairment', slug: 'defense-impairment' },
  { id: 'TA0006', name: 'Credential Access', slug: 'credential-access' },
  { id: 'TA0007', name: 'Discovery', slug: 'discovery' },
  { id: 'TA0008', name: 'Lateral Movement', slug: 'lateral-movement' },
  { id: 'TA0009', name: 'Collection', slug: 'collection' },
  { id: 'TA0011', name: 'Command and Control', slug: 'command-and-control' },
  { id: 'TA0010', name: 'Exfiltration', slug: 'exfiltration' },
  { id: 'TA0040', name: 'Impact', slug: 'impact' },
];

export interface TacticPosition {
  stage: number;
  of: number;
  previous?: MatrixTactic;
  next?: MatrixTactic;
}

/** Where an Enterprise tactic sits in the matrix ("stage 4 of 15"), by ATT&CK ID. */
export function tacticPosition(id: string): TacticPosition | undefined {
  const i = ENTERPRISE_TACTICS.findIndex((t) => t.id === id);
  if (i < 0) return undefined;
  return {
    stage: i + 1,
    of: ENTERPRISE_TACTICS.length,
    ...(i > 0 ? { previous: ENTERPRISE_TACTICS[i - 1] } : {}),
    ...(i < ENTERPRISE_TACTICS.length - 1 ? { next: ENTERPRISE_TACTICS[i + 1] } : {}),
  };
}
