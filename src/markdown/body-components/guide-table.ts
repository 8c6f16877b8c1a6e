/**
 * The content guide's component table, written from the registry: `npm run docs:components` puts it into
 * docs/content-guide.md between its markers, and a unit test fails when the guide's copy differs.
 */
import type { z } from 'astro/zod';
import { COMPONENTS, COMPONENT_NAMES, type ComponentSpec } from './registry.ts';

export const TABLE_START =
  '<!-- component table: written by `npm run docs:components` from src/markdown/body-components/registry.ts -->';
export const TABLE_END = '<!-- end of component table -->';

const CONTENT: Record<ComponentSpec['content'], string> = {
  none: 'none',
  inline: 'inline text, or none',
  blocks: 'Markdown blocks',
  tabs: 'two or more `<Tab>`, nothing else',
  'one-code-block': 'exactly one fenced code block',
};

const list = (values: readonly string[]) =>
  values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;

function describeProp(name: string, schema: z.ZodType): string {
  const s = schema as z.ZodType & { options?: readonly string[]; minLength?: number | null; maxLength?: number | null };
  if (s.description) return `\`${name}\`: ${s.description}`;
  if (s.options) return `\`${name}\`: ${list(s.options.map((o) => `\`${o}\``))}`;
  return `\`${name}\`: ${s.minLength ?? 0}–${s.maxLength} characters`;
}

export function componentTable(): string {
  const rows = COMPONENT_NAMES.map((name) => {
    const spec: ComponentSpec = COMPONENTS[name];
    const props = Object.entries(spec.props.shape).map(([prop, schema]) => describeProp(prop, schema as z.ZodType));
    const content = CONTENT[spec.content] + (spec.parent ? `; only directly inside \`<${spec.parent}>\`` : '');
    return `| \`<${name}${spec.content === 'none' ? ' />' : '>'}\` | ${props.join('; ') || 'none'} | ${content} | ${spec.summary} |`;
  });
  return ['| component | props | content | use for |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** The guide with its table replaced by the registry's. */
export function withComponentTable(guide: string): string {
  const start = guide.indexOf(TABLE_START);
  const end = guide.indexOf(TABLE_END);
  if (start < 0 || end < start)
    throw new Error(`docs/content-guide.md has no component table markers (${TABLE_START} … ${TABLE_END})`);
  return `${guide.slice(0, start + TABLE_START.length)}\n${componentTable()}\n${guide.slice(end)}`;
}
