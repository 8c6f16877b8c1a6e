/**
 * The closed set of components authors may use in a term body, without
 * imports. Each declares its props as a zod schema (literal strings only) and
 * what it may contain; body.ts checks and renders them to plain HTML while
 * content syncs, so no component needs a JavaScript runtime to be read.
 */
import { z } from 'astro/zod';
import { SLUG_PATTERN } from '../schemas/term.ts';

export const CALLOUT_TYPES = { note: 'Note', tip: 'Tip', warning: 'Warning' } as const;
export const DETECTION_FORMATS = { sigma: 'Sigma rule', kql: 'KQL query', spl: 'SPL search', yara: 'YARA rule' } as const;

const text = (max: number) => z.string().trim().min(1).max(max);

export interface ComponentSpec {
  props: z.ZodObject;
  /** What may go between the tags. */
  content: 'none' | 'inline' | 'blocks' | 'tabs' | 'one-code-block';
  /** Only valid directly inside this component. */
  parent?: string;
  example: string;
}

export const COMPONENTS = {
  Term: {
    props: z.strictObject({ slug: z.string().regex(SLUG_PATTERN) }),
    content: 'inline',
    example: '<Term slug="persistence">persisting</Term>',
  },
  Attack: {
    props: z.strictObject({ id: z.string().regex(/^(?:TA\d{4}|T\d{4}(?:\.\d{3})?|M\d{4}|S\d{4})$/) }),
    content: 'none',
    example: '<Attack id="T1059.001" />',
  },
  Callout: {
    props: z.strictObject({ type: z.enum(Object.keys(CALLOUT_TYPES) as [keyof typeof CALLOUT_TYPES]), title: text(100) }),
    content: 'blocks',
    example: '<Callout type="warning" title="Not a security boundary">…</Callout>',
  },
  Tabs: {
    props: z.strictObject({}),
    content: 'tabs',
    example: '<Tabs><Tab label="Windows">…</Tab><Tab label="Linux">…</Tab></Tabs>',
  },
  Tab: {
    props: z.strictObject({ label: text(40) }),
    content: 'blocks',
    parent: 'Tabs',
    example: '<Tab label="Windows">…</Tab>',
  },
  Detection: {
    props: z.strictObject({ format: z.enum(Object.keys(DETECTION_FORMATS) as [keyof typeof DETECTION_FORMATS]), title: text(120) }),
    content: 'one-code-block',
    example: '<Detection format="sigma" title="…">```yaml … ```</Detection>',
  },
} satisfies Record<string, ComponentSpec>;

export type ComponentName = keyof typeof COMPONENTS;
export const COMPONENT_NAMES = Object.keys(COMPONENTS) as ComponentName[];

export function isComponent(name: string): name is ComponentName {
  return Object.hasOwn(COMPONENTS, name);
}
