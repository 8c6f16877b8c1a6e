/**
 * Rules that span entries: unique numbers, names and ATT&CK IDs, and related
 * links that lead somewhere, point the right way and agree with each other.
 * Astro only logs a broken reference and renders on, so these are enforced
 * here, before and during the build.
 */
import { MIN_RELATED, type TermData } from '../schemas/term.ts';
import { DEFENCE_CATEGORY, relationInfo, type Relation } from '../schemas/vocabulary.ts';
import type { Problem } from './problems.ts';
import { nextCatalogNumber, type RetiredNumber } from './retired-numbers.ts';
import { didYouMean } from '../text/suggest.ts';
import { indexByAttackId } from '../attack/ids.ts';

export interface CheckedEntry {
  /** The file name without `.mdx`: the term's slug and URL. */
  slug: string;
  /** Where the entry lives, for messages. */
  file: string;
  data: Pick<TermData, 'title' | 'number' | 'category' | 'aliases' | 'attack' | 'related' | 'redirectFrom'> &
    Partial<Pick<TermData, 'searchPhrases'>>;
}

/** A control, product or practice that defends, or an ATT&CK mitigation: the ends `detects` and `counters` start from. */
export function isDefence(data: Pick<TermData, 'category' | 'attack'>): boolean {
  return data.category === DEFENCE_CATEGORY || data.attack?.kind === 'mitigation';
}

/** One `related` item that names another existing term. */
interface Link {
  entry: CheckedEntry;
  index: number;
  target: string;
  relation: Relation;
}

export interface CrossCheckOptions {
  contentDir?: string;
  /**
   * Every term file, including ones that failed their own checks, so a link to a broken entry is not also
   * reported as a missing one.
   */
  allSlugs?: readonly string[];
  /** Catalog numbers of removed entries (content/retired-numbers.json), never to be used again. */
  retired?: readonly RetiredNumber[];
  retiredFile?: string;
  /** Files known to hold their catalog number in the published glossary (the last commit). */
  established?: ReadonlySet<string>;
}

export function crossEntryProblems(
  entries: readonly CheckedEntry[],
  {
    contentDir = 'content/terms',
    allSlugs = entries.map((e) => e.slug),
    retired = [],
    retiredFile = `${contentDir.replace(/\/?terms\/?$/, '') || '.'}/retired-numbers.json`,
    established = new Set(),
  }: CrossCheckOptions = {},
): Problem[] {
  if (allSlugs.length === 0) {
    return [{ file: contentDir, field: 'file', expected: 'at least one term (.mdx file)', found: 'an empty folder' }];
  }
  const problems: Problem[] = [];
  const slugSet = new Set(allSlugs);
  // Only when every file parsed do we know every number in use; retired numbers are never handed out again.
  const everyFileParsed = entries.length === allSlugs.length;
  const nextNumber = nextCatalogNumber(
    entries.map((e) => e.data.number),
    retired,
  );
  const nextHint = everyFileParsed ? `the next free number is ${nextNumber}` : undefined;

  const firstOwner = <K>(owners: Map<K, CheckedEntry>, key: K, entry: CheckedEntry) => {
    const owner = owners.get(key);
    if (!owner) owners.set(key, entry);
    return owner;
  };

  problems.push(...numberProblems(entries, { retired, retiredFile, established, nextHint, allSlugs: slugSet }));

  const names = new Map<string, CheckedEntry>();
  const paths = new Map<string, CheckedEntry>(entries.map((e) => [e.slug, e]));
  const links: Link[] = [];

  // A name, ATT&CK ID or former slug that two entries claim belongs to the older one, the first to be published
  // (it was given the lower catalog number), and the newer one is told: never the other way round.
  const bySeniority = [...entries].sort(
    (a, b) =>
      Number(established.has(b.file)) - Number(established.has(a.file)) ||
      a.data.number - b.data.number ||
      a.file.localeCompare(b.file),
  );
  for (const entry of bySeniority) {
    const { data, file } = entry;

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
          found: `"${name}", already a name of ${owner.file} (№ ${owner.data.number})`,
        });
      }
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
        problems.push({
          file,
          field: `redirectFrom[${i}]`,
          expected: 'a former slug',
          found: `"${old}", the current slug`,
        });
      } else {
        paths.set(old, entry);
      }
    });
  }
  // A search phrase that is another entry's name would pull that name's searches away from its own entry.
  for (const entry of entries) {
    (entry.data.searchPhrases ?? []).forEach((phrase, i) => {
      const owner = names.get(phrase.trim().toLowerCase());
      if (owner && owner !== entry) {
        problems.push({
          file: entry.file,
          field: `searchPhrases[${i}]`,
          expected: "a search phrase that is not another term's title or alias",
          found: `"${phrase}", a name of ${owner.file}`,
          hint: `a learner who types it wants ${owner.slug}: remove it here`,
        });
      } else if (owner === entry) {
        // Titles and aliases are searched with a higher weight already: the phrase would add nothing.
        problems.push({
          file: entry.file,
          field: `searchPhrases[${i}]`,
          expected: "a search phrase that is not already one of this term's names",
          found: `"${phrase}"`,
          hint: 'remove it',
        });
      }
    });
  }
  for (const { item, owner } of indexByAttackId(bySeniority, (e) => e.data.attack?.id).clashes) {
    problems.push({
      file: item.file,
      field: 'attack.id',
      expected: 'an ATT&CK ID no other term uses, in any domain',
      found: `${item.data.attack!.id}, already the ID of ${owner.file} (№ ${owner.data.number})`,
    });
  }
  // Links are gathered in file order; linkProblems decides which file a conflict between two of them is reported in.
  for (const entry of entries) {
    const { data, file } = entry;
    const seen = new Set<string>();
    data.related.forEach(({ term, relation }, i) => {
      const field = `related[${i}].term`;
      if (term === entry.slug) {
        problems.push({ file, field, expected: 'another term', found: `"${term}", this term itself` });
      } else if (!slugSet.has(term)) {
        problems.push({
          file,
          field,
          expected: 'the slug of an existing term (a file name in content/terms without .mdx)',
          found: `"${term}", which does not exist`,
          ...didYouMean(
            term,
            allSlugs.filter((s) => s !== entry.slug),
          ),
        });
      } else if (seen.has(term)) {
        problems.push({ file, field, expected: 'each related term once', found: `"${term}" again` });
      } else {
        links.push({ entry, index: i, target: term, relation });
      }
      seen.add(term);
    });
  }
  problems.push(...linkProblems(entries, links, contentDir));
  // Only when every file parsed do we know every link to a term.
  if (everyFileParsed) problems.push(...countProblems(entries, links));
  return problems;
}

