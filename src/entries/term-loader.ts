/**
 * Loads `content/terms/*.mdx` into the `terms` collection from the content
 * pass (check-content.ts), which has already parsed and checked every file.
 * In `astro dev` an edit re-runs that pass, so the dev server enforces exactly
 * the rules the build does and shows the same messages.
 *
 * Bodies are MDX compiled by `@astrojs/mdx` (with the glossary's settings and
 * components: markdown/processor.ts, components/mdx/): the term page imports
 * the entry's file through the build's list of body modules
 * (integrations/content-check.ts) and renders its `Content`. Why not Astro's
 * `glob()` loader: it would validate and report entries one at a time, after
 * its own parse, where this loader stores what the one content pass has
 * already checked, all problems reported at once.
 */
import type { MarkdownHeading } from 'astro';
import type { Loader, LoaderContext } from 'astro/loaders';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContentDir } from './check-content.ts';
import { reportContentProblems } from './problems.ts';
import { strayFileProblem } from './term-file.ts';

const EXTENSION = '.mdx';

/**
 * What `sync` stores per entry, versioned: an entry cached by a build whose loader stored something else (Astro
 * keeps the store between builds and clears it only when the content config file or Astro changes) is stored again.
 */
const STORE_FORMAT = 4;

/**
 * What the content pass found beside the entry's data, stored as its `rendered.metadata` (Astro types that field
 * as a loose record; catalog/terms.ts reads it back as this): the body's headings, the slugs its links mention and
 * the section each is first linked in, and the examples' and FAQ answers' HTML.
 */
export interface StoredProse {
  headings: MarkdownHeading[];
  mentions: string[];
  /** For each entry linked after the body's first `##` heading, that heading's anchor. */
  mentionSections: Record<string, string>;
  examples: string[];
  answers: string[];
}

export function termLoader(dir: string): Loader {
  // Astro calls load() again on every content sync in dev; one listener is enough.
  let watching = false;
  return {
    name: 'glossary:terms',
    load: async (context) => {
      await sync(context, dir);
      if (!context.watcher || watching) return;
      watching = true;
      context.watcher.add(dir);
      context.watcher.on('all', async (_event, path) => {
        // A term file, or one that looks like a term but is misnamed (x.md, X.MDX), which the check reports.
        if (!path.startsWith(dir) || !(path.endsWith(EXTENSION) || strayFileProblem(basename(path)))) return;
        await sync(context, dir);
      });
    },
  };
}

async function sync({ store, config, watcher, logger }: LoaderContext, dir: string): Promise<void> {
  const report = await checkContentDir(dir, fileURLToPath(config.root), { base: config.base });
  // astro dev: logged, and the server keeps serving; every page throws these problems (catalog/terms.ts) until the
  // files are fixed. A build stops here.
  if (reportContentProblems(report.problems, { dev: !!watcher, logger })) return;
  const seen = new Set<string>();
  for (const entry of report.entries) {
    seen.add(entry.slug);
    const digest = `${entry.digest}.${STORE_FORMAT}`;
    if (store.get(entry.slug)?.digest === digest) continue;
    // The content pass validated `entry.data` with the collection's own schema (termSchema); parseData would run
    // that schema a second time on its output and return the same values, at about 1 s per 5,000 terms.
    const data = entry.data as unknown as Record<string, unknown>;
    const { headings, mentions, mentionSections } = entry.body;
    const { examples, answers } = entry.prose;
    const metadata: StoredProse = { headings, mentions, mentionSections, examples, answers };
    // No `body`, and no HTML: the compiled MDX module renders the body, and the store is bundled into the build,
    // so every byte costs memory. `rendered.metadata` carries what the check found for the page around the body.
    store.set({
      id: entry.slug,
      data,
      filePath: entry.file,
      digest,
      rendered: { html: '', metadata: { ...metadata } },
    });
  }
  // Entries whose file is gone (renamed or deleted since the last build) leave the cached store.
  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
}
