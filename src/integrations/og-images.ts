import type { AstroIntegration } from 'astro';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { OgCard } from '../lib/og-image.ts';
import type { TermData } from '../schemas/term.ts';
import { CATEGORIES } from '../schemas/vocabulary.ts';
import { t } from '../i18n/ui.ts';

/**
 * Draws each term's link-preview PNG (`/og/<slug>.png`) beside the build
 * rather than as an Astro route: a worker thread starts with the build and
 * uses the core that Astro's mostly single-threaded work leaves idle.
 * PNGs are cached under a hash of their drawing (see og-cache.ts). They exist
 * after `astro build`, not under `astro dev`, where nothing reads them.
 */
export function ogImages() {
  let cards = new Map<string, OgCard>();
  let rendering: Promise<Map<string, string>> | undefined;

  const integration: AstroIntegration = {
    name: 'glossary:og-images',
    hooks: {
      // Listed after the content check, so the cards are known here; starting now overlaps content sync and bundling too.
      'astro:config:setup': ({ config, command }) => {
        if (command !== 'build') return;
        rendering = drawInWorker(cards, join(fileURLToPath(config.cacheDir), 'og'));
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

  /** Called with the checked entries before the build starts. */
  const setTerms = (terms: { slug: string; data: Pick<TermData, 'title' | 'qualifier' | 'number' | 'category'> }[]) => {
    const categoryName = new Map(CATEGORIES.map((c) => [c.slug, c.name]));
    cards = new Map(
      terms.map(({ slug, data }) => [
        slug,
        { title: data.title, qualifier: data.qualifier, number: data.number, category: categoryName.get(data.category) ?? data.category, site: t('site.name') },
      ]),
    );
  };
  return { integration, setTerms };
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
