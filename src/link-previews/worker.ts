// Runs drawCards off Astro's thread: filling pixels and compressing PNGs would otherwise stall page rendering.
import { parentPort, workerData } from 'node:worker_threads';
import sharp from 'sharp';
import { drawCards } from './cache.ts';

// Each card is drawn once; libvips' cache of recent operations would only hold memory.
sharp.cache(false);

const { cards, cacheDir } = workerData as { cards: Parameters<typeof drawCards>[0]; cacheDir: string };
parentPort!.postMessage(await drawCards(cards, cacheDir));
