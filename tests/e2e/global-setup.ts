import type { TestProject } from 'vitest/node';
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { runBuild } from '../helpers/run-build.ts';
import { serveDir } from '../../scripts/lib/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    distDir: string;
  }
}

/**
 * Builds the real glossary once, into a temporary folder (never over the developer's own dist/), and serves it for
 * every end-to-end test; tests find the folder as inject('distDir').
 */
export default async function setup(project: TestProject) {
  const build = await runBuild();
  if (build.code !== 0) throw new Error(`The site did not build:\n${build.output}`);
  const distDir = build.outDir;
  const server = await serveDir(distDir);
  project.provide('siteUrl', server.url);
  project.provide('distDir', distDir);
  return async () => {
    await server.close();
    await rm(dirname(distDir), { recursive: true, force: true });
  };
}
