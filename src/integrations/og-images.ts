import type { AstroIntegration } from 'astro';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DrawnCard } from '../link-previews/cache.ts';
import type { OgCard } from '../link-previews/image.ts';
import type { TermData } from '../schemas/term.ts';
import { CATEGORIES } from '../schemas/vocabulary.ts';
import { t } from '../i18n/ui.ts';
import { checkContentDir } from '../entries/check-content.ts';
import { contentDir } from '../entries/term-file.ts';
import { absolute, urls } from '../links/urls.ts';

/**
 * Draws each term's link-preview PNG (`/og/<slug>.png`) and its 1920×1080
 * slide (`/slides/<slug>.svg`) beside the build rather than as Astro routes: a
 * worker thread draws them while Astro renders pages, on the core that Astro's
 * single-threaded rendering leaves idle. Both are cached under a hash of their
 * drawing (see link-previews/cache.ts). They exist after `astro build`, not under
 * `astro dev`, where nothing reads them.
 */
export function ogImages(): AstroIntegration {
  let rendering: Promise<DrawnCard[]> | undefined;
  let start: (() => Promise<DrawnCard[]>) | undefined;

  return {
    name: 'glossary:og-images',
    hooks: {
      'astro:config:setup': async ({ config, command, updateConfig }) => {
        if (command !== 'build') return;
        const { entries } = await checkContentDir(contentDir(), fileURLToPath(config.root), { base: config.base });
        // The configured base, not urls.ts's: import.meta.env does not hold it while the config loads.
        const shortUrls = absolute(urls.shortLinks(config.base), config.site);
        start = () => {
          rendering ??= drawInWorker(cardsOf(entries, shortUrls), join(fileURLToPath(config.cacheDir), 'og'));
          // Failures surface in build:done; without this, Node would report the rejection as unhandled first.
          rendering.catch(() => {});
          return rendering;
        };
        // Drawing starts when Vite has written the page code and Astro begins rendering pages: content sync and
        // bundling already keep both cores busy (Rolldown's threads, V8's collector), while rendering runs on one
        // thread. Started with the build instead, it slowed bundling: four 1,000-term builds each way took 20.0 s
        // on average this way against 21.2 s (5,000 terms: the same within noise).
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'glossary:og-images',
                writeBundle() {
                  if (this.environment.name === 'prerender') start?.();
                },
              },
            ],
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        // Started here if Vite never reported the page code written (a build that renders no pages).
        const files = await start!();
        const ogDir = join(fileURLToPath(dir), 'og');
        const slideDir = join(fileURLToPath(dir), 'slides');
        await Promise.all([mkdir(ogDir, { recursive: true }), mkdir(slideDir, { recursive: true })]);
        await Promise.all(
          files.flatMap(({ slug, png, slide }) => [
            copyFile(png, join(ogDir, `${slug}.png`)),
            copyFile(slide, join(slideDir, `${slug}.svg`)),
          ]),
        );
        logger.info(`Wrote ${files.length} link-preview images and ${files.length} slides.`);
      },
    },
  };
}

/** What each term's card and slide show; `shortUrls` is the absolute address of `/n/`, base path included. */
export function cardsOf(
  terms: { slug: string; data: Pick<TermData, 'title' | 'qualifier' | 'number' | 'category' | 'summary' | 'attack'> }[],
  shortUrls: string,
): Map<string, OgCard> {
  const categoryName = new Map(CATEGORIES.map((c) => [c.slug, c.name]));
  const site = t('site.name');
  return new Map(
    terms.map(({ slug, data }) => [
      slug,
      {
        title: data.title,
        qualifier: data.qualifier,
        number: data.number,
        category: categoryName.get(data.category) ?? data.category,
        site,
        summary: data.summary,
        attackId: data.attack?.id,
        url: `${shortUrls}${data.number}/`,
      },
    ]),
  );
}

function drawInWorker(cards: Map<string, OgCard>, cacheDir: string): Promise<DrawnCard[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../link-previews/worker.ts', import.meta.url), {
      workerData: { cards: [...cards], cacheDir },
      // A small heap makes the worker collect its per-image buffers early instead of growing alongside Astro.
      resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once(
      'exit',
      (code) => code !== 0 && reject(new Error(`The link-preview and slide worker stopped with code ${code}.`)),
    );
  });
}
