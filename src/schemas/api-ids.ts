/** The format of /api/ids.json (README, "Data format"); tests validate the built file against it. */
import { z } from 'astro/zod';
import { ATTACK_KIND_KEYS, attackIdPattern } from './vocabulary.ts';

export const apiIdsSchema = z.strictObject({
  /** ATT&CK ID in its canonical form (`TA0002`, `T1059.001`) → slug. */
  attack: z.record(z.string().regex(attackIdPattern(ATTACK_KIND_KEYS)), z.string()),
  /** Catalog № → slug. */
  numbers: z.record(z.string().regex(/^[1-9]\d*$/), z.string()),
});

export type ApiIds = z.infer<typeof apiIdsSchema>;
