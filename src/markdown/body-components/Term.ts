import { z } from 'astro/zod';
import { SLUG_PATTERN } from '../../schemas/term.ts';
import type { ComponentSpec } from './spec.ts';

export const term = {
  props: z.strictObject({ slug: z.string().regex(SLUG_PATTERN).describe('an existing term, not this one') }),
  content: 'inline',
  summary: 'a link to another entry',
  example: '<Term slug="persistence">persisting</Term>',
} satisfies ComponentSpec;
