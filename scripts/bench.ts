// npm run bench [-- 1000 5000]
// Builds deterministic synthetic glossaries in the project's own schema and, for the same entries, a
// hand-written static HTML site indexed by the Pagefind CLI (the floor no framework can beat) and a Starlight docs
// site (the off-the-shelf alternative the speed budget is set against). Prints one table with our figures and the
// ratios to both, all measured in the same run on the same machine.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { stringify } from 'yaml';
import { launchBrowser } from './lib/chromium.ts';
import { serveDir } from './lib/static-server.ts';
import { CATEGORY_SLUGS } from '../src/schemas/vocabulary.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const SIZES = sizes.length ? sizes : [1000, 5000];

/** A small deterministic PRNG (mulberry32), so every run benchmarks the same glossary. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
// Prose words only: component tags and code would make "term", "slug" and "tab" the commonest words in every page.
const WORDS = readFileSync(join(ROOT, 'content/terms/execution.mdx'), 'utf8')
  .split('---')[2]!
  .replace(/```[\s\S]*?```/g, ' ')
  .replace(/<[^>]+>/g, ' ')
  .toLowerCase()
  .match(/[a-z]{3,}/g)!;

interface Synthetic {
  slug: string;
  title: string;
  frontmatter: Record<string, unknown>;
  body: string[];
}

function synthesize(count: number): Synthetic[] {
  const random = rng(count);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const sentence = (n: number) => {
    const words = Array.from({ length: n }, () => pick(WORDS));
    return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
  };
  const slugs = Array.from({ length: count }, (_, i) => `synthetic-term-${String(i + 1).padStart(5, '0')}`);
  return slugs.map((slug, i) => {
    const title = `Synthetic Term ${String(i + 1).padStart(5, '0')}`;
    const target = 300 + Math.floor(random() * 200);
    const body: string[] = [];
    let words = 0;
    while (words < target) {
      const paragraph = Array.from({ length: 4 }, () => sentence(10 + Math.floor(random() * 8))).join(' ');
      body.push(paragraph);
      words += paragraph.split(' ').length;
    }
    // Each pair is related from one side only (offsets below half the count), as the content check requires.
    const offset = () => 1 + Math.floor(random() * Math.max(1, Math.floor((count - 1) / 2)));
    const related = new Set<string>();
    const relatedCount = Math.min(3 + Math.floor(random() * 4), Math.max(1, Math.floor((count - 1) / 2)));
    while (related.size < relatedCount) related.add(slugs[(i + offset()) % count]!);
    // What real bodies use: inline <Term> links, a callout and a highlighted code block.
    const links = [...new Set(Array.from({ length: 3 }, () => slugs[(i + offset()) % count]!))];
    body.push(`This entry reads alongside ${links.map((l) => `<Term slug="${l}" />`).join(', ')}.`);
    body.push(`<Callout type="note" title="${sentence(4).slice(0, -1)}">\n\n${sentence(20)}\n\n</Callout>`);
    body.push(
      '```powershell\npowershell.exe -NoProfile -EncodedCommand SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAKQA= | Out-Null\n```',
    );
    const frontmatter = {
      title,
      qualifier: 'Synthetic Concept',
      number: i + 1,
      category: pick(CATEGORY_SLUGS),
      summary: `${title} is a generated entry that ${sentence(12).toLowerCase()}`,
      aliases: [`ST${i + 1}`],
      examples: [
        { title: 'First case', body: sentence(25) },
        { title: 'Second case', body: sentence(25) },
      ],
      faq: Array.from({ length: 4 + Math.floor(random() * 2) }, (_, q) => ({
        question: `Question ${q + 1} about ${title}?`,
        answer: sentence(30),
      })),
      related: [...related].map((term) => ({ term, relation: 'see-also' })),
      sources: [{ title: 'NIST glossary', url: 'https://csrc.nist.gov/glossary' }],
      reviewed: '2026-11-01',
    };
    return { slug, title, frontmatter, body };
  });
}

async function writeMdx(entries: Synthetic[], dir: string) {
  await mkdir(dir, { recursive: true });
  await Promise.all(
    entries.map((e) =>
      writeFile(
        join(dir, `${e.slug}.mdx`),
        `---\n${stringify(e.frontmatter)}---\n\n## Overview\n\n${e.body.join('\n\n')}\n`,
      ),
    ),
  );
}

const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The floor: each term as one plain HTML file with the same text, no framework at all. */
async function writeFloorHtml(entries: Synthetic[], dir: string) {
  await Promise.all(
    entries.map(async (e) => {
      const fm = e.frontmatter as {
        summary: string;
        examples: { title: string; body: string }[];
        faq: { question: string; answer: string }[];
        related: { term: string }[];
      };
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(e.title)}</title></head><body><main data-pagefind-body>
<h1>${escape(e.title)}</h1><p>${escape(fm.summary)}</p><h2 id="overview">Overview</h2>${e.body.map((p) => `<p>${escape(p)}</p>`).join('')}
<h2 id="examples">Examples</h2><ol>${fm.examples.map((x, i) => `<li><h3 id="example-${i + 1}">${escape(x.title)}</h3><p>${escape(x.body)}</p></li>`).join('')}</ol>
<h2 id="faq">FAQ</h2>${fm.faq.map((x, i) => `<h3 id="faq-${i}">${escape(x.question)}</h3><p>${escape(x.answer)}</p>`).join('')}
<h2>Related</h2><ul>${fm.related.map((r) => `<li><a href="/terms/${r.term}/">${r.term}</a></li>`).join('')}</ul></main></body></html>`;
      await mkdir(join(dir, 'terms', e.slug), { recursive: true });
      await writeFile(join(dir, 'terms', e.slug, 'index.html'), html);
    }),
  );
}

/**
 * The same entries as a Starlight docs collection. Starlight has no <Term> or <Callout>: a term link becomes a plain
 * Markdown link and a callout Starlight's own aside syntax; examples, FAQ and related terms become Markdown sections
 * of the body, since Starlight's schema has no such fields. Files stay MDX, as ours are, so both compile the same
 * kind of module. The sidebar holds one link: by default Starlight lists every page in every page's sidebar, which
 * at 5,000 entries would measure a 5,000-link navigation our pages do not have.
 */
async function writeStarlight(entries: Synthetic[], dir: string) {
  const docs = join(dir, 'src/content/docs');
  await mkdir(docs, { recursive: true });
  // The site lives inside this project (see where it is made) so that it finds this project's installed packages;
  // Astro bundles a package that ships .astro files only when the site's package.json names it.
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({
      name: 'bench-starlight',
      private: true,
      type: 'module',
      dependencies: { '@astrojs/starlight': '*', astro: '*' },
    }),
  );
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ extends: 'astro/tsconfigs/base' }));
  await writeFile(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
export default defineConfig({
  site: 'https://glossary.example.net',
  integrations: [starlight({ title: 'Synthetic glossary', sidebar: [{ label: 'Home', link: '/' }] })],
});
`,
  );
  await writeFile(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
  await writeFile(
    join(docs, 'index.mdx'),
    '---\ntitle: Synthetic glossary\n---\n\nEvery synthetic term has its own page.\n',
  );
  await Promise.all(
    entries.map((e) => {
      const fm = e.frontmatter as {
        summary: string;
        examples: { title: string; body: string }[];
        faq: { question: string; answer: string }[];
        related: { term: string }[];
      };
      const body = e.body
        .map((p) =>
          p
            .replace(/<Term slug="([^"]+)" \/>/g, '[$1](/$1/)')
            .replace(/<Callout type="note" title="([^"]+)">\n\n([\s\S]*?)\n\n<\/Callout>/, ':::note[$1]\n$2\n:::'),
        )
        .join('\n\n');
      const text = [
        `---\n${stringify({ title: e.title, description: fm.summary })}---`,
        fm.summary,
        `## Overview\n\n${body}`,
        `## Examples\n\n${fm.examples.map((x) => `### ${x.title}\n\n${x.body}`).join('\n\n')}`,
        `## FAQ\n\n${fm.faq.map((x) => `### ${x.question}\n\n${x.answer}`).join('\n\n')}`,
        `## Related\n\n${fm.related.map((r) => `- [${r.term}](/${r.term}/)`).join('\n')}`,
      ].join('\n\n');
      return writeFile(join(docs, `${e.slug}.mdx`), `${text}\n`);
    }),
  );
}

