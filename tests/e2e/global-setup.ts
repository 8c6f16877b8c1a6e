import type { TestProject } from 'vitest/node';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runBuild } from '../helpers/run-build.ts';
import { serveDir } from '../../scripts/lib/static-server.ts';
import { launchBrowserServer } from '../../scripts/lib/chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    distDir: string;
    /** Written with the build's output if the build fails (tests/e2e/wait-for-build.ts reads it). */
    buildFailedFile: string;
    /** One Chromium per test worker, which its browser test files connect to (tests/helpers/use-browser.ts). */
    browserEndpoints: string[];
  }
}

/**
 * Builds the real glossary once, into a temporary folder (never over the developer's own dist/), and serves it for
 * every end-to-end test; tests find the folder as inject('distDir').
 *
 * The build is started here but not awaited: the unit and fixture-build tests (an earlier sequence group in
 * vitest.config.ts) run on the other core meanwhile, and each browser test file waits for the finished site in
 * wait-for-build.ts. scripts/build.ts moves the site into distDir only once every step succeeded, so the folder's
 * existence means a complete build.
 */
export default async function setup(project: TestProject) {
  const work = await mkdtemp(join(tmpdir(), 'glossary-e2e-'));
  const buildFailedFile = join(work, 'build-failed.txt');
  // For re-running one browser test file without building: E2E_SITE_DIR names a site built earlier
  // (`npm run build -- --outDir <folder>`), served as it is. `npm test` and CI leave it unset and build afresh.
  const prebuilt = process.env.E2E_SITE_DIR;
  const distDir = prebuilt ? resolve(prebuilt) : join(work, 'site');
  const building = prebuilt
    ? Promise.resolve()
    : runBuild({}, ['--outDir', distDir]).then(
        (build) => (build.code === 0 ? undefined : writeFile(buildFailedFile, build.output)),
        (error: unknown) => writeFile(buildFailedFile, String(error)),
      );
  const server = await serveDir(distDir);
  // Launched once here rather than once per test file: a launch, and the first page of each context, cost a second or
  // two of CPU each, and files can then share contexts and their open pages. One per worker, not one for all: two
  // files at once in one browser would share its clipboard, which the copy tests read.
  const browsers = await Promise.all(Array.from({ length: project.config.maxWorkers }, () => launchBrowserServer()));
  project.provide(
    'browserEndpoints',
    browsers.map((b) => b.wsEndpoint()),
  );
  project.provide('siteUrl', server.url);
  project.provide('distDir', distDir);
  project.provide('buildFailedFile', buildFailedFile);
  return async () => {
    await building;
    await Promise.all(browsers.map((b) => b.close()));
    await server.close();
    await rm(work, { recursive: true, force: true });
  };
}
