export interface LetterGroup<T> {
  letter: string;
  items: T[];
}

/** Groups items A–Z by the first letter of their title; digits and symbols go under "#". */
export function groupByLetter<T extends { title: string }>(items: readonly T[]): LetterGroup<T>[] {
  const groups = new Map<string, T[]>();
  const sorted = [...items].sort((a, b) => a.title.localeCompare(b.title, 'en', { sensitivity: 'base' }));
  for (const item of sorted) {
    const first = item.title.normalize('NFKD').charAt(0).toUpperCase();
    const letter = /[A-Z]/.test(first) ? first : '#';
    groups.set(letter, [...(groups.get(letter) ?? []), item]);
  }
  return [...groups]
    .map(([letter, list]) => ({ letter, items: list }))
    .sort((a, b) => Number(a.letter === '#') - Number(b.letter === '#') || (a.letter < b.letter ? -1 : 1));
}

export const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/** The id of a letter's section on the A–Z page; "#" (digits, symbols) becomes "other". */
export function letterAnchor(letter: string): string {
  return `letter-${letter === '#' ? 'other' : letter}`;
}
