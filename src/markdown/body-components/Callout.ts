import { z } from 'astro/zod';
import { textProp, type ComponentSpec } from './spec.ts';

export const CALLOUT_TYPES = { note: 'Note', tip: 'Tip', warning: 'Warning' } as const;

export const callout = {
  props: z.strictObject({
    type: z.enum(Object.keys(CALLOUT_TYPES) as [keyof typeof CALLOUT_TYPES]),
    title: textProp(z, 100),
  }),
  content: 'blocks',
  idPrefix: 'callout-',
  summary: 'an aside the reader must not miss',
  example:
    '<Callout type="warning" title="Not a security boundary">\n\nAMSI sees only what a script engine hands it.\n\n</Callout>',
} satisfies ComponentSpec;
