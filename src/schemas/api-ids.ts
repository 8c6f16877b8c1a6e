/** The format of /api/ids.json (README, "Data format"); tests validate the built file against it. */
import { z } from 'astro/zod';

export const apiIdsSchema = z.strictObject({
  /** ATT&CK ID in its canonical form (`TA0002`, `T1059.001`) → slug. */
  attack: z.record(z.string().regex(/^[A-Z]+\d+(\.\d+)?$/), z.string()),
  /** Catalog № → slug. */
  numbers: z.record(z.string().regex(/^[1-9]\d*$/), z.string()),
});

export type ApiIds = z.infer<typeof apiIdsSchema>;
