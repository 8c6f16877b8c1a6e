/**
 * Draws link-preview cards into a cache folder, one file per distinct drawing,
 * so a rebuild redraws only the cards that changed.
 */
import { access, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { ogLayout, type OgCard } from './og-image.ts';
import { renderOgPng } from './og-png.ts';

/** Bump when og-png.ts draws differently, so cached images are redrawn. */
const DRAWING_VERSION = 1;

/** Two at a time: one card's text is rasterised on libuv's pool while the other's pixels are filled in. */
const PARALLEL = 2;

/** Returns, for each slug, the cached PNG that shows its card; removes cached PNGs no card uses any more. */
export async function drawCards(cards: readonly (readonly [string, OgCard])[], cacheDir: string): Promise<[string, string][]> {
  await mkdir(cacheDir, { recursive: true });
  const queue = [...cards];
  const files: [string, string][] = [];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [slug, card] = next;
      const layout = ogLayout(card);
      const key = createHash('sha256').update(`${DRAWING_VERSION}\n${JSON.stringify(layout)}`).digest('hex').slice(0, 24);
      const file = join(cacheDir, `${key}.png`);
      if (!(await exists(file))) {
        try {
          await writeFile(file, await renderOgPng(layout));
        } catch (error) {
          // librsvg's own message names neither the term nor the text it choked on.
          throw new Error(`Could not draw the link-preview image of the term "${slug}" (title ${JSON.stringify(card.title)}): ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      files.push([slug, file]);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  const used = new Set(files.map(([, file]) => file));
  const stale = (await readdir(cacheDir)).map((name) => join(cacheDir, name)).filter((path) => !used.has(path));
  await Promise.all(stale.map((path) => rm(path, { force: true })));
  return files;
}

const exists = (path: string) => access(path).then(() => true, () => false);