interface RunResult {
  seconds: number;
  peakBytes: number;
  output: string;
  code: number | null;
}

/**
 * Peak memory of a whole process tree, sampled from /proc every 100 ms (Linux). Each sample reads one short
 * `stat` line per process, parent and resident pages in one read: reading the longer `status` files every 50 ms
 * cost enough CPU on a 2-core machine to slow the build it measured by a fifth.
 */
const SAMPLE_MS = 100;
const PAGE_BYTES = 4096;
async function treeRss(pid: number): Promise<number> {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // After the command name in parentheses (which may hold spaces): state, ppid, …, rss is the 22nd field.
      const fields = (await readFile(`/proc/${name}/stat`, 'utf8')).replace(/^.*\) /s, '').split(' ');
      const ppid = Number(fields[1]);
      rss.set(Number(name), Number(fields[21] ?? 0) * PAGE_BYTES);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    total += rss.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

function run(command: string, args: string[], env: Record<string, string> = {}, cwd = ROOT): Promise<RunResult> {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env, NO_COLOR: '1' } });
    let output = '';
    let peakBytes = 0;
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setInterval(async () => {
      peakBytes = Math.max(peakBytes, await treeRss(child.pid!));
    }, SAMPLE_MS);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ seconds: (performance.now() - start) / 1000, peakBytes, output, code });
    });
  });
}