/**
 * A catalog number is printed on slides and linked as `/n/<number>/`, so it belongs to one entry forever. When
 * two entries share one, the one that held it in the published glossary keeps it and only the other is told;
 * when that is not known (no git, or neither was committed), both are told, each naming the other, and neither
 * is told to change.
 */
function numberProblems(
  entries: readonly CheckedEntry[],
  {
    retired,
    retiredFile,
    established,
    nextHint,
    allSlugs,
  }: {
    retired: readonly RetiredNumber[];
    retiredFile: string;
    established: ReadonlySet<string>;
    nextHint: string | undefined;
    allSlugs: ReadonlySet<string>;
  },
): Problem[] {
  const problems: Problem[] = [];
  const retiredByNumber = new Map(retired.map((r) => [r.number, r]));
  const byNumber = new Map<number, CheckedEntry[]>();
  for (const entry of entries) byNumber.set(entry.data.number, [...(byNumber.get(entry.data.number) ?? []), entry]);

  for (const [number, group] of byNumber) {
    const gone = retiredByNumber.get(number);
    if (gone) {
      for (const entry of group) {
        problems.push({
          file: entry.file,
          field: 'number',
          expected: 'a catalog number that no term has ever had',
          found: `${number}, the retired number of "${gone.title}" (${gone.slug}), listed in ${retiredFile}`,
          hint: `/n/${number}/ says what happened to that entry${nextHint ? `: ${nextHint}` : ''}`,
        });
      }
      continue;
    }
    if (group.length < 2) continue;
    const keeper = group.find((e) => established.has(e.file));
    for (const entry of group) {
      if (entry === keeper) continue;
      const others = group.filter((e) => e !== entry);
      problems.push({
        file: entry.file,
        field: 'number',
        expected: 'a catalog number no other term uses',
        found: keeper
          ? `${number}, the number of ${keeper.file} since it was published`
          : `${number}, also the number of ${others.map((e) => e.file).join(' and ')}`,
        hint: keeper
          ? `a published entry keeps its number, which slides link to as /n/${number}/: give this entry another${nextHint ? `; ${nextHint}` : ''}`
          : `the entry published first keeps ${number}, which slides link to as /n/${number}/; give the other one another number${nextHint ? ` (${nextHint})` : ''}`,
      });
    }
  }
  retired.forEach((r, i) => {
    if (r.replacedBy && !allSlugs.has(r.replacedBy)) {
      problems.push({
        file: retiredFile,
        field: `[${i}].replacedBy`,
        expected: 'the slug of an existing term',
        found: `"${r.replacedBy}", which does not exist`,
        ...didYouMean(r.replacedBy, [...allSlugs]),
      });
    }
  });
  return problems;
}

const stated = (source: string, relation: Relation, target: string) => `"${source} ${relation} ${target}"`;

/**
 * Each link is stated once, in the file of its source, and both pages show it. So `detects` and `counters`
 * must start from a defence (an attack-side page would otherwise read "Detects: AMSI"), two files must not
 * state a relation both ways round, and two terms have one relation between them.
 */
