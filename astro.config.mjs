// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { contentCheck } from './src/integrations/content-check.ts';
import { pagefind } from './src/integrations/pagefind.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://glossary.example.org',
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  prerenderConflictBehavior: 'error',
  // Tests build fixture glossaries; each gets its own content cache so entries never leak between builds.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  integrations: [contentCheck(), mdx(), pagefind()],
  build: {
    // External files only: a strict Content-Security-Policy forbids inline styles and scripts.
    inlineStylesheets: 'never',
  },
  vite: {
    build: {
      assetsInlineLimit: 0,
      // One stylesheet for the whole site: fewer render-blocking requests, cached after the first page.
      cssCodeSplit: false,
      rolldownOptions: {
        // Astro's MDX modules start with a "use astro:head-inject" directive that Rolldown warns about once per
        // file; Astro handles it itself, and 5,000 identical warnings would bury real ones.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
          handler(level, log);
        },
      },
    },
  },
  devToolbar: { enabled: false },
});
