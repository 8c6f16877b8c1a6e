// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { contentCheck } from './src/integrations/content-check.ts';
import { ogImages } from './src/integrations/og-images.ts';
import { stampedPages } from './src/integrations/stamped-pages.ts';
import { markdownConfig } from './src/markdown/processor.ts';
import { deploymentSettings } from './src/links/urls.ts';

// Checked before anything runs, so a bad value is named at once (src/links/urls.ts).
const { site, base } = deploymentSettings(process.env);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  prerenderConflictBehavior: 'error',
  // Tests build fixture glossaries; each gets its own content cache so entries never leak between builds.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  // Term bodies are MDX compiled by @astrojs/mdx with these settings; the content check runs first (contentCheck),
  // so the compiler only ever sees bodies that passed it.
  markdown: markdownConfig(base),
  // optimize: the static parts of a body render as one string instead of a tree of elements.
  // Body headings are components (they carry the '#' copy link), so the optimisation leaves them to MDX.
  integrations: [contentCheck(), mdx({ optimize: { ignoreElementNames: ['h2', 'h3'] } }), ogImages(), stampedPages()],
  build: {
    // External files only: a strict Content-Security-Policy forbids inline styles and scripts.
    inlineStylesheets: 'never',
    concurrency: 4,
  },
  vite: {
    environments: {
      client: {
        build: {
          rollupOptions: {
            output: {
              // A page names each of its scripts: "TableOfContents.[hash].js" rather than Vite's
              // "TableOfContents.astro_astro_type_script_index_0_lang.[hash].js" keeps every term page's HTML shorter.
              entryFileNames: ({ name }) =>
                `_astro/${name.replace(/\.astro_astro_type_script_index_(\d+)_lang$/, (_, n) => (n === '0' ? '' : `-${n}`))}.[hash].js`,
            },
          },
        },
      },
    },
    build: {
      assetsInlineLimit: 0,
      // One stylesheet for what every page shares, cached after the first page, plus one more only where a page
      // kind needs much of its own: the course-pack pages, the ATT&CK pages, search, and the two pages that stand
      // alone (a term card, not-found). A term page, like the home page, then loads one stylesheet, without any of
      // those rules. (Vite splits CSS along the chunks named here.)
      cssCodeSplit: true,
      rollupOptions: {
        output: {
          manualChunks(id) {
            if (!/\.css$|[?&]type=style/.test(id)) return undefined;
            if (/\/packs\/|pack-study/.test(id)) return 'packs';
            if (/attack-matrix|attack-ids/.test(id)) return 'matrix';
            if (/\/pages\/search\.astro/.test(id)) return 'search';
            // Pages a reader rarely opens (the A–Z index, the embedding help, a term's training page): a term page
            // need not carry their rules.
            if (/\/pages\/terms\/index\.astro|AlphabetNav|\/pages\/embed\/index\.astro|TrainingTools/.test(id))
              return 'pages';
            if (/\/pages\/embed\/\[slug\]\.astro|\/pages\/404\.astro/.test(id)) return 'own';
            return 'site';
          },
        },
      },
    },
  },
  devToolbar: { enabled: false },
});
