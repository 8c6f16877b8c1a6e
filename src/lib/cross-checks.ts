/**
 * Rules that span entries: unique numbers, names and ATT&CK IDs, and related
 * links that lead somewhere. Astro only logs a broken reference and renders
 * on, so these are enforced here, before and during the build.
 */
import type { TermData } from '../schemas/term.ts';
import type { Problem } from './problems.ts';
import { didYouMean } from './suggest.ts';

export interface CheckedEntry {
  /** The file name without `.mdx`: the term's slug and URL. */
  slug: string;
  /** Where the entry lives, for messages. */
  file: string;
  data: Pick<TermData, 'title' | 'number' | 'aliases' | 'attack' | 'related' | 'redirectFrom'>;
}

/**
 * `allSlugs` names every term file, including ones that failed their own
 * checks, so a link to a broken entry is not also reported as a missing one.
 */
export function crossEntryProblems(
  entries: readonly CheckedEntry[],
  { contentDir = 'content/terms', allSlugs = entries.map((e) => e.slug) }: { contentDir?: string; allSlugs?: readonly string[] } = {},
): Problem[] {
  if (allSlugs.length === 0) {
    return [{ file: contentDir, field: 'file', expected: 'at least one term (.mdx file)', found: 'an empty folder' }];
  }
  const problems: Problem[] = [];
  const slugSet = new Set(allSlugs);

  const firstOwner = <K>(owners: Map<K, CheckedEntry>, key: K, entry: CheckedEntry) => {
    const owner = owners.get(key);
    if (!owner) owners.set(key, entry);
    return owner;
  };

  const numbers = new Map<number, CheckedEntry>();
  const names = new Map<string, CheckedEntry>();
  const attackIds = new Map<string, CheckedEntry>();
  const paths = new Map<string, CheckedEntry>(entries.map((e) => [e.slug, e]));

  for (const entry of entries) {
    const { data, file } = entry;

    const numberOwner = firstOwner(numbers, data.number, entry);
    if (numberOwner) {
      problems.push({
        file,
        field: 'number',
        expected: 'a catalog number no other term uses',
        found: `${data.number}, already used by ${numberOwner.file}`,
        // Only when every file parsed do we know all numbers in use.
        ...(entries.length === allSlugs.length
          ? { hint: `the next free number is ${Math.max(...entries.map((e) => e.data.number)) + 1}` }
          : {}),
      });
    }

    const ownNames = new Set<string>();
    [data.title, ...data.aliases].forEach((name, i) => {
      const key = name.trim().toLowerCase();
      const field = i === 0 ? 'title' : `aliases[${i - 1}]`;
      if (ownNames.has(key)) {
        problems.push({ file, field, expected: 'each name once', found: `"${name}" twice in this entry` });
        return;
      }
      ownNames.add(key);
      const owner = firstOwner(names, key, entry);
      if (owner) {
        problems.push({
          file,
          field,
          expected: 'a title or alias no other term uses (ignoring case)',
          found: `"${name}", already a name of ${owner.file}`,
        });
      }
    });

    if (data.attack) {
      const key = `${data.attack.domain}:${data.attack.id}`;
      const owner = firstOwner(attackIds, key, entry);
      if (owner) {
        problems.push({
          file,
          field: 'attack.id',
          expected: `an ATT&CK ID no other ${data.attack.domain} term uses`,
          found: `${data.attack.id}, already the ID of ${owner.file}`,
        });
      }
    }

    const seen = new Set<string>();
    data.related.forEach(({ term }, i) => {
      const field = `related[${i}].term`;
      if (term === entry.slug) {
        problems.push({ file, field, expected: 'another term', found: `"${term}", this term itself` });
      } else if (!slugSet.has(term)) {
        problems.push({
          file,
          field,
          expected: 'the slug of an existing term (a file name in content/terms without .mdx)',
          found: `"${term}", which does not exist`,
          ...didYouMean(term, allSlugs.filter((s) => s !== entry.slug)),
        });
      } else if (seen.has(term)) {
        problems.push({ file, field, expected: 'each related term once', found: `"${term}" again` });
      }
      seen.add(term);
    });

    data.redirectFrom.forEach((old, i) => {
      const owner = paths.get(old);
      if (owner && owner !== entry) {
        problems.push({
          file,
          field: `redirectFrom[${i}]`,
          expected: 'a former slug that no term or other redirect uses',
          found: `"${old}", already the URL of ${owner.file}`,
        });
      } else if (owner === entry) {
        problems.push({ file, field: `redirectFrom[${i}]`, expected: 'a former slug', found: `"${old}", the current slug` });
      } else {
        paths.set(old, entry);
      }
    });
  }
  return problems;
}
