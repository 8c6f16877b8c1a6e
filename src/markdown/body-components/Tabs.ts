import { z } from 'astro/zod';
import { textProp, type ComponentSpec } from './spec.ts';

export const tabs = {
  props: z.strictObject({}),
  content: 'tabs',
  idPrefix: 'tabs-',
  summary: 'the same thing in parallel forms',
  example:
    '<Tabs>\n<Tab label="Windows">\n\nRun `whoami /all`.\n\n</Tab>\n<Tab label="Linux">\n\nRun `id`.\n\n</Tab>\n</Tabs>',
} satisfies ComponentSpec;

export const tab = {
  props: z.strictObject({ label: textProp(z, 40) }),
  content: 'blocks',
  parent: 'Tabs',
  summary: 'one form',
  example: '<Tab label="Windows">\n\nRun `whoami /all`.\n\n</Tab>',
} satisfies ComponentSpec;
