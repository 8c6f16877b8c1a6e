import { describe, expect, test, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { termLoader } from '../../src/entries/term-loader.ts';
import { smallGlossary, termSource, validFrontmatter, writeFixture } from '../helpers/term-source.ts';

interface Stored {
  id: string;
  digest?: string | number;
  data: Record<string, unknown>;
}

/** Astro's loader context, reduced to what the loader uses, recording every write to the store. */
function fakeContext(root: string, watcher?: EventEmitter & { add(path: string): void }) {
  const entries = new Map<string, Stored>();
  const writes: string[] = [];
  const deletes: string[] = [];
  const errors: string[] = [];
  const store = {
    get: (id: string) => entries.get(id),
    set: (entry: Stored) => {
      writes.push(entry.id);
      entries.set(entry.id, entry);
      return true;
    },
    keys: () => [...entries.keys()],
    delete: (id: string) => {
      deletes.push(id);
      entries.delete(id);
    },
  };
  const context = {
    store,
    config: { root: pathToFileURL(`${root}/`), base: '/' },
    watcher,
    logger: { error: (message: string) => errors.push(message), info: () => {}, warn: () => {} },
  } as unknown as LoaderContext;
  return { context, entries, writes, deletes, errors };
}

const SUMMARY = 'A control whose summary was edited to test that only this entry is stored again after the change.';
const fakeWatcher = () => Object.assign(new EventEmitter(), { add: vi.fn() });
/** A term of the small glossary with a new summary: an edit that changes no other entry. */
const withSummary = (slug: string, number: number, summary: string) => {
  const others = ['alpha-control', 'beta-signal', 'gamma-tool', 'delta-tactic'].filter((s) => s !== slug);
  return termSource({ ...validFrontmatter(slug, number, others), summary });
};

describe('the term loader', () => {
  test('stores every entry once, skips unchanged ones on the next sync, and stores again only the edited one', async () => {
    const dir = await writeFixture(smallGlossary());
    const fake = fakeContext(dir);
    const loader = termLoader(dir);
    await loader.load(fake.context);
    expect(fake.writes.sort()).toEqual(['alpha-control', 'beta-signal', 'delta-tactic', 'gamma-tool']);

    fake.writes.length = 0;
    await loader.load(fake.context);
    expect(fake.writes).toEqual([]);

    await writeFile(join(dir, 'beta-signal.mdx'), withSummary('beta-signal', 2, SUMMARY));
    await loader.load(fake.context);
    expect(fake.writes).toEqual(['beta-signal']);
    expect(fake.entries.get('beta-signal')?.data['summary']).toBe(SUMMARY);
  });

  test('a deleted file leaves the store on the next sync', async () => {
    const files = smallGlossary();
    files['epsilon-rule'] = termSource(
      validFrontmatter('epsilon-rule', 5, ['alpha-control', 'beta-signal', 'gamma-tool']),
    );
    const dir = await writeFixture(files);
    const fake = fakeContext(dir);
    const loader = termLoader(dir);
    await loader.load(fake.context);
    expect(fake.entries.has('epsilon-rule')).toBe(true);
    await rm(join(dir, 'epsilon-rule.mdx'));
    await loader.load(fake.context);
    expect(fake.deletes).toEqual(['epsilon-rule']);
    expect([...fake.entries.keys()].sort()).toEqual(['alpha-control', 'beta-signal', 'delta-tactic', 'gamma-tool']);
  });

  test('a build with a broken entry throws one error naming the file and field', async () => {
    const files = smallGlossary();
    const dir = await writeFixture(files);
    await writeFile(join(dir, 'beta-signal.mdx'), files['beta-signal']!.replace(/^summary: .*$/m, 'summary: 42'));
    const fake = fakeContext(dir);
    await expect(termLoader(dir).load(fake.context)).rejects.toThrow(/beta-signal\.mdx[\s\S]*summary/);
    expect(fake.writes).toEqual([]);
  });

  test('in astro dev it watches the folder once, re-syncs on a term edit, logs problems and keeps serving the last good entries', async () => {
    const dir = await writeFixture(smallGlossary());
    const watcher = fakeWatcher();
    const fake = fakeContext(dir, watcher);
    const loader = termLoader(dir);
    await loader.load(fake.context);
    await loader.load(fake.context);
    expect(watcher.add).toHaveBeenCalledTimes(1);
    expect(watcher.listenerCount('all')).toBe(1);

    const synced = () =>
      new Promise((resolve) => setTimeout(resolve, 0)).then(() =>
        vi.waitFor(() => expect(fake.writes.length + fake.errors.length).toBeGreaterThan(0)),
      );
    fake.writes.length = 0;
    await writeFile(join(dir, 'alpha-control.mdx'), withSummary('alpha-control', 1, SUMMARY));
    watcher.emit('all', 'change', join(dir, 'alpha-control.mdx'));
    await synced();
    expect(fake.writes).toEqual(['alpha-control']);

    // Files elsewhere, or that are not term files, do not trigger a sync.
    fake.writes.length = 0;
    await writeFile(join(dir, 'alpha-control.mdx'), withSummary('alpha-control', 1, `${SUMMARY} Again.`));
    watcher.emit('all', 'change', '/elsewhere/alpha-control.mdx');
    watcher.emit('all', 'change', join(dir, 'notes.txt'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.writes).toEqual([]);

    await writeFile(join(dir, 'delta-tactic.mdx'), 'not a term file');
    watcher.emit('all', 'change', join(dir, 'delta-tactic.mdx'));
    await synced();
    expect(fake.errors.join('\n')).toMatch(/delta-tactic\.mdx/);
    expect(fake.entries.get('alpha-control')?.data['summary']).toBe(SUMMARY);
    expect(fake.deletes).toEqual([]);
  });
});
