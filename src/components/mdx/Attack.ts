import { z } from 'astro/zod';
import { ATTACK_ID_PATTERN } from '../../attack/ids.ts';
import type { ComponentSpec } from './spec.ts';

export const attack = {
  props: z.strictObject({ id: z.string().regex(ATTACK_ID_PATTERN) }),
  content: 'none',
  summary: "an ATT&CK ID with MITRE's name, linking to the entry for it or else to attack.mitre.org",
  example: '<Attack id="T1059.001" />',
} satisfies ComponentSpec;
