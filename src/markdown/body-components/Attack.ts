import { z } from 'astro/zod';
import { ATTACK_ID_PATTERN } from '../../attack/ids.ts';
import type { ComponentSpec } from './spec.ts';

export const attack = {
  props: z.strictObject({
    id: z
      .string()
      .regex(ATTACK_ID_PATTERN)
      .describe('`TA0002`, `T1059`, `T1059.001`, `M1038` or `S0154` form, upper case'),
  }),
  content: 'none',
  summary: 'naming an ATT&CK object',
  example: '<Attack id="T1059.001" />',
} satisfies ComponentSpec;
