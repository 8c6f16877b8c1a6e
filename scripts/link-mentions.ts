// npm run link-mentions [-- file.mdx …]
// Turns the first unlinked mention of each other entry in a body into a <Term> link: the fix for the warnings
// `npm run check` prints. Review the diff: a name can be the ordinary word ("impact") rather than the term.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Nodes, Parents } from 'mdast';
import { mdxToMdast } from 'satteri';
import { checkContentDir } from '../src/entries/check-content.ts';
import { findMentions, nameIndex } from '../src/markdown/mentions.ts';
import { MARKDOWN_FEATURES } from '../src/markdown/settings.ts';
import { splitFrontmatter } from '../src/entries/validate-entry.ts';
import { contentDir } from '../src/entries/term-file.ts';

const dir = contentDir();
const only = process.argv.slice(2).map((f) => basename(f));
const { entries } = await checkContentDir(dir);
const names = nameIndex(entries.map((e) => ({ slug: e.slug, title: e.data.title, aliases: e.data.aliases })));

let changed = 0;
for (const name of (await readdir(dir)).filter((n) => n.endsWith('.mdx') && (only.length === 0 || only.includes(n)))) {
  const path = join(dir, name);
  const source = await readFile(path, 'utf8');
  const parts = splitFrontmatter(source);
  if (!parts) continue;
  const self = name.slice(0, -'.mdx'.length);
  // Smart punctuation changes text lengths; offsets must match the file.
  const tree = mdxToMdast(parts.body, {
    features: { ...MARKDOWN_FEATURES, smartPunctuation: false },
  }) as unknown as Parents;
  const seen = new Set<string>([self]);
  const edits: { start: number; end: number; slug: string; text: string }[] = [];
  const visit = (node: Nodes, skip: boolean) => {
    if (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') {
      const slug =
        node.name === 'Term' ? node.attributes.find((a) => 'name' in a && a.name === 'slug')?.value : undefined;
      if (typeof slug === 'string') seen.add(slug);
      for (const child of node.children) visit(child as Nodes, skip || node.name === 'Term');
      return;
    }
    if (node.type === 'link' && /^\/terms\/([^/]+)\//.test(node.url))
      seen.add(/^\/terms\/([^/]+)\//.exec(node.url)![1]!);
    if (node.type === 'text' && !skip && node.position?.start.offset !== undefined) {
      const at = node.position.start.offset;
      // Only where the text node is the file's text verbatim (no escapes or entities inside it).
      if (parts.body.slice(at, node.position.end.offset) !== node.value) return;
      for (const m of findMentions(node.value, names)) {
        if (seen.has(m.slug)) continue;
        seen.add(m.slug);
        edits.push({ start: at + m.start, end: at + m.end, slug: m.slug, text: m.text });
      }
      return;
    }
    if ('children' in node)
      for (const child of (node as Parents).children)
        visit(child as Nodes, skip || node.type === 'link' || node.type === 'heading');
  };
  for (const child of tree.children) visit(child as Nodes, false);
  if (!edits.length) continue;
  let body = parts.body;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    body = `${body.slice(0, edit.start)}<Term slug="${edit.slug}">${edit.text}</Term>${body.slice(edit.end)}`;
  }
  await writeFile(path, source.slice(0, source.length - parts.body.length) + body);
  changed++;
  console.log(`${name}: ${edits.map((e) => `${e.text} → ${e.slug}`).join(', ')}`);
}
console.log(`${changed} files changed.`);
