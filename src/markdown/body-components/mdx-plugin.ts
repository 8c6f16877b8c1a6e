/**
 * What the MDX compiler adds to a body that passed the content check, as Sätteri plugins (the MDX processor's
 * plugin API, so no compiled code is edited as text):
 *
 * - numbers the components that give their parts ids, in document order: `callout-1`, `detection-1`, and
 *   `tabs-1` for the first `<Tabs>`, whose panels become `tabs-1-1`, `tabs-1-2`; the ids go to the components
 *   as an `id` prop that authors cannot write (the check allows only the props in each schema);
 * - wraps every fenced code block in `<CodeBlock lang="…">` (its label and copy button) and hands Prism the
 *   grammar for the fence's language (`kql` → `kusto`);
 * - puts the site's base path before links to site paths (`/terms/x/` → `/glossary/terms/x/`);
 * - gives the highlighted `<pre>` a tab stop, so keyboard users can scroll it, and nothing else.
 */
import type { HastPluginEntry, MdastPluginEntry } from 'satteri';
import { withBase } from '../../links/urls.ts';
import { CODE_BLOCK, codeLanguage } from './registry.ts';

interface Node {
  type: string;
  name?: string | null;
  lang?: string | null;
  url?: string;
  children?: Node[];
}

const NUMBERED: Record<string, string> = { Callout: 'callout', Detection: 'detection', Tabs: 'tabs' };

export const bodyComponentsPlugin = (base: string): MdastPluginEntry =>
  ({
    name: 'glossary-body-components',
    before(root, ctx) {
      const counters: Record<string, number> = {};
      const visit = (node: Node, tabsId: string | undefined, tabIndex: { n: number }) => {
        if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
          const kind = node.name ? NUMBERED[node.name] : undefined;
          if (kind) {
            const id = `${kind}-${(counters[kind] = (counters[kind] ?? 0) + 1)}`;
            ctx.setAttribute(node as never, 'id', id);
            if (node.name === 'Tabs') {
              const index = { n: 0 };
              for (const child of node.children ?? []) visit(child, id, index);
              return;
            }
          } else if (node.name === 'Tab' && tabsId) {
            ctx.setAttribute(node as never, 'id', `${tabsId}-${++tabIndex.n}`);
          }
        }
        if (
          (node.type === 'link' || node.type === 'definition' || node.type === 'image') &&
          node.url?.startsWith('/') &&
          !node.url.startsWith('//') &&
          base !== '/'
        ) {
          ctx.setField(node as never, 'url' as never, withBase(node.url, base) as never);
        }
        if (node.type === 'code') {
          const { fence, grammar } = codeLanguage(node.lang);
          ctx.setField(node as never, 'lang' as never, (grammar ?? 'plaintext') as never);
          ctx.wrapNode(
            node as never,
            {
              type: 'mdxJsxFlowElement',
              name: CODE_BLOCK,
              attributes: [{ type: 'mdxJsxAttribute', name: 'lang', value: fence }],
              children: [],
            } as never,
          );
          return;
        }
        for (const child of node.children ?? []) visit(child, undefined, { n: 0 });
      };
      visit(root as unknown as Node, undefined, { n: 0 });
    },
  }) as MdastPluginEntry;

export const focusablePre: HastPluginEntry = {
  name: 'glossary-code-pre',
  element: {
    filter: ['pre'],
    visit(node, ctx) {
      for (const key of Object.keys(node.properties ?? {})) ctx.setProperty(node, key, null);
      ctx.setProperty(node, 'tabIndex', 0);
      // The code is classed by the language the author named (`language-kql`), not by Prism's grammar (`kusto`).
      const wrapper = ctx.parent(node) as unknown as
        { name?: string; attributes?: { name?: string; value?: unknown }[] } | undefined;
      const fence =
        wrapper?.name === CODE_BLOCK ? wrapper.attributes?.find((a) => a.name === 'lang')?.value : undefined;
      const code = node.children.find((c) => c.type === 'element' && c.tagName === 'code');
      if (typeof fence === 'string' && code)
        ctx.setProperty(code as never, 'className', [`language-${fence}`] as never);
    },
  },
} as HastPluginEntry;
