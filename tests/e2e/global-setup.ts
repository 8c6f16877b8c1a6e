import type { TestProject } from 'vitest/node';
import { join } from 'node:path';
import { ROOT, runBuild } from '../helpers/run-build.ts';
import { serveDir } from '../../scripts/lib/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    distDir: string;
  }
}

/** Builds the real glossary once and serves dist/ for every end-to-end test. */
export default async function setup(project: TestProject) {
  const build = await runBuild();
  if (build.code !== 0) throw new Error(`The site did not build:\n${build.output}`);
  const distDir = join(ROOT, 'dist');
  const server = await serveDir(distDir);
  project.provide('siteUrl', server.url);
  project.provide('distDir', distDir);
  return () => server.close();
}
