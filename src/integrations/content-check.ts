import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkContentDir } from '../entries/check-content.ts';
import { reportContentProblems } from '../entries/problems.ts';
import { contentDir, TERM_EXTENSION } from '../entries/term-file.ts';
import { withoutFrontmatter } from '../entries/validate-entry.ts';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/** The term bodies' compiled modules, by slug: `bodies.get(slug)()` imports `content/terms/<slug>.mdx`. */
export const BODIES_MODULE = 'virtual:glossary/bodies';
const RESOLVED_BODIES = `\0${BODIES_MODULE}`;

/**
 * Checks every term file before Astro loads the collection. Astro stops at the
 * first invalid entry and only logs broken references; this reports every
 * problem at once and fails the build. The result is cached (check-content.ts),
 * so the loader and the link-preview images reuse it instead of parsing again.
 */
export function contentCheck(): AstroIntegration {
  return {
    name: 'glossary:content-check',
    hooks: {
      'astro:config:setup': async ({ config, logger, command, updateConfig }) => {
        updateConfig({ vite: { plugins: [bodiesModule(fileURLToPath(config.root), config.base)] } });
        const { entries, problems } = await checkContentDir(contentDir(), fileURLToPath(config.root), {
          base: config.base,
        });
        if (reportContentProblems(problems, { dev: command === 'dev', logger })) return;
        logger.info(`${entries.length} terms checked.`);
      },
    },
  };
}

const exactly = (id: string) => new RegExp(`^${RegExp.escape(id)}$`);

/**
 * The modules `@astrojs/mdx` compiles the bodies into, one dynamic import per term, made in memory for each build.
 * Astro's own route to them, `render(entry)` of an entry stored with `deferredRender`, reads a list it writes to
 * `.astro/content-modules.mjs` in the project folder: it only rewrites that file when its content store changed,
 * so a build whose cached store was unchanged used the list another build of other files had written there (the
 * fixture glossaries of the tests share the project folder), and builds running side by side overwrote each
 * other's. This list is the build's own.
 */
function bodiesModule(root: string, base: string): Plugin {
  const dir = contentDir();
  return {
    name: 'glossary:bodies',
    // Before @astrojs/mdx's own transform, which parses each file's YAML frontmatter again to export it as
    // `frontmatter` (about 1.3 s of a 1,000-term build, in the bundling step). The content check has parsed and
    // checked it, pages read the checked data, and nothing reads that export: the compiler gets the body alone.
    enforce: 'pre',
    transform: {
      filter: { id: new RegExp(`${TERM_EXTENSION.replace('.', '\\.')}$`) },
      handler: (code, id) => (id.startsWith(dir) ? withoutFrontmatter(code) : undefined),
    },
    // Filters let the bundler skip these hooks for every other module without calling into JavaScript.
    resolveId: { filter: { id: exactly(BODIES_MODULE) }, handler: () => RESOLVED_BODIES },
    load: {
      filter: { id: exactly(RESOLVED_BODIES) },
      async handler() {
        // The file list as the content check read it (cached): every term that passed, and only those.
        const { entries } = await checkContentDir(dir, root, { base });
        const lines = entries.map(
          (e) =>
            `[${JSON.stringify(e.slug)}, () => import(${JSON.stringify(join(dir, `${e.slug}${TERM_EXTENSION}`))})]`,
        );
        return `export default new Map([\n${lines.join(',\n')}\n]);`;
      },
    },
    configureServer(server) {
      // astro dev: a term file added or removed changes the list.
      const invalidate = (path: string) => {
        if (!path.startsWith(dir) || !path.endsWith(TERM_EXTENSION)) return;
        const mod = server.moduleGraph.getModuleById(RESOLVED_BODIES);
        if (mod) server.moduleGraph.invalidateModule(mod);
      };
      server.watcher.on('add', invalidate);
      server.watcher.on('unlink', invalidate);
    },
  };
}
