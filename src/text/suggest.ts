import { closest, distance } from 'fastest-levenshtein';

/**
 * The option closest to what an author typed, when it is close enough to be a
 * likely typo ("cyber-kil-chain" → "cyber-kill-chain"); undefined otherwise,
 * because a far-fetched guess misleads more than no guess.
 */
export function suggest(typed: string, options: readonly string[]): string | undefined {
  if (options.length === 0) return undefined;
  const best = closest(typed, [...options]);
  return distance(typed, best) <= Math.max(2, Math.floor(Math.max(typed.length, best.length) / 2)) ? best : undefined;
}

export function didYouMean(typed: string, options: readonly string[]): { hint: string } | Record<string, never> {
  const best = suggest(typed, options);
  return best ? { hint: `did you mean "${best}"?` } : {};
}