async function dirSize(dir: string): Promise<string> {
  let total = 0;
  let files = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    total += (await stat(join(entry.parentPath, entry.name))).size;
    files++;
  }
  return `${mib(total)} in ${files.toLocaleString('en')} files`;
}

/** Bytes (gzip) a term page needs before any interaction: the HTML and the stylesheets and scripts it links. */
async function pageWeight(dist: string, slug: string) {
  const html = await readFile(join(dist, 'terms', slug, 'index.html'), 'utf8');
  const gz = (text: string | Buffer) => gzipSync(text).length;
  const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
  const js = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
  const bytesOf = async (list: string[]) =>
    (await Promise.all(list.map(async (u) => gz(await readFile(join(dist, u)))))).reduce((a, b) => a + b, 0);
  const blockingJs = [...html.matchAll(/<script(?![^>]*(?:type="module"|defer|async|application\/ld\+json))[^>]*src=/g)]
    .length;
  return { html: gz(html), css: await bytesOf(css), js: await bytesOf(js), blockingJs };
}

/**
 * Bytes transferred for the first query, and the median time from the last keystroke to the first rendered result
 * over several queries once the index is loaded (one sample on a shared 2-core VM swings by 100 ms).
 */
async function searchTiming(dist: string, queries: string[]) {
  const server = await serveDir(dist);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    let searchBytes = 0;
    let counting = false;
    page.on('response', async (response) => {
      // Bytes on the wire: the test server gzips text as static hosts do; Pagefind's index files are compressed already.
      if (counting && response.url().includes('/pagefind/'))
        searchBytes += (await response.request().sizes()).responseBodySize;
    });
    await page.goto(`${server.url}/search/`);
    const input = page.locator('#search-query');
    const results = page.locator('[data-search-results] > li').first();
    const timings: number[] = [];
    let firstQueryBytes = 0;
    for (const [i, query] of queries.entries()) {
      counting = i === 0;
      await input.fill('');
      await input.focus();
      await page.keyboard.type(query.slice(0, -1));
      await results.waitFor({ timeout: 60_000 });
      if (i === 0) firstQueryBytes = searchBytes;
      // The index for this prefix is loaded now: time the last keystroke to the next result list.
      await page.evaluate(() => document.querySelector('[data-search-results]')!.replaceChildren());
      const before = await page.evaluate(() => performance.now());
      await page.keyboard.type(query.slice(-1));
      await page.waitForFunction(() => document.querySelector('[data-search-results] > li') !== null);
      timings.push((await page.evaluate(() => performance.now())) - before);
    }
    timings.sort((a, b) => a - b);
    return { firstQueryBytes, keystrokeToResultMs: timings[Math.floor(timings.length / 2)]! };
  } finally {
    await browser.close();
    await server.close();
  }
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`;
const rows: string[][] = [];

for (const count of SIZES) {
  const work = await mkdtemp(join(tmpdir(), `glossary-bench-${count}-`));
  const entries = synthesize(count);
  const content = join(work, 'content');
  await writeMdx(entries, content);

  const ours = await run(process.execPath, [join(ROOT, 'scripts/build.ts'), '--outDir', join(work, 'dist')], {
    GLOSSARY_CONTENT_DIR: content,
    ASTRO_CACHE_DIR: join(work, 'cache'),
    // A production build has its public address; without it the build warns, and the warning column would count it.
    SITE_URL: process.env['SITE_URL'] ?? 'https://glossary.example.net',
  });
  if (ours.code !== 0) throw new Error(`The ${count}-entry build failed:\n${ours.output.slice(-3000)}`);
  const warnings = ours.output.split('\n').filter((l) => /warn/i.test(l)).length;

  const floorDir = join(work, 'floor');
  const floorStart = performance.now();
  await writeFloorHtml(entries, floorDir);
  const writeSeconds = (performance.now() - floorStart) / 1000;
  const floor = await run(join(ROOT, 'node_modules/.bin/pagefind'), ['--site', floorDir, '--force-language', 'en']);
  const floorSeconds = writeSeconds + floor.seconds;

  // Starlight builds and runs Pagefind itself inside `astro build`; writing its sources is not timed, as ours is not.
  // Inside the project, not under the temp folder: Astro mis-resolves the packages of a site whose node_modules is a
  // link to another folder, and finds none without one.
  await mkdir(join(ROOT, '.bench'), { recursive: true });
  const starlightDir = await mkdtemp(join(ROOT, '.bench', `starlight-${count}-`));
  await writeStarlight(entries, starlightDir);
  const starlight = await run(
    process.execPath,
    [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'],
    {},
    starlightDir,
  );
  if (starlight.code !== 0)
    throw new Error(`The ${count}-entry Starlight build failed:\n${starlight.output.slice(-3000)}`);
  const starlightPages = Number(/Found (\d+) HTML files/.exec(starlight.output)?.[1] ?? 0);
  if (starlightPages <= count)
    throw new Error(
      `Starlight's Pagefind found ${starlightPages} pages, not ${count + 2}:\n${starlight.output.slice(-3000)}`,
    );

  const starlightSize = await dirSize(join(starlightDir, 'dist'));
  await rm(starlightDir, { recursive: true, force: true });

  const dist = join(work, 'dist');
  const weight = await pageWeight(dist, entries[0]!.slug);
  const search = await searchTiming(dist, [
    'synthetic term 00042',
    'synthetic term 00137',
    'synthetic term 00256',
    'synthetic term 00389',
    'synthetic term 00512',
  ]);

  rows.push([
    `${count}`,
    `${ours.seconds.toFixed(1)} s`,
    `${starlight.seconds.toFixed(1)} s (ours ${(ours.seconds / starlight.seconds).toFixed(2)}×)`,
    `${floorSeconds.toFixed(1)} s (ours ${(ours.seconds / floorSeconds).toFixed(2)}×)`,
    `${mib(ours.peakBytes)} (Starlight ${mib(starlight.peakBytes)}, floor ${mib(floor.peakBytes)})`,
    `${await dirSize(dist)} (Starlight ${starlightSize}, floor ${await dirSize(floorDir)})`,
    `${kib(weight.html + weight.css)} HTML+CSS (${kib(weight.html)} + ${kib(weight.css)}), ${kib(weight.js)} JS, ${weight.blockingJs} blocking`,
    `${search.keystrokeToResultMs.toFixed(0)} ms, ${kib(search.firstQueryBytes)}`,
    `${warnings}`,
  ]);
}

console.log(
  `\nBenchmark ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`,
);
console.log(`Memory: the process tree's resident set, sampled every ${SAMPLE_MS} ms.\n`);
console.log(
  '| entries | build wall time | Starlight | floor | peak memory (process tree) | dist size | term page before interaction (gzip) | search: keystroke → result, first-query bytes | warning lines |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
