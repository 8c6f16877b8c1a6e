// npm run build [-- --outDir <dir>]
// Astro renders the site in one process, then Pagefind indexes it from this one. Run inside Astro (as an
// integration), Pagefind's index of 5,000 terms sat on top of Astro's heap and doubled the build's peak memory.
//
// Both write into a temporary folder beside the output folder, which replaces the output folder only when every
// step succeeded: a build that fails halfway (link-preview images, the search index) leaves the previous site as
// it was, instead of pages that point at missing images and a missing index.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexSite } from '../src/search/pagefind-index.ts';
import { deploymentSettings, siteUrlWarning } from '../src/links/urls.ts';
import { contentDir } from '../src/entries/term-file.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const astro = join(root, 'node_modules/astro/bin/astro.mjs');

// Astro takes `--outDir dir` and `--outDir=dir`; this script decides where Astro writes, so it takes the option out.
const args: string[] = [];
let requested = 'dist';
const given = process.argv.slice(2);
for (let i = 0; i < given.length; i++) {
  const arg = given[i]!;
  if (arg === '--outDir' && given[i + 1] !== undefined) requested = given[++i]!;
  else if (arg.startsWith('--outDir=')) requested = arg.slice('--outDir='.length);
  else args.push(arg);
}
// Before anything is written: a bad SITE_URL or BASE_PATH is named here, not deep inside a page.
try {
  deploymentSettings(process.env);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  console.error('The build did not start; the output folder was left as it was.');
  process.exit(1);
}
// Once, before Astro starts: without a real SITE_URL the site still builds (a preview needs no public address), but
// every absolute link in it names the placeholder host.
const warning = siteUrlWarning(process.env);
if (warning) console.warn(warning);

const outDir = resolve(requested);
const staging = join(dirname(outDir), `.${basename(outDir)}.building-${process.pid}`);
// Astro runs in a folder of this build's own. When the output folder is outside Astro's working folder (a test's or
// the bench's, in /tmp), Astro writes the page code it renders from to `.astro/.prerender/` there and deletes that
// folder when it finishes: from the project folder, two builds running at once (the tests build several) deleted
// each other's page code mid-render. The folder is inside the project, so that code still finds node_modules.
const workDir = join(root, '.astro', 'builds', String(process.pid));
await removeAbandoned(dirname(outDir), `.${basename(outDir)}.building-`);
await removeAbandoned(dirname(workDir), '');
await mkdir(workDir, { recursive: true });

const fail = async (code: number): Promise<never> => {
  await rm(staging, { recursive: true, force: true });
  await rm(workDir, { recursive: true, force: true });
  console.error(`The build failed: ${outDir} was left as it was.`);
  process.exit(code);
};

// Rolldown (Vite's bundler) allocates with mimalloc, which by default keeps a committed arena of several hundred
// MiB after bundling ends; these settings hand freed memory back, lowering the peak at 5,000 terms by ~150 MiB.
const allocator = { MIMALLOC_ARENA_EAGER_COMMIT: '0', MIMALLOC_PURGE_DELAY: '0', MIMALLOC_PURGE_DECOMMITS: '1' };
// A larger young generation: rendering allocates many short-lived strings, and garbage collection took 2.3 s of the
// main thread's 17.8 s in a CPU profile of a 1,000-entry build. With 64 MiB semi-spaces instead of V8's default the
// same build took about 6 % less time (three builds each way, alternating); README's Performance section has the memory.
const heap = ['--max-semi-space-size=64'];
// Relative content folders would be looked up from Astro's working folder: resolved here, from the one `npm run build` ran in.
const folders = {
  GLOSSARY_CONTENT_DIR: contentDir(),
  ...(process.env.GLOSSARY_RETIRED_NUMBERS && {
    GLOSSARY_RETIRED_NUMBERS: resolve(process.env.GLOSSARY_RETIRED_NUMBERS),
  }),
};
const built = spawnSync(process.execPath, [...heap, astro, 'build', '--root', root, ...args, '--outDir', staging], {
  stdio: 'inherit',
  cwd: workDir,
  env: { ...allocator, ...process.env, ...folders },
});
await rm(workDir, { recursive: true, force: true });
if (built.status !== 0) await fail(built.status ?? 1);

const start = performance.now();
try {
  const pages = await indexSite(staging);
  console.log(`[search] Indexed ${pages} term pages in ${((performance.now() - start) / 1000).toFixed(1)} s.`);
} catch (error) {
  console.error(`[search] ${error instanceof Error ? error.message : String(error)}`);
  await fail(1);
}

// Two renames: the old site steps aside, the new one takes its name, and only then is the old one deleted.
const previous = `${staging}.previous`;
const hadPrevious = existsSync(outDir);
try {
  if (hadPrevious) await rename(outDir, previous);
  try {
    await rename(staging, outDir);
  } catch (error) {
    if (hadPrevious) await rename(previous, outDir);
    throw error;
  }
} catch (error) {
  console.error(
    `Could not move the new site into ${outDir}: ${error instanceof Error ? error.message : String(error)}`,
  );
  await fail(1);
}
await rm(previous, { recursive: true, force: true });

/** Folders of builds that were killed (their process is gone) would otherwise pile up: `<dir>/<prefix><pid>…`. */
async function removeAbandoned(dir: string, prefix: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.startsWith(prefix))) {
    const pid = Number(/^(\d+)/.exec(name.slice(prefix.length))?.[1]);
    if (!pid || (pid !== process.pid && isRunning(pid))) continue;
    await rm(join(dir, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
