/**
 * The pack's multiple-choice self-test: read a definition, pick the term. Built in the browser
 * from the pack's terms and the whole catalog (for distractors); pure, so a seed reproduces it.
 */
import type { PackTerm } from './pack-term.ts';
import { shuffle } from './random.ts';

export { mulberry32 } from './random.ts';

/** Stands in for the answer's own name in its definition, which usually opens with it. */
export const BLANK = '___';

export interface QuizOption {
  slug: string;
  title: string;
}

export interface QuizQuestion {
  /** The term being asked about. */
  slug: string;
  /** Its summary, with its title and aliases blanked out. */
  prompt: string;
  /**
   * The answer and up to `choices − 1` distractors, shuffled. Fewer when the catalog has too few
   * terms that are neither named in the prompt nor share a name with the answer.
   */
  options: QuizOption[];
  /** Index of the right option in `options`. */
  answer: number;
}

export interface Quiz {
  questions: QuizQuestion[];
}

export interface QuizSettings {
  /** Options per question, the answer included. */
  choices?: number;
}

/**
 * One question per pack term, in pack order. Distractors are chosen to be plausible (see `closeness`): terms of
 * the same ATT&CK kind that share a tactic with the answer first, then either, then the same category, then any.
 */
export function buildQuiz(
  pack: readonly PackTerm[],
  catalog: readonly PackTerm[],
  rng: () => number,
  { choices = 4 }: QuizSettings = {},
): Quiz {
  return {
    questions: pack.map((term) => {
      const prompt = blankNames(term.summary, namesOf(term));
      const distractors = pickDistractors(term, prompt, catalog, rng, choices - 1);
      const options = shuffle([term, ...distractors], rng).map(({ slug, title }) => ({ slug, title }));
      return { slug: term.slug, prompt, options, answer: options.findIndex((o) => o.slug === term.slug) };
    }),
  };
}

function pickDistractors(
  answer: PackTerm,
  prompt: string,
  catalog: readonly PackTerm[],
  rng: () => number,
  count: number,
): PackTerm[] {
  const answerNames = new Set(namesOf(answer).map(normalise));
  // Shuffled before the stable sort, so terms of equal closeness come in random order.
  const ranked = shuffle(catalog, rng)
    .filter((term) => term.slug !== answer.slug)
    // A distractor the prompt names is either ruled out by it or a second right answer.
    .filter((term) => !namesOf(term).some((name) => mentions(prompt, name)))
    .filter((term) => !namesOf(term).some((name) => answerNames.has(normalise(name))))
    .sort((a, b) => closeness(answer, b) - closeness(answer, a));
  const picked: PackTerm[] = [];
  const titles = new Set([normalise(answer.title)]);
  for (const term of ranked) {
    if (picked.length >= count) break;
    if (titles.has(normalise(term.title))) continue;
    titles.add(normalise(term.title));
    picked.push(term);
  }
  return picked;
}

/**
 * How plausible a distractor is: the same kind of ATT&CK object (a tactic's definition against other tactics, not
 * against the techniques under it) and a shared tactic count most, then the same category; sub-techniques of the
 * answer's own technique rank above everything.
 */
function closeness(answer: PackTerm, term: PackTerm): number {
  const sameKind = answer.attack !== null && term.attack?.kind === answer.attack.kind;
  // Sub-techniques of one technique (T1059.001 PowerShell, T1059.004 Unix Shell) are the closest of all.
  const siblings =
    answer.attack?.id.includes('.') === true && term.attack?.id.split('.')[0] === answer.attack.id.split('.')[0];
  const sharesTactic = term.tactics.some((tactic) => answer.tactics.includes(tactic));
  const sameCategory = term.category.slug === answer.category.slug;
  return (siblings ? 3 : 0) + (sameKind ? 2 : 0) + (sharesTactic ? 2 : 0) + (sameCategory ? 1 : 0);
}

function namesOf(term: PackTerm): string[] {
  return [term.title, ...term.aliases].filter((name) => name.trim() !== '');
}

function normalise(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase('en').trim();
}

/** The name as a whole word or phrase, ignoring case: "At" is in "the at command", not in "attack". */
function namePattern(name: string): RegExp {
  const escaped = normalise(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu');
}

function mentions(text: string, name: string): boolean {
  return namePattern(name).test(normalise(text));
}

/** Longest names first, so "Windows Command Shell" is blanked whole before "Windows" could be. */
function blankNames(text: string, names: readonly string[]): string {
  const normalised = text.normalize('NFKC');
  return [...names]
    .sort((a, b) => b.length - a.length)
    .reduce((prompt, name) => prompt.replace(namePattern(name), BLANK), normalised);
}

export interface QuizMiss {
  question: QuizQuestion;
  /** What the student picked, or null when the question was left unanswered. */
  chosen: QuizOption | null;
  answer: QuizOption;
}

export interface QuizScore {
  correct: number;
  total: number;
  misses: QuizMiss[];
}

/**
 * Marks the student's answers: `answers[i]` is the slug chosen for question `i`. An unanswered
 * question, or a slug that is not one of its options, counts as a miss.
 */
export function scoreQuiz(quiz: Quiz, answers: ReadonlyArray<string | null | undefined>): QuizScore {
  const misses: QuizMiss[] = [];
  quiz.questions.forEach((question, i) => {
    const answer = question.options[question.answer]!;
    const chosen = question.options.find((option) => option.slug === answers[i]) ?? null;
    if (chosen?.slug !== answer.slug) misses.push({ question, chosen, answer });
  });
  return { correct: quiz.questions.length - misses.length, total: quiz.questions.length, misses };
}
