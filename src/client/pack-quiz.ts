/**
 * The self-test page: one fieldset of radio buttons per pack term, built by packs/quiz.ts with distractors from the
 * whole glossary, then marked in words (not colour alone) with the score and a review of the misses. Text goes in
 * through textContent only: definitions and titles are content, never markup.
 */
import { urls } from '../links/urls.ts';
import { buildQuiz, mulberry32, scoreQuiz, type Quiz, type QuizScore } from '../packs/quiz.ts';
import { fill, startPackPage } from './pack-shell.ts';

type FormStrings = Record<'question' | 'right' | 'wrong' | 'blank' | 'yourAnswer', string>;
type ResultStrings = Record<'score' | 'chose' | 'noChoice' | 'answerIs', string>;

export async function startQuiz(doc: Document): Promise<void> {
  const pack = await startPackPage(doc);
  if (!pack || pack.terms.length === 0) return;
  const { data, reading, terms } = pack;
  const form = doc.querySelector<HTMLFormElement>('[data-quiz-form]')!;
  const result = doc.querySelector<HTMLElement>('[data-quiz-result]')!;
  const formStrings = JSON.parse(form.dataset['strings'] ?? '{}') as FormStrings;
  const resultStrings = JSON.parse(result.dataset['strings'] ?? '{}') as ResultStrings;
  const questions = form.querySelector<HTMLElement>('[data-quiz-questions]')!;
  const check = form.querySelector<HTMLButtonElement>('[data-quiz-check]')!;
  const nothing = form.querySelector<HTMLElement>('[data-quiz-nothing]')!;
  const nothingText = nothing.dataset['text'] ?? '';
  let quiz: Quiz;

  function start(): void {
    // A pack's seed gives the whole class the same questions in the same order, try after try.
    const seed = reading.seed ?? crypto.getRandomValues(new Uint32Array(1))[0]!;
    quiz = buildQuiz(terms, data.terms, mulberry32(seed));
    questions.replaceChildren(
      ...quiz.questions.map((question, i) => questionFieldset(doc, question, i, quiz.questions.length, formStrings)),
    );
    result.hidden = true;
    check.hidden = false;
    form.hidden = false;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const answers = new FormData(form);
    const chosen = quiz.questions.map((_, i) => answers.get(`q${i}`) as string | null);
    if (chosen.every((answer) => answer === null)) {
      nothing.textContent = nothingText;
      questions.querySelector('input')?.focus();
      return;
    }
    nothing.textContent = '';
    const score = scoreQuiz(quiz, chosen);
    markQuestions(questions, quiz, score, formStrings);
    showResult(doc, result, score, resultStrings);
    check.hidden = true;
    result.focus({ preventScroll: true });
    result.scrollIntoView({ block: 'start' });
  });
  result.querySelector('[data-quiz-again]')!.addEventListener('click', () => {
    start();
    questions.querySelector('input')?.focus();
  });
  start();
}

function questionFieldset(
  doc: Document,
  question: Quiz['questions'][number],
  index: number,
  total: number,
  strings: FormStrings,
): HTMLFieldSetElement {
  const fieldset = doc.createElement('fieldset');
  const legend = doc.createElement('legend');
  legend.append(
    Object.assign(doc.createElement('span'), {
      className: 'number',
      textContent: fill(strings.question, { number: index + 1, total }),
    }),
    Object.assign(doc.createElement('span'), { className: 'prompt', textContent: question.prompt }),
  );
  const list = doc.createElement('ul');
  for (const option of question.options) {
    const input = Object.assign(doc.createElement('input'), { type: 'radio', name: `q${index}`, value: option.slug });
    const label = doc.createElement('label');
    label.append(input, Object.assign(doc.createElement('span'), { textContent: option.title }));
    const item = doc.createElement('li');
    item.append(label);
    list.append(item);
  }
  const verdict = Object.assign(doc.createElement('p'), { className: 'verdict', hidden: true });
  fieldset.append(legend, list, verdict);
  return fieldset;
}

/** Each question says in words whether it was right, and which option was the answer; then it is locked. */
function markQuestions(container: HTMLElement, quiz: Quiz, score: QuizScore, strings: FormStrings): void {
  const missed = new Map(score.misses.map((miss) => [miss.question, miss]));
  container.querySelectorAll('fieldset').forEach((fieldset, i) => {
    const question = quiz.questions[i]!;
    const miss = missed.get(question);
    const answer = question.options[question.answer]!;
    fieldset.classList.add(miss ? 'wrong' : 'right');
    const verdict = fieldset.querySelector<HTMLElement>('.verdict')!;
    verdict.textContent = !miss
      ? strings.right
      : fill(miss.chosen ? strings.wrong : strings.blank, { answer: answer.title });
    verdict.hidden = false;
    for (const input of fieldset.querySelectorAll('input')) {
      const label = input.closest('label')!;
      label.classList.toggle('is-answer', input.value === answer.slug);
      if (miss && input.checked) label.append(` ${strings.yourAnswer}`);
    }
    fieldset.disabled = true;
  });
}

function showResult(doc: Document, result: HTMLElement, score: QuizScore, strings: ResultStrings): void {
  result.querySelector('[data-quiz-score]')!.textContent = fill(strings.score, {
    correct: score.correct,
    total: score.total,
  });
  result.querySelector<HTMLElement>('[data-quiz-all-right]')!.hidden = score.misses.length > 0;
  const list = result.querySelector<HTMLOListElement>('[data-quiz-misses]')!;
  list.hidden = score.misses.length === 0;
  list.replaceChildren(
    ...score.misses.map(({ question, chosen, answer }) => {
      const item = doc.createElement('li');
      const prompt = Object.assign(doc.createElement('p'), { textContent: question.prompt });
      const said = Object.assign(doc.createElement('p'), {
        textContent: chosen ? fill(strings.chose, { chosen: chosen.title }) : strings.noChoice,
      });
      const right = doc.createElement('p');
      const link = Object.assign(doc.createElement('a'), {
        href: urls.term(answer.slug),
        textContent: answer.title,
      });
      right.append(`${strings.answerIs} `, link);
      item.append(prompt, said, right);
      return item;
    }),
  );
  result.hidden = false;
}
