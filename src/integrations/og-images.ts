import type { AstroIntegration } from 'astro';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { OgCard } from '../lib/og-image.ts';
import type { TermData } from '../schemas/term.ts';
import { CATEGORIES } from '../schemas/vocabulary.ts';
import { t } from '../i18n/ui.ts';
import { checkContentDir } from '../lib/check-content.ts';
import { contentDir } from '../lib/paths.ts';

/**
 * Draws each term's link-preview PNG (`/og/<slug>.png`) beside the build
 * rather than as an Astro route: a worker thread starts with the build and
 * uses the core that Astro's mostly single-threaded work leaves idle.
 * PNGs are cached under a hash of their drawing (see og-cache.ts). They exist
 * after `astro build`, not under `astro dev`, where nothing reads them.
 */
export function ogImages(): AstroIntegration {
  let rendering: Promise<Map<string, string>> | undefined;

  return {
    name: 'glossary:og-images',
    hooks: {
      // Starting now overlaps content sync and bundling. The content pass is cached, so this reads the same parse.
      'astro:config:setup': async ({ config, command }) => {
        if (command !== 'build') return;
        const { entries } = await checkContentDir(contentDir(), fileURLToPath(config.root), { base: config.base });
        rendering = drawInWorker(cardsOf(entries), join(fileURLToPath(config.cacheDir), 'og'));
        // Failures surface in build:done; without this, Node would report the rejection as unhandled first.
        rendering.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        const files = await rendering!;
        const outDir = join(fileURLToPath(dir), 'og');
        await mkdir(outDir, { recursive: true });
        await Promise.all([...files].map(([slug, cached]) => copyFile(cached, join(outDir, `${slug}.png`))));
        logger.info(`Wrote ${files.size} link-preview images.`);
      },
    },
  };
}

function cardsOf(terms: { slug: string; data: Pick<TermData, 'title' | 'qualifier' | 'number' | 'category'> }[]): Map<string, OgCard> {
  const categoryName = new Map(CATEGORIES.map((c) => [c.slug, c.name]));
  return new Map(
    terms.map(({ slug, data }) => [
      slug,
      { title: data.title, qualifier: data.qualifier, number: data.number, category: categoryName.get(data.category) ?? data.category, site: t('site.name') },
    ]),
  );
}

function drawInWorker(cards: Map<string, OgCard>, cacheDir: string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../lib/og-worker.ts', import.meta.url), {
      workerData: { cards: [...cards], cacheDir },
      // A small heap makes the worker collect its per-image buffers early instead of growing alongside Astro.
      resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 },
    });
    worker.once('message', (files: [string, string][]) => resolve(new Map(files)));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`The link-preview worker stopped with code ${code}.`)));
  });
}
