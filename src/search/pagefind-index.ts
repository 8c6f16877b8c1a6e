import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

/**
 * Pagefind's own executable, found the way its npm wrapper finds it: `PAGEFIND_BINARY_PATH` first, then the
 * platform package npm installed beside `pagefind`.
 */
export function pagefindBinary(env: NodeJS.ProcessEnv = process.env): string {
  const set = env['PAGEFIND_EXTENDED_BINARY_PATH'] ?? env['PAGEFIND_BINARY_PATH'];
  if (set) return set;
  const require = createRequire(import.meta.url);
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const suffix = platform === 'windows' ? '.exe' : '';
  const tried: string[] = [];
  for (const name of ['pagefind_extended', 'pagefind']) {
    const id = `@pagefind/${platform}-${env['npm_config_arch'] ?? process.arch}/bin/${name}${suffix}`;
    try {
      return require.resolve(id);
    } catch {
      tried.push(id);
    }
  }
  throw new Error(`Pagefind's executable is not installed (looked for ${tried.join(', ')}): run npm ci.`);
}

/**
 * Indexes a built site with Pagefind. Only term pages carry `data-pagefind-body`, so only they are read; weights
 * and metadata are set in their markup. The executable runs on its own rather than through Pagefind's Node API:
 * the API's service mode peaks about 170 MiB higher at 5,000 terms, the largest process of the whole build.
 */
export async function indexSite(outDir: string, binary: string = pagefindBinary()): Promise<number> {
  const args = [
    '--site',
    outDir,
    '--glob',
    'terms/*/index.html',
    '--force-language',
    'en',
    '--output-subdir',
    'pagefind',
  ];
  const { code, output } = await run(binary, args);
  if (code !== 0) throw new Error(`Pagefind could not index ${outDir} (exit code ${code}):\n${output.trim()}`);
  const pages = Number(/Indexed (\d+) pages?\b/.exec(output)?.[1] ?? 0);
  if (pages === 0) throw new Error(`Pagefind found no term pages in ${outDir}.`);
  return pages;
}

function run(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    // A path that is not there or not executable: say which, rather than a bare "spawn ENOENT".
    child.on('error', (error) => reject(new Error(`Could not run Pagefind's executable ${command}: ${error.message}`)));
    child.on('close', (code) => resolve({ code, output }));
  });
}
