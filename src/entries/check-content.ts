/**
 * The whole content pass over a folder of term files: every file's
 * frontmatter, then every body (which needs all titles for its links), then
 * the rules across files. The build, the content loader, `astro dev`,
 * `npm run check` and the tests all call this one function, so they report
 * problems in the same words, and each file is parsed once per change.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { crossEntryProblems, type CheckedEntry } from './cross-checks.ts';
import type { Problem } from './problems.ts';
import { readRetiredNumbers, retiredNumbersPath, type RetiredNumber } from './retired-numbers.ts';
import { decodeTermFile, strayFileProblem, TERM_EXTENSION, type FileProblem } from './term-file.ts';
import { parseFrontmatter, validateEntry, type FrontmatterResult, type ProseHtml } from './validate-entry.ts';
import { SLUG_PATTERN, type TermData } from '../schemas/term.ts';
import type { CheckedBody, GlossaryIndex } from '../markdown/body.ts';
import { nameIndex } from '../markdown/mentions.ts';
import { glossaryAttackLookup } from '../attack/lookup.ts';

export interface ContentEntry extends CheckedEntry {
  data: TermData;
  body: CheckedBody;
  /** The examples' and answers' HTML. */
  prose: ProseHtml;
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
  /** The site's base path, for links rendered into examples and FAQ answers. */
  base?: string;
  /** The list of retired catalog numbers; by default `retired-numbers.json` next to the terms folder. */
  retiredNumbers?: string;
}

/** One term file as read from disk: its text, or the problem that kept it from being read. */
interface TermFile {
  name: string;
  source: string;
  problem?: FileProblem | undefined;
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

const digestOf = (text: string | Uint8Array) => createHash('sha1').update(text).digest('hex');

export async function checkContentDir(dir: string, root = process.cwd(), options: CheckOptions = {}): Promise<ContentReport> {
  const shown = (path: string) => relative(root, path) || path;
  let listing: string[];
  try {
    listing = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isFile() || d.isSymbolicLink()).map((d) => d.name).sort();
  } catch {
    return {
      entries: [],
      warnings: [],
      problems: [{ file: shown(dir), field: 'file', expected: 'a folder of term files', found: 'no such folder' }],
    };
  }
  const names = listing.filter((n) => n.endsWith(TERM_EXTENSION));
  const strays = listing.flatMap((name) => {
    const problem = strayFileProblem(name);
    return problem ? [{ file: shown(join(dir, name)), ...problem }] : [];
  });
  const bytes = await Promise.all(names.map((name) => readFile(join(dir, name))));
  const retiredPath = options.retiredNumbers ?? retiredNumbersPath(dir);
  const retired = await readRetiredNumbers(retiredPath, shown(retiredPath));
  const base = options.base ?? '/';
  const reportKey = `${dir}\0${root}\0${base}`;
  const key = digestOf(listing.join('\0') + bytes.map((b) => digestOf(b)).join('') + digestOf(retired.text));
  const cached = cache.reports.get(reportKey);
  if (cached?.key === key) {
    cache.latest = (await cached.report).problems;
    return cached.report;
  }
  const files: TermFile[] = names.map((name, i) => {
    const decoded = decodeTermFile(bytes[i]!);
    return { name, source: decoded.source ?? '', problem: decoded.problem };
  });
  const report = compileAll(dir, files, shown, base, { list: retired.retired, file: shown(retiredPath) }).then((report) => {
    const problems = [...strays, ...retired.problems, ...report.problems];
    cache.latest = problems;
    return { ...report, problems };
  });
  cache.reports.set(reportKey, { key, report });
  return report;
}

async function compileAll(dir: string, termFiles: TermFile[], shown: (p: string) => string, base: string, retired: { list: readonly RetiredNumber[]; file: string }): Promise<ContentReport> {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const files = termFiles.flatMap(({ name, source, problem }): { path: string; file: string; slug: string; source: string; frontmatter: FrontmatterResult | undefined }[] => {
    const path = join(dir, name);
    const file = shown(path);
    const slug = name.slice(0, -TERM_EXTENSION.length);
    if (!SLUG_PATTERN.test(slug)) {
      problems.push({ file, field: 'file name', expected: 'lower-case words joined by hyphens, like "cyber-kill-chain.mdx"', found: `"${name}"` });
    }
    if (problem) {
      // Unreadable: reported once, and still counted as a term so that links to it are not reported as well.
      problems.push({ file, ...problem });
      return [{ path, file, slug, source, frontmatter: undefined }];
    }
    let fm = cache.frontmatter.get(path);
    if (fm?.source !== source) {
      fm = { source, result: parseFrontmatter(file, source) };
      cache.frontmatter.set(path, fm);
    }
    return [{ path, file, slug, source, frontmatter: fm.result }];
  });

  // Links need every entry's title, including entries whose own fields are broken (they are reported once, there).
  const titled = files.map(({ slug, frontmatter }) => {
    const raw = (frontmatter?.data ?? frontmatter?.raw ?? {}) as Partial<TermData>;
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
    if (!frontmatter) continue;
    const bodyKey = digestOf(source) + indexDigest;
    let compiled = cache.bodies.get(path);
    if (compiled?.key !== bodyKey) {
      compiled = { key: bodyKey, result: validateEntry(file, source, { index, slug, base }, frontmatter) };
      cache.bodies.set(path, compiled);
    }
    const result = compiled.result;
    if (result.ok) {
      entries.push({ slug, file, data: result.entry.data, body: result.entry.body, prose: result.entry.prose, digest: bodyKey });
      warnings.push(...result.warnings);
    } else problems.push(...result.problems);
  }
  const established = await publishedEntries(dir, entries);
  problems.push(...crossEntryProblems(entries, { contentDir: shown(dir), allSlugs: files.map((f) => f.slug), retired: retired.list, retiredFile: retired.file, established }));
  return { entries, problems, warnings };
}

const run = promisify(execFile);

/**
 * Of the entries that share a catalog number, those that held it in the last commit: the published ones, whose
 * `/n/<number>/` is in slides already. Asked of git only when numbers collide; without git, none is known.
 */
async function publishedEntries(dir: string, entries: readonly ContentEntry[]): Promise<Set<string>> {
  const byNumber = new Map<number, ContentEntry[]>();
  for (const entry of entries) byNumber.set(entry.data.number, [...(byNumber.get(entry.data.number) ?? []), entry]);
  const published = new Set<string>();
  for (const [number, group] of byNumber) {
    if (group.length < 2) continue;
    const committed = await Promise.all(
      group.map(async (entry) => {
        try {
          const { stdout } = await run('git', ['-C', dir, 'show', `HEAD:./${entry.slug}${TERM_EXTENSION}`], { maxBuffer: 4 * 1024 * 1024 });
          const yaml = /^(?:\uFEFF)?---\r?\n([\s\S]*?)\r?\n---/.exec(stdout)?.[1];
          return (parseYaml(yaml ?? '') as { number?: unknown } | null)?.number === number;
        } catch {
          return false; // not committed, not a git checkout, or no git
        }
      }),
    );
    const holders = group.filter((_, i) => committed[i]);
    if (holders.length === 1) published.add(holders[0]!.file);
  }
  return published;
}

/**
 * The problems of the latest content pass. Under `astro dev` an edit re-runs the pass from the loader's file
 * watcher; a page rendered afterwards throws these, so the error overlay names the file, field and line instead
 * of showing a stale page.
 */
export function latestContentProblems(): readonly Problem[] {
  return cache.latest;
}
