import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The public address test builds get unless they pass their own `SITE_URL`: a real-looking host, so no warning. */
export const TEST_SITE_URL = 'https://glossary.example.net';

export interface BuildResult {
  code: number | null;
  output: string;
}

/**
 * Runs `npm run build` (`scripts/build.ts`: Astro, then the search index) as a user would, with extra environment (a fixture content folder, a base path). A fixture
 * build gets a cache folder of its own, so its entries cannot leak into other builds, and no retired numbers.
 * `SITE_URL` is TEST_SITE_URL unless the environment or `env` sets it; `SITE_URL: ''` builds without one.
 */
export function runBuild(env: Record<string, string> = {}, args: string[] = []): Promise<BuildResult> {
  if (env['GLOSSARY_CONTENT_DIR'] && !env['ASTRO_CACHE_DIR']) env = { ...env, ASTRO_CACHE_DIR: `${env['GLOSSARY_CONTENT_DIR']}-astro-cache` };
  // Nor the retired numbers of whatever sits next to it in the temporary folder: a fixture has none unless it says so.
  if (env['GLOSSARY_CONTENT_DIR'] && !env['GLOSSARY_RETIRED_NUMBERS']) env = { ...env, GLOSSARY_RETIRED_NUMBERS: `${env['GLOSSARY_CONTENT_DIR']}-retired-numbers.json` };
  const childEnv: NodeJS.ProcessEnv = { SITE_URL: TEST_SITE_URL, ...cleanEnvironment(), ...env, NO_COLOR: '1', FORCE_COLOR: '0' };
  if (childEnv['SITE_URL'] === '') delete childEnv['SITE_URL'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${ROOT}scripts/build.ts`, ...args], { cwd: ROOT, env: childEnv });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/**
 * The environment without what vitest adds to it: vitest sets BASE_URL, MODE, NODE_ENV=test and friends, and a
 * child `astro build` would read them as its own (BASE_URL=/ silently overrides BASE_PATH).
 */
export function cleanEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'].includes(key) || key.startsWith('VITEST')) delete env[key];
  }
  return env;
}
