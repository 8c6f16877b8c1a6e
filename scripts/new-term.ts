// Usage: npm run new-term -- "Title of the term"
// Writes content/terms/<slug>.mdx with the next free catalog number and prints its path.
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { contentDir } from '../src/entries/term-file.ts';
import { formatProblems } from '../src/entries/problems.ts';
import { nextCatalogNumber, readRetiredNumbers, retiredNumbersPath } from '../src/entries/retired-numbers.ts';
import { decodeTermFile, TERM_EXTENSION } from '../src/entries/term-file.ts';
import { splitFrontmatter } from '../src/entries/validate-entry.ts';
import { newTermSource, newTermTitleProblem } from '../src/entries/new-term.ts';
import { slugify } from '../src/links/urls.ts';

const title = process.argv.slice(2).join(' ').trim();
if (!title) {
  console.error('Give the term\'s title: npm run new-term -- "Living off the Land"');
  process.exit(1);
}
const problem = newTermTitleProblem(title);
if (problem) {
  console.error(problem);
  process.exit(1);
}
const dir = contentDir();
const slug = slugify(title);
const path = join(dir, `${slug}${TERM_EXTENSION}`);
if (existsSync(path)) {
  console.error(`${relative(process.cwd(), path)} already exists: edit it, or choose another title.`);
  process.exit(1);
}

// Numbers are never reused, so the next one is above every number in use and every retired one.
const retiredPath = retiredNumbersPath(dir);
const retired = await readRetiredNumbers(retiredPath, relative(process.cwd(), retiredPath));
if (retired.problems.length) {
  console.error(
    `The list of retired catalog numbers must be fixed first, or a retired number could be handed out again.\n${formatProblems(retired.problems)}`,
  );
  process.exit(1);
}
const numbers: number[] = [];
for (const name of (await readdir(dir)).filter((n) => n.endsWith(TERM_EXTENSION))) {
  const { source } = decodeTermFile(await readFile(join(dir, name)));
  const yaml = source === undefined ? undefined : splitFrontmatter(source)?.yaml;
  let number: unknown;
  try {
    number = yaml ? (parse(yaml) as { number?: unknown } | null)?.number : undefined;
  } catch {
    // YAML that does not parse (an entry being written) still has its number line, most likely.
    number = Number(/^number:\s*(\d+)\s*$/m.exec(yaml ?? '')?.[1]);
  }
  if (typeof number === 'number' && Number.isFinite(number)) numbers.push(number);
}

await writeFile(path, newTermSource(title, nextCatalogNumber(numbers, retired.retired), new Date()));
console.log(relative(process.cwd(), path));
