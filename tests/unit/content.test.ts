import { describe, expect, test } from 'vitest';
import { checkContentDir } from '../../src/entries/check-content.ts';
import { contentDir } from '../../src/entries/term-file.ts';
import { techniquesOfTactic } from '../../src/attack/data.ts';

// The shipped glossary, as `npm run check` sees it.
describe('the shipped content', () => {
  test('has no problems and no unlinked first mentions of other entries', async () => {
    const { problems, warnings, entries } = await checkContentDir(contentDir());
    expect(problems).toEqual([]);
    expect(warnings).toEqual([]);
    expect(entries.length).toBeGreaterThan(64);
  });

  test('has an entry for every technique and sub-technique of Execution (TA0002) in the data', async () => {
    const { entries } = await checkContentDir(contentDir());
    const covered = new Set(entries.map((e) => e.data.attack?.id));
    const missing = techniquesOfTactic('TA0002')
      .flatMap(({ technique, subTechniques }) => [technique, ...subTechniques])
      .filter((t) => !covered.has(t.id))
      .map((t) => `${t.id} ${t.name}`);
    expect(missing).toEqual([]);
  });

  test('uses the body components where they help: at least 10 entries have platform tabs or a detection rule', async () => {
    const { entries } = await checkContentDir(contentDir());
    const rich = entries.filter((e) => e.body.components.some((name) => name === 'Tabs' || name === 'Detection'));
    expect(rich.length).toBeGreaterThanOrEqual(10);
  });
});
