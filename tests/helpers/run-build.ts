import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The public address test builds get unless they pass their own `SITE_URL`: a real-looking host, so no warning. */
export const TEST_SITE_URL = 'https://glossary.example.net';

export interface BuildResult {
  code: number | null;
  output: string;
  /** Where the site was written: the caller's `--outDir`, or a temporary folder of the build's own. */
  outDir: string;
}

/**
 * Runs `npm run build` (`scripts/build.ts`: Astro, then the search index) as a user would, with extra environment (a fixture content folder, a base path). A fixture
 * build gets a cache folder of its own, so its entries cannot leak into other builds, and no retired numbers.
 * `SITE_URL` is TEST_SITE_URL unless the environment or `env` sets it; `SITE_URL: ''` builds without one.
 * Without `--outDir` in `args` the site goes to a fresh temporary folder: a test build must never replace (or, when
 * it fails, stage files beside) the developer's own `dist/`.
 */
export function runBuild(env: Record<string, string> = {}, args: string[] = []): Promise<BuildResult> {
  if (env['GLOSSARY_CONTENT_DIR'] && !env['ASTRO_CACHE_DIR'])
    env = { ...env, ASTRO_CACHE_DIR: `${env['GLOSSARY_CONTENT_DIR']}-astro-cache` };
  // Nor the retired numbers of whatever sits next to it in the temporary folder: a fixture has none unless it says so.
  if (env['GLOSSARY_CONTENT_DIR'] && !env['GLOSSARY_RETIRED_NUMBERS'])
    env = { ...env, GLOSSARY_RETIRED_NUMBERS: `${env['GLOSSARY_CONTENT_DIR']}-retired-numbers.json` };
  const childEnv: NodeJS.ProcessEnv = {
    SITE_URL: TEST_SITE_URL,
    ...cleanEnvironment(),
    ...env,
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
  if (childEnv['SITE_URL'] === '') delete childEnv['SITE_URL'];
  const given = args.findIndex((a) => a === '--outDir' || a.startsWith('--outDir='));
  const outDir =
    given === -1
      ? join(mkdtempSync(join(tmpdir(), 'glossary-build-')), 'site')
      : args[given]!.startsWith('--outDir=')
        ? args[given]!.slice('--outDir='.length)
        : args[given + 1]!;
  if (given === -1) args = [...args, '--outDir', outDir];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${ROOT}scripts/build.ts`, ...args], { cwd: ROOT, env: childEnv });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output, outDir }));
  });
}

/**
 * The environment without what vitest adds to it: vitest sets BASE_URL, MODE, NODE_ENV=test and friends, and a
 * child `astro build` would read them as its own (BASE_URL=/ silently overrides BASE_PATH).
 */
export function cleanEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'].includes(key) || key.startsWith('VITEST'))
      delete env[key];
  }
  return env;
}
