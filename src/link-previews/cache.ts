/**
 * Draws link-preview cards and slides into a cache folder, one file per distinct
 * drawing, so a rebuild redraws only the cards that changed.
 */
import { access, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { ogLayout, slideSvg, type OgCard } from './image.ts';
import { renderOgPng } from './png.ts';

/** Bump when png.ts draws differently, so cached images are redrawn (2: glyph atlas; 3: punctuation in the atlas). */
const DRAWING_VERSION = 3;

/** Two at a time: one card's text is rasterised on libuv's pool while the other's pixels are filled in. */
const PARALLEL = 2;

/** A term's cached drawings: its link-preview PNG and its slide SVG. */
export interface DrawnCard {
  slug: string;
  png: string;
  slide: string;
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 24);

/** Returns, for each slug, the cached PNG and slide that show its card; removes cached files no card uses any more. */
export async function drawCards(cards: readonly (readonly [string, OgCard])[], cacheDir: string): Promise<DrawnCard[]> {
  await mkdir(cacheDir, { recursive: true });
  const queue = [...cards];
  const files: DrawnCard[] = [];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [slug, card] = next;
      const layout = ogLayout(card);
      const file = join(cacheDir, `${hash(`${DRAWING_VERSION}\n${JSON.stringify(layout)}`)}.png`);
      if (!(await exists(file))) {
        try {
          await writeFile(file, await renderOgPng(layout));
        } catch (error) {
          // librsvg's own message names neither the term nor the text it choked on.
          throw new Error(
            `Could not draw the link-preview image of the term "${slug}" (title ${JSON.stringify(card.title)}): ${error instanceof Error ? error.message : String(error)}`,
            { cause: error },
          );
        }
      }
      // A slide is a few kilobytes of text: cheaper to write again than to rasterise, but unchanged ones are kept.
      const svg = slideSvg(card);
      const slide = join(cacheDir, `${hash(svg)}.svg`);
      if (!(await exists(slide))) await writeFile(slide, svg);
      files.push({ slug, png: file, slide });
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  const used = new Set(files.flatMap(({ png, slide }) => [png, slide]));
  const stale = (await readdir(cacheDir)).map((name) => join(cacheDir, name)).filter((path) => !used.has(path));
  await Promise.all(stale.map((path) => rm(path, { force: true })));
  return files;
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );
