import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, test } from 'vitest';

// Imports between the folders of src/ run one way, so that each folder can be read, tested and changed knowing only
// the folders below it. A cycle hides the order: a small helper imported back from a higher folder is the usual
// cause, and the fix is to move it to a shared leaf folder (src/text/).

const SRC = resolve(import.meta.dirname, '../../src');
const SOURCE = /\.(?:ts|mts|js|mjs|astro)$/;
// Static and dynamic imports and re-exports with a relative specifier; packages and `astro:*` are outside src/.
const IMPORT = /\b(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

/** The top folder of src/ a file belongs to; files directly in src/ belong to `src`. */
function folderOf(file: string): string {
  const parts = relative(SRC, file).split(sep);
  return parts.length > 1 ? parts[0]! : 'src';
}

/** For each folder, the folders it imports, each with one import that shows the edge. */
function folderGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of sourceFiles(SRC)) {
    const from = folderOf(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolve(dirname(file), specifier!);
      if (relative(SRC, target).startsWith('..')) continue;
      const to = folderOf(target);
      if (to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, `${relative(SRC, file)} imports ${specifier}`);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** Every cycle found by a depth-first walk, each as its edges with the import that makes them. */
function cycles(graph: Map<string, Map<string, string>>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (folder: string) => {
    path.push(folder);
    for (const next of graph.get(folder)?.keys() ?? []) {
      const start = path.indexOf(next);
      if (start >= 0) {
        const loop = [...path.slice(start), next];
        found.push(loop.slice(1).map((to, i) => `${loop[i]} → ${to} (${graph.get(loop[i]!)!.get(to)})`));
      } else if (!done.has(next)) visit(next);
    }
    path.pop();
    done.add(folder);
  };
  for (const folder of [...graph.keys()].sort()) if (!done.has(folder)) visit(folder);
  return found;
}

describe('folderGraph', () => {
  test('sees the imports between folders (the content gateway reads the content check)', () => {
    expect(folderGraph().get('catalog')?.has('entries')).toBe(true);
  });

  test('keeps text/ and i18n/ leaves: they import no other folder, so any folder may use them', () => {
    const graph = folderGraph();
    expect([...(graph.get('text')?.values() ?? []), ...(graph.get('i18n')?.values() ?? [])]).toEqual([]);
  });

  test('has no cycle between the folders of src/', () => {
    const report = cycles(folderGraph()).map((edges) => `cycle:\n  ${edges.join('\n  ')}`);
    expect(report.join('\n'), report.join('\n')).toBe('');
  });
});

describe('cycles', () => {
  test('names each edge of a cycle with the import that makes it', () => {
    const graph = new Map([
      ['a', new Map([['b', 'a/x.ts imports ../b/y.ts']])],
      ['b', new Map([['a', 'b/y.ts imports ../a/z.ts']])],
    ]);
    expect(cycles(graph)).toEqual([['a → b (a/x.ts imports ../b/y.ts)', 'b → a (b/y.ts imports ../a/z.ts)']]);
  });
});
