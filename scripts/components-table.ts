// npm run docs:components
// Writes the component table of docs/content-guide.md from the component registry (src/markdown/body-components/registry.ts).
import { readFile, writeFile } from 'node:fs/promises';
import { withComponentTable } from '../src/markdown/body-components/guide-table.ts';

const guide = new URL('../docs/content-guide.md', import.meta.url);
const before = await readFile(guide, 'utf8');
const after = withComponentTable(before);
if (after !== before) await writeFile(guide, after);
console.log(
  after === before
    ? 'docs/content-guide.md: the component table is up to date.'
    : 'docs/content-guide.md: wrote the component table.',
);
