// Runs drawCards off Astro's thread: filling pixels and compressing PNGs would otherwise stall page rendering.
import { parentPort, workerData } from 'node:worker_threads';
import { drawCards } from './og-cache.ts';

const { cards, cacheDir } = workerData as { cards: Parameters<typeof drawCards>[0]; cacheDir: string };
parentPort!.postMessage(await drawCards(cards, cacheDir));
