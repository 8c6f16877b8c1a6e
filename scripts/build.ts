// npm run build [-- --outDir <dir>]
// Astro renders the site in one process, then Pagefind indexes it from this one. Run inside Astro (as an
// integration), Pagefind's index of 5,000 terms sat on top of Astro's heap and doubled the build's peak memory.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexSite } from '../src/lib/search-index.ts';

const args = process.argv.slice(2);
const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
// Rolldown (Vite's bundler) allocates with mimalloc, which by default keeps a committed arena of several hundred
// MiB after bundling ends; these settings hand freed memory back, lowering the peak at 5,000 terms by ~150 MiB.
const allocator = { MIMALLOC_ARENA_EAGER_COMMIT: '0', MIMALLOC_PURGE_DELAY: '0', MIMALLOC_PURGE_DECOMMITS: '1' };
const built = spawnSync(process.execPath, [astro, 'build', ...args], { stdio: 'inherit', env: { ...allocator, ...process.env } });
if (built.status !== 0) process.exit(built.status ?? 1);

// Astro takes `--outDir dir` and `--outDir=dir`; the index goes where the site went.
const at = args.indexOf('--outDir');
const outDir = resolve((at >= 0 && args[at + 1]) || args.find((a) => a.startsWith('--outDir='))?.slice('--outDir='.length) || 'dist');
const start = performance.now();
try {
  const pages = await indexSite(outDir);
  console.log(`[search] Indexed ${pages} term pages in ${((performance.now() - start) / 1000).toFixed(1)} s.`);
} catch (error) {
  console.error(`[search] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
