import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';

/**
 * Indexes the built site with Pagefind in the same `astro build`. Only
 * elements marked `data-pagefind-body` (term pages) are indexed; weights and
 * metadata are set in the markup.
 */
export function pagefind(): AstroIntegration {
  return {
    name: 'glossary:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        try {
          const { index, errors: createErrors } = await createIndex({ forceLanguage: 'en' });
          if (!index) throw new Error(`Pagefind could not start: ${createErrors.join('; ')}`);
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length) throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
          if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
          logger.info(`Indexed ${added.page_count} pages for search.`);
        } finally {
          await close();
        }
      },
    },
  };
}
