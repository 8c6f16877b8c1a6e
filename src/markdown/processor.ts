import { satteri } from '@astrojs/markdown-satteri';
import { bodyComponentsPlugin, focusablePre } from './body-components/mdx-plugin.ts';
import { MARKDOWN_FEATURES } from './settings.ts';

/**
 * Astro's `markdown` settings, which `@astrojs/mdx` extends for term bodies: the same parser and features as the
 * content check and the frontmatter prose, the compile plugins of the body components, and Prism, which colours
 * code with classes (the Content-Security-Policy allows no inline styles) and has KQL and SPL grammars.
 */
export function markdownConfig(base: string) {
  return {
    syntaxHighlight: 'prism' as const,
    processor: satteri({
      features: MARKDOWN_FEATURES,
      mdastPlugins: [bodyComponentsPlugin(base)],
      hastPlugins: [focusablePre],
    }),
  };
}
