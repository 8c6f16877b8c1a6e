/**
 * The one list of components authors may use in a term body, without imports. Each has its spec here as
 * `<Name>.ts` (its props schema, what it may contain, its example) and its markup as `src/components/mdx/<Name>.astro`.
 * The content check (markdown/body.ts), the anchors body headings may not take (markdown/anchors.ts), the content
 * guide's component table and the tests all read this list; `components/mdx/index.ts` hands the `.astro` files to
 * `<Content components>`. The specs live under markdown/, apart from the markup, because the content check reads
 * them while the markup reads the content gateway, which runs the content check: together they made a folder cycle.
 *
 * Adding a component: write `<Name>.ts` here and `<Name>.astro` in components/mdx/, add one line below and one in
 * components/mdx/index.ts.
 */
import { attack } from './Attack.ts';
import { callout } from './Callout.ts';
import { detection } from './Detection.ts';
import { tab, tabs } from './Tabs.ts';
import { term } from './Term.ts';
import type { ComponentSpec } from './spec.ts';

export type { ComponentSpec } from './spec.ts';
export { CALLOUT_TYPES } from './Callout.ts';
export { DETECTION_FORMATS, DETECTION_LANGUAGES } from './Detection.ts';
export { CODE_LANGUAGES, codeLanguage } from './CodeBlock.ts';

export const COMPONENTS = {
  Term: term,
  Attack: attack,
  Callout: callout,
  Tabs: tabs,
  Tab: tab,
  Detection: detection,
} satisfies Record<string, ComponentSpec>;

export type ComponentName = keyof typeof COMPONENTS;
export const COMPONENT_NAMES = Object.keys(COMPONENTS) as ComponentName[];

export function isComponent(name: string): name is ComponentName {
  return Object.hasOwn(COMPONENTS, name);
}

/**
 * The component the compiler wraps around every fenced code block (mdx-plugin.ts) for its language label and copy
 * button. Authors write fences, never this tag: the check reports it as unknown.
 */
export const CODE_BLOCK = 'CodeBlock';

/** Prefixes of the ids components give their parts (`callout-1`, `tabs-1-2`), which body headings may not take. */
export const COMPONENT_ID_PREFIXES: readonly string[] = Object.values(
  COMPONENTS as Record<string, ComponentSpec>,
).flatMap((spec) => (spec.idPrefix ? [spec.idPrefix] : []));
