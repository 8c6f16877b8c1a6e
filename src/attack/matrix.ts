/**
 * The ATT&CK release the glossary follows and the Enterprise tactics in the
 * matrix's left-to-right order, both read from the committed ATT&CK data
 * (`src/attack/data/`, with its overlay) through `attack-data.ts`. Moving to a
 * new ATT&CK release is `npm run attack:update` plus the affected entries.
 */
import { attackDataVersion, matrixTactics } from './data.ts';
import { monthYear } from '../text/dates.ts';

const released = attackDataVersion.released ? monthYear(new Date(`${attackDataVersion.released}T00:00:00Z`)) : '';

export const ATTACK_VERSION = {
  /** `v19` */
  version: attackDataVersion.label,
  /** `April 2026` */
  released,
} as const;

export interface MatrixTactic {
  id: string;
  name: string;
  /** The glossary entry for the tactic, named after MITRE's short name for it (`defense-impairment`). */
  slug: string;
}

export const ENTERPRISE_TACTICS: readonly MatrixTactic[] = matrixTactics('enterprise').map((t) => ({
  id: t.id,
  name: t.name,
  slug: t.shortname ?? t.name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
}));

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

/**
 * Terms with the Enterprise tactics first, in the matrix's order (the order people learn them in), then the rest
 * in the order given. A list of tactics read alphabetically hides the sequence that makes them useful.
 */
export function inMatrixOrder<T extends { attack?: { id: string; kind: string; domain: string } | undefined }>(
  terms: readonly T[],
): T[] {
  const stage = (term: T) =>
    term.attack?.kind === 'tactic' && term.attack.domain === 'enterprise'
      ? (tacticPosition(term.attack.id)?.stage ?? Infinity)
      : Infinity;
  // Array.prototype.sort is stable, so terms outside the matrix keep their relative order.
  return [...terms].sort((a, b) => {
    const x = stage(a);
    const y = stage(b);
    return x === y ? 0 : x < y ? -1 : 1;
  });
}
