/**
 * Loads `content/terms/*.mdx` into the `terms` collection and renders each
 * body to HTML once, while content syncs.
 *
 * Why not Astro's `glob()` loader: it hands every `.mdx` entry to Vite as its
 * own JavaScript module, so the bundler parses, bundles and keeps in memory
 * one module per term. At 5,000 terms that was most of the build's time and
 * its 3.5 GiB peak. Term bodies are prose (the content check rejects JSX,
 * `{expressions}` and `import`/`export` in them), so rendering them with the
 * project's Markdown pipeline gives the same HTML, cached per file digest.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { readFile, readdir } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { splitFrontmatter } from './validate-entry.ts';

const EXTENSION = '.mdx';

export function termLoader(dir: string): Loader {
  // Astro calls load() again on every content sync in dev; one listener is enough.
  let watching = false;
  return {
    name: 'glossary:terms',
    load: async (context) => {
      const files = (await readdir(dir)).filter((name) => name.endsWith(EXTENSION));
      const seen = new Set<string>();
      for (const name of files) seen.add(await syncFile(context, join(dir, name)));
      // Entries whose file is gone (renamed or deleted since the last build) leave the cached store.
      for (const id of context.store.keys()) if (!seen.has(id)) context.store.delete(id);

      if (!context.watcher || watching) return;
      watching = true;
      context.watcher.add(dir);
      context.watcher.on('all', async (event, path) => {
        if (!path.startsWith(dir) || !path.endsWith(EXTENSION)) return;
        if (event === 'unlink') context.store.delete(basename(path, EXTENSION));
        else if (event === 'add' || event === 'change') await syncFile(context, path);
      });
    },
  };
}

/** Parses, validates and renders one file unless its digest shows it is unchanged; returns its ID. */
async function syncFile({ store, parseData, renderMarkdown, generateDigest, config }: LoaderContext, path: string): Promise<string> {
  const id = basename(path, EXTENSION);
  const source = await readFile(path, 'utf8');
  const digest = generateDigest(source);
  if (store.get(id)?.digest === digest) return id;

  const filePath = relative(fileURLToPath(config.root), path);
  // The content check has already reported malformed files with their field and line; this is a last guard.
  const parts = splitFrontmatter(source);
  if (!parts) throw new Error(`${filePath}: no YAML frontmatter between two "---" lines.`);
  const data = await parseData({ id, data: parseYaml(parts.yaml) as Record<string, unknown>, filePath });
  const rendered = await renderMarkdown(parts.body, { fileURL: pathToFileURL(path) });
  // No `body`: pages use the rendered HTML, and the store is bundled into the build, so every byte costs memory.
  store.set({ id, data, filePath, digest, rendered });
  return id;
}