function linkProblems(entries: readonly CheckedEntry[], links: readonly Link[], contentDir: string): Problem[] {
  const problems: Problem[] = [];
  const bySlug = new Map(entries.map((e) => [e.slug, e]));
  const fileOf = (slug: string) => bySlug.get(slug)?.file ?? `${contentDir}/${slug}.mdx`;
  const linkKey = (a: string, b: string) => [a, b].sort().join(' ');

  const firstOnPair = new Map<string, Link>();
  for (const link of links) {
    const { entry, index, target, relation } = link;
    const source = entry.slug;
    const field = `related[${index}].relation`;
    const targetEntry = bySlug.get(target);

    if (relationInfo(relation).fromDefence) {
      const expected = `"${relation}" only in a defence's file (category ${DEFENCE_CATEGORY}, or an ATT&CK mitigation), toward what it defends against`;
      if (!isDefence(entry.data)) {
        const reverse = targetEntry?.data.related.find((r) => r.term === source);
        const already = reverse && `${fileOf(target)} already states ${stated(target, reverse.relation, source)}`;
        let hint: string;
        if (reverse?.relation === relation) hint = `${already}: remove it here`;
        else if (targetEntry && !isDefence(targetEntry.data)) {
          hint = already
            ? `neither term is a defence, and ${already}: remove it here`
            : 'neither term is a defence: use another relation, such as "see-also"';
        } else if (already)
          hint = `${already}: if ${target} ${relation} ${source}, change the relation there to "${relation}", then remove it here`;
        else
          hint = `if ${target} ${relation} ${source}, state it in ${fileOf(target)} as "- term: ${source} / relation: ${relation}" and remove it here`;
        problems.push({
          file: entry.file,
          field,
          expected,
          found: `${stated(source, relation, target)}, but ${source} is not a defence`,
          hint,
        });
        continue;
      }
      if (targetEntry && isDefence(targetEntry.data)) {
        problems.push({
          file: entry.file,
          field,
          expected,
          found: `${stated(source, relation, target)}, but ${target} is a defence too`,
          hint: 'between two defences use another relation, such as "see-also" or "part-of"',
        });
        continue;
      }
    }

    // Software serves techniques in many tactics (Cobalt Strike runs code, moves laterally and talks to its C2),
    // so it belongs to no one tactic: link the techniques it uses instead.
    if (
      relation === 'part-of' &&
      entry.data.attack?.kind === 'software' &&
      targetEntry?.data.attack?.kind === 'tactic'
    ) {
      problems.push({
        file: entry.file,
        field,
        expected: '"part-of" toward what really contains this term; ATT&CK software is part of no tactic',
        found: `${stated(source, relation, target)}, but ${source} is ATT&CK software`,
        hint: 'use "see-also", or link the techniques the software uses',
      });
      continue;
    }

    const key = linkKey(source, target);
    const first = firstOnPair.get(key);
    if (!first) {
      firstOnPair.set(key, link);
      continue;
    }
    const firstStated = stated(first.entry.slug, first.relation, first.target);
    if (first.relation !== relation) {
      problems.push({
        file: entry.file,
        field: `related[${index}].term`,
        expected: 'a term not yet related to this one (two terms have one relation, stated in one file)',
        found: `"${target}", which ${first.entry.file} already relates as ${firstStated}`,
        hint: 'keep the relation that fits best and remove the other',
      });
    } else if (!relationInfo(relation).symmetric) {
      problems.push({
        file: entry.file,
        field,
        expected: `a relation that agrees with ${first.entry.file}, which states ${firstStated}`,
        found: `"${relation}", which states ${stated(source, relation, target)}: both cannot be true`,
        hint: 'keep the one that is true and remove the other',
      });
    }
    // The same symmetric relation stated in both files says one thing twice; pages show it once.
  }
  return problems;
}

/** The page shows links from both ends, so the minimum counts both. */
function countProblems(entries: readonly CheckedEntry[], links: readonly Link[]): Problem[] {
  const own = new Map<string, Set<string>>(entries.map((e) => [e.slug, new Set()]));
  const incoming = new Map<string, Set<string>>(entries.map((e) => [e.slug, new Set()]));
  for (const { entry, target } of links) {
    own.get(entry.slug)!.add(target);
    incoming.get(target)?.add(entry.slug);
  }
  const problems: Problem[] = [];
  for (const entry of entries) {
    const here = own.get(entry.slug)!;
    const fromOthers = [...incoming.get(entry.slug)!].filter((s) => !here.has(s));
    const total = here.size + fromOthers.length;
    if (total < MIN_RELATED) {
      problems.push({
        file: entry.file,
        field: 'related',
        expected: `at least ${MIN_RELATED} related terms, counting those whose files link to this term`,
        found: `${total} (${here.size} listed here, ${fromOthers.length} linking here from other files)`,
        hint: 'add related terms to this file',
      });
    }
  }
  return problems;
}
