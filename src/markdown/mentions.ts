/**
 * Finds where a body names another entry by its title or an alias. The first
 * mention of each entry should be a `<Term>` link: readers follow a glossary
 * sideways, and an unlinked mention of a term we define is a dead end.
 */

export interface NameIndex {
  /** Lower-cased first token → candidate names starting with it. */
  byFirst: Map<string, { tokens: string[]; slug: string; oneWordTitle: boolean }[]>;
}

export interface NamedTerm {
  slug: string;
  title: string;
  aliases: readonly string[];
}

const TOKEN = /[\p{L}\p{N}](?:[\p{L}\p{N}&+_.-]*[\p{L}\p{N}])?/gu;

function tokens(text: string): { value: string; start: number; end: number }[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ value: m[0], start: m.index, end: m.index + m[0].length }));
}

/** Names are matched exactly as written (case and all): "Execution" the tactic, not "code execution". */
export function nameIndex(terms: readonly NamedTerm[]): NameIndex {
  const byFirst: NameIndex['byFirst'] = new Map();
  for (const term of terms) {
    const names = new Set([term.title, ...term.aliases]);
    for (const name of names) {
      const parts = tokens(name).map((t) => t.value);
      // Names that are not whole words ("C#", "T1059.001/") or too short to be meaningful are never auto-detected.
      if (parts.length === 0 || parts.join(' ').length < 3 || parts.join(' ') !== name.replace(/\s+/g, ' ')) continue;
      const list = byFirst.get(parts[0]!) ?? [];
      list.push({ tokens: parts, slug: term.slug, oneWordTitle: name === term.title && parts.length === 1 });
      byFirst.set(parts[0]!, list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return { byFirst };
}

export interface Mention {
  slug: string;
  /** Offsets within the text searched. */
  start: number;
  end: number;
  text: string;
}

/** Every mention of an indexed name in a run of prose, longest name first at each position. */
export function findMentions(text: string, index: NameIndex): Mention[] {
  const found: Mention[] = [];
  const toks = tokens(text);
  for (let i = 0; i < toks.length; i++) {
    const candidates = index.byFirst.get(toks[i]!.value);
    if (!candidates) continue;
    for (const { tokens: parts, slug, oneWordTitle } of candidates) {
      const run = toks.slice(i, i + parts.length);
      if (run.length !== parts.length || run.some((t, k) => t.value !== parts[k])) continue;
      // Words must be separated by plain spaces to count as the name ("Execution, Persistence" is two names).
      if (run.some((t, k) => k > 0 && !/^ +$/.test(text.slice(run[k - 1]!.end, t.start)))) continue;
      // A one-word title that opens a sentence ("Impact assessments…") is usually the ordinary word.
      if (oneWordTitle && /(?:^|[.!?:]\s+)$/.test(text.slice(0, run[0]!.start))) continue;
      const start = run[0]!.start;
      const end = run[run.length - 1]!.end;
      found.push({ slug, start, end, text: text.slice(start, end) });
      i += parts.length - 1;
      break;
    }
  }
  return found;
}
