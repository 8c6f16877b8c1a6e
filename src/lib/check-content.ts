/**
 * The whole content pass over a folder of term files: every file's
 * frontmatter, then every body (which needs all titles for its links), then
 * the rules across files. The build, the content loader, `astro dev`,
 * `npm run check` and the tests all call this one function, so they report
 * problems in the same words, and each file is parsed once per change.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { crossEntryProblems, type CheckedEntry } from './cross-checks.ts';
import type { Problem } from './problems.ts';
import { parseFrontmatter, validateEntry, type FrontmatterResult } from './validate-entry.ts';
import { SLUG_PATTERN, type TermData } from '../schemas/term.ts';
import type { CompiledBody, GlossaryIndex } from './markdown/body.ts';
import { nameIndex } from './markdown/mentions.ts';
import { glossaryAttackLookup } from './markdown/glossary-attack.ts';

export interface ContentEntry extends CheckedEntry {
  data: TermData;
  body: CompiledBody;
  /** Digest of everything the entry's rendering depends on: its file and the titles it may link to. */
  digest: string;
}

export interface ContentReport {
  entries: ContentEntry[];
  problems: Problem[];
  /** Things `npm run check` points out without failing: unlinked first mentions of other entries. */
  warnings: Problem[];
}

export interface CheckOptions {
  /** The site's base path, for links rendered into bodies. */
  base?: string;
}

interface Cache {
  frontmatter: Map<string, { source: string; result: FrontmatterResult }>;
  bodies: Map<string, { key: string; result: ReturnType<typeof validateEntry> }>;
  reports: Map<string, { key: string; report: Promise<ContentReport> }>;
  /** Problems found by the most recent pass, for pages rendered by `astro dev` after an edit. */
  latest: Problem[];
}

// Astro loads integrations and the content config as separate module instances (the latter through Vite), so a
// module-level cache would parse every file twice. One cache on globalThis serves both, and `astro dev` re-checks
// only what changed.
const CACHE_KEY = Symbol.for('security-glossary.content-cache');
const cache: Cache = ((globalThis as Record<symbol, unknown>)[CACHE_KEY] ??= {
  frontmatter: new Map(),
  bodies: new Map(),
  reports: new Map(),
  latest: [],
}) as Cache;

const digestOf = (text: string) => createHash('sha1').update(text).digest('hex');

export async function checkContentDir(dir: string, root = process.cwd(), options: CheckOptions = {}): Promise<ContentReport> {
  const shown = (path: string) => relative(root, path) || path;
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.mdx')).sort();
  } catch {
    return {
      entries: [],
      warnings: [],
      problems: [{ file: shown(dir), field: 'file', expected: 'a folder of term files', found: 'no such folder' }],
    };
  }
  const sources = await Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')));
  const base = options.base ?? '/';
  const reportKey = `${dir}\0${root}\0${base}`;
  const key = digestOf(names.join('\0') + sources.map(digestOf).join(''));
  const cached = cache.reports.get(reportKey);
  if (cached?.key === key) {
    cache.latest = (await cached.report).problems;
    return cached.report;
  }
  const report = Promise.resolve(compileAll(dir, names, sources, shown, base));
  cache.reports.set(reportKey, { key, report });
  return report;
}

function compileAll(dir: string, names: string[], sources: string[], shown: (p: string) => string, base: string): ContentReport {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const files = names.map((name, i) => {
    const path = join(dir, name);
    const file = shown(path);
    const slug = name.slice(0, -'.mdx'.length);
    const source = sources[i]!;
    if (!SLUG_PATTERN.test(slug)) {
      problems.push({ file, field: 'file name', expected: 'lower-case words joined by hyphens, like "cyber-kill-chain.mdx"', found: `"${name}"` });
    }
    let fm = cache.frontmatter.get(path);
    if (fm?.source !== source) {
      fm = { source, result: parseFrontmatter(file, source) };
      cache.frontmatter.set(path, fm);
    }
    return { path, file, slug, source, frontmatter: fm.result };
  });

  // Links need every entry's title, including entries whose own fields are broken (they are reported once, there).
  const titled = files.map(({ slug, frontmatter }) => {
    const raw = (frontmatter.data ?? frontmatter.raw ?? {}) as Partial<TermData>;
    return {
      slug,
      title: typeof raw.title === 'string' ? raw.title : slug,
      aliases: Array.isArray(raw.aliases) ? raw.aliases.filter((a): a is string => typeof a === 'string') : [],
      attackId: typeof raw.attack?.id === 'string' ? raw.attack.id : undefined,
    };
  });
  const index: GlossaryIndex = {
    terms: new Map(titled.map((t) => [t.slug, { title: t.title, attackId: t.attackId }])),
    names: nameIndex(titled),
    attack: glossaryAttackLookup(),
  };
  const indexDigest = digestOf(JSON.stringify(titled) + base);

  const entries: ContentEntry[] = [];
  for (const { path, file, slug, source, frontmatter } of files) {
    const bodyKey = digestOf(source) + indexDigest;
    let compiled = cache.bodies.get(path);
    if (compiled?.key !== bodyKey) {
      compiled = { key: bodyKey, result: validateEntry(file, source, { index, slug, base }, frontmatter) };
      cache.bodies.set(path, compiled);
    }
    const result = compiled.result;
    if (result.ok) {
      entries.push({ slug, file, data: result.entry.data, body: result.entry.body, digest: bodyKey });
      warnings.push(...result.warnings);
    } else problems.push(...result.problems);
  }
  problems.push(...crossEntryProblems(entries, { contentDir: shown(dir), allSlugs: files.map((f) => f.slug) }));
  cache.latest = problems;
  return { entries, problems, warnings };
}

/**
 * The problems of the latest content pass. Under `astro dev` an edit re-runs the pass from the loader's file
 * watcher; a page rendered afterwards throws these, so the error overlay names the file, field and line instead
 * of showing a stale page.
 */
export function latestContentProblems(): readonly Problem[] {
  return cache.latest;
}
