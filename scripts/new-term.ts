// Usage: npm run new-term -- "Title of the term"
// Writes content/terms/<slug>.mdx with the next free catalog number and prints its path.
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { contentDir } from '../src/lib/paths.ts';
import { splitFrontmatter } from '../src/lib/validate-entry.ts';
import { newTermSlug, newTermSource } from '../src/lib/new-term.ts';

const title = process.argv.slice(2).join(' ').trim();
if (!title) {
  console.error('Give the term\'s title: npm run new-term -- "Living off the Land"');
  process.exit(1);
}
const dir = contentDir();
const slug = newTermSlug(title);
const path = join(dir, `${slug}.mdx`);
if (existsSync(path)) {
  console.error(`${relative(process.cwd(), path)} already exists: edit it, or choose another title.`);
  process.exit(1);
}

// Numbers are never reused, so the next one is above every number in use.
let highest = 0;
for (const name of (await readdir(dir)).filter((n) => n.endsWith('.mdx'))) {
  const yaml = splitFrontmatter(await readFile(join(dir, name), 'utf8'))?.yaml;
  const number = yaml ? (parse(yaml) as { number?: unknown } | null)?.number : undefined;
  if (typeof number === 'number' && number > highest) highest = number;
}

await writeFile(path, newTermSource(title, highest + 1, new Date()));
console.log(relative(process.cwd(), path));
