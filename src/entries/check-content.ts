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
import type { Dirent } from 'node:fs';
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

export async function checkContentDir(
  dir: string,
  root = process.cwd(),
  options: CheckOptions = {},
): Promise<ContentReport> {
  const shown = (path: string) => relative(root, path) || path;
  let dirents: Dirent[];
  try {
    dirents = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  } catch {
    return {
      entries: [],
      warnings: [],
      problems: [{ file: shown(dir), field: 'file', expected: 'a folder of term files', found: 'no such folder' }],
    };
  }
  const listing = dirents.map((d) => d.name);
  const strays: Problem[] = [];
  const ignored: Problem[] = [];
  const names: string[] = [];
  for (const d of dirents) {
    const file = shown(join(dir, d.name));
    const kind = entryKind(d);
    if (kind !== 'file') {
      // A link or a special file could publish, or print into the build log, something from outside content/.
      if (d.name.endsWith(TERM_EXTENSION) || kind !== 'folder')
        strays.push({
          file,
          field: 'file',
          expected: 'a regular file in the terms folder',
          found: `a ${kind}, which is not read`,
          hint: kind === 'symbolic link' ? 'copy the file into the folder instead of linking to it' : 'remove it',
        });
      else if (!d.name.startsWith('.'))
        ignored.push({
          file,
          field: 'file',
          expected: 'term files directly in the terms folder',
          found: 'a subfolder, whose files are not read',
        });
      continue;
    }
    if (d.name.endsWith(TERM_EXTENSION)) {
      names.push(d.name);
      continue;
    }
    const problem = strayFileProblem(d.name);
    if (problem) strays.push({ file, ...problem });
    else if (!d.name.startsWith('.') && !d.name.endsWith('~'))
      ignored.push({
        file,
        field: 'file name',
        expected: `a term file ending in ${TERM_EXTENSION}`,
        found: `"${d.name}", which is not read as a term`,
      });
  }
  const bytes = await Promise.all(names.map((name) => readTermBytes(join(dir, name))));
  const retiredPath = options.retiredNumbers ?? retiredNumbersPath(dir);
  const retired = await readRetiredNumbers(retiredPath, shown(retiredPath));
  const base = options.base ?? '/';
  const reportKey = `${dir}\0${root}\0${base}`;
  const key = digestOf(
    listing.join('\0') +
      bytes.map((b) => ('problem' in b ? b.problem.found : digestOf(b))).join('') +
      digestOf(retired.text),
  );
  const cached = cache.reports.get(reportKey);
  if (cached?.key === key) {
    cache.latest = (await cached.report).problems;
    return cached.report;
  }
  const files: TermFile[] = names.map((name, i) => {
    const read = bytes[i]!;
    if ('problem' in read) return { name, source: '', problem: read.problem };
    const decoded = decodeTermFile(read);
    return { name, source: decoded.source ?? '', problem: decoded.problem };
  });
  const report = compileAll(dir, files, shown, base, { list: retired.retired, file: shown(retiredPath) }).then(
    (report) => {
      const problems = [...strays, ...retired.problems, ...report.problems];
      cache.latest = problems;
      return { ...report, problems, warnings: [...ignored, ...report.warnings] };
    },
  );
  cache.reports.set(reportKey, { key, report });
  return report;
}

/** Runs one file's pass; an exception from it becomes a problem on that file, and the other files are still checked. */
function guarded<T>(file: string, pass: () => T, failed: (problem: Problem) => T): T {
  try {
    return pass();
  } catch (error) {
    const message = String(error instanceof Error ? error.message : error)
      .split('\n')[0]!
      .slice(0, 160);
    return failed({
      file,
      field: 'file',
      expected: 'a file the check can read to the end',
      found: `an error while reading it: ${message}`,
    });
  }
}

type EntryKind = 'file' | 'folder' | 'symbolic link' | 'special file';
const entryKind = (d: Dirent): EntryKind =>
  d.isSymbolicLink() ? 'symbolic link' : d.isFile() ? 'file' : d.isDirectory() ? 'folder' : 'special file';

/** A term file's bytes, or why it could not be read (a file removed mid-check, no permission). */
async function readTermBytes(path: string): Promise<Uint8Array | { problem: FileProblem }> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'ENOENT'
          ? 'the file disappeared while it was being read'
          : `an error while reading it (${code ?? 'unknown'})`;
    return { problem: { field: 'file', expected: 'a file the check can read', found: why } };
  }
}

async function compileAll(
  dir: string,
  termFiles: TermFile[],
  shown: (p: string) => string,
  base: string,
  retired: { list: readonly RetiredNumber[]; file: string },
): Promise<ContentReport> {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const files = termFiles.flatMap(
    ({
      name,
      source,
      problem,
    }): { path: string; file: string; slug: string; source: string; frontmatter: FrontmatterResult | undefined }[] => {
      const path = join(dir, name);
      const file = shown(path);
      const slug = name.slice(0, -TERM_EXTENSION.length);
      if (!SLUG_PATTERN.test(slug)) {
        problems.push({
          file,
          field: 'file name',
          expected: 'lower-case words joined by hyphens, like "cyber-kill-chain.mdx"',
          found: `"${name}"`,
        });
      }
      if (problem) {
        // Unreadable: reported once, and still counted as a term so that links to it are not reported as well.
        problems.push({ file, ...problem });
        return [{ path, file, slug, source, frontmatter: undefined }];
      }
      let fm = cache.frontmatter.get(path);
      if (fm?.source !== source) {
        fm = {
          source,
          result: guarded(
            file,
            () => parseFrontmatter(file, source),
            (p) => ({ problems: [p], body: '', bodyLine: 1 }),
          ),
        };
        cache.frontmatter.set(path, fm);
      }
      return [{ path, file, slug, source, frontmatter: fm.result }];
    },
  );

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
      compiled = {
        key: bodyKey,
        result: guarded(
          file,
          () => validateEntry(file, source, { index, slug, base }, frontmatter),
          (p) => ({ ok: false as const, problems: [p] }),
        ),
      };
      cache.bodies.set(path, compiled);
    }
    const result = compiled.result;
    if (result.ok) {
      entries.push({
        slug,
        file,
        data: result.entry.data,
        body: result.entry.body,
        prose: result.entry.prose,
        digest: bodyKey,
      });
      warnings.push(...result.warnings);
    } else problems.push(...result.problems);
  }
  const established = await publishedEntries(dir, entries);
  problems.push(
    ...crossEntryProblems(entries, {
      contentDir: shown(dir),
      allSlugs: files.map((f) => f.slug),
      retired: retired.list,
      retiredFile: retired.file,
      established,
    }),
  );
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
          const { stdout } = await run('git', ['-C', dir, 'show', `HEAD:./${entry.slug}${TERM_EXTENSION}`], {
            maxBuffer: 4 * 1024 * 1024,
          });
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
