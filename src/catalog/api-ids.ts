/**
 * /api/ids.json: the short links of README's URL contract (`/attack/<ID>/`, `/n/<number>/`) mapped to slugs, so
 * the preview script can show a term for those links without downloading every term. Keys are in the canonical
 * form the redirect pages use (`T1059.001`, `1`); the script brings pasted forms (`t1059/001`) to it.
 */
import type { ApiIds } from '../schemas/api-ids.ts';

export interface IdSource {
  slug: string;
  number: number;
  attack?: { id: string } | null | undefined;
}

export function apiIds(terms: readonly IdSource[]): ApiIds {
  const sorted = <T>(entries: [string, T][], order: (a: string, b: string) => number) =>
    Object.fromEntries(entries.sort(([a], [b]) => order(a, b)));
  return {
    attack: sorted(
      terms.filter((t) => t.attack).map((t) => [t.attack!.id, t.slug]),
      (a, b) => (a < b ? -1 : a > b ? 1 : 0),
    ),
    numbers: sorted(
      terms.map((t) => [String(t.number), t.slug]),
      (a, b) => Number(a) - Number(b),
    ),
  };
}
