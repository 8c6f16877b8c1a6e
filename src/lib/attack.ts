import { ATTACK_KINDS, type AttackKind } from '../schemas/vocabulary.ts';

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

