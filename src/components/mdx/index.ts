/**
 * The body components' markup, for `<Content components={bodyComponents} />`: one entry per registry line
 * (markdown/body-components/registry.ts), and the code block the compiler wraps around fenced code. A component missing here is a type
 * error, not a page that fails to render.
 */
import Attack from './Attack.astro';
import Callout from './Callout.astro';
import CodeBlock from './CodeBlock.astro';
import Detection from './Detection.astro';
import Tab from './Tab.astro';
import Tabs from './Tabs.astro';
import Term from './Term.astro';
import BodyHeading2 from './BodyHeading2.astro';
import BodyHeading3 from './BodyHeading3.astro';
import type { CODE_BLOCK, ComponentName } from '../../markdown/body-components/registry.ts';

export const bodyComponents: Record<ComponentName | typeof CODE_BLOCK | 'h2' | 'h3', unknown> = {
  Term,
  Attack,
  Callout,
  Tabs,
  Tab,
  Detection,
  CodeBlock,
  // Body headings get the "#" copy link the page's own section headings have.
  h2: BodyHeading2,
  h3: BodyHeading3,
};
