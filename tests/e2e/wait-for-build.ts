/**
 * Runs before each browser test file: waits for the site that global-setup.ts is building, so a file's top-level
 * code can read the built files. Fails the file with the build's own output if the build failed.
 */
import { inject } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';

const distDir = inject('distDir');
const failed = inject('buildFailedFile');
// Far above a build of the real glossary on a loaded 2-core machine (about 2 minutes), so only a hung build trips it.
const deadline = Date.now() + 15 * 60_000;
while (!existsSync(distDir) && !existsSync(failed)) {
  if (Date.now() > deadline) throw new Error(`The site was not built into ${distDir} within 15 minutes.`);
  await new Promise((resolve) => setTimeout(resolve, 200));
}
if (existsSync(failed)) throw new Error(`The site did not build:\n${readFileSync(failed, 'utf8')}`);
