/**
 * A student with a pack link: the flashcards (keyboard, touch, the screen reader's announcements, progress kept
 * across a reload, a seeded shuffle, the end of a session) and the self-test (scored, misses reviewed with links
 * to the terms), plus what both pages do with a hostile title, unknown entries, an empty pack, no JavaScript, a
 * 320 px phone, and axe in both themes.
 */
import { describe, expect, inject, test } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPage } from '../helpers/browser.ts';
import { useBrowser } from '../helpers/use-browser.ts';
import { axeViolationsInBothThemes } from '../helpers/axe.ts';
import { progressKey, startSession } from '../../src/packs/flashcards.ts';
import { buildQuiz, mulberry32 } from '../../src/packs/quiz.ts';
import type { PackData, PackTerm } from '../../src/packs/pack-term.ts';

const site = inject('siteUrl');
const session = useBrowser();
const data = JSON.parse(readFileSync(join(inject('distDir'), 'api/pack-terms.json'), 'utf8')) as PackData;
const term = (slug: string): PackTerm => data.terms.find((t) => t.slug === slug)!;

const THREE = ['powershell', 'python', 'unix-shell'];
const SIX = ['powershell', 'python', 'unix-shell', 'windows-command-shell', 'javascript', 'cron'];
const HOSTILE = '"><img src=x onerror=alert(1)>';

const cardsUrl = (slugs: string[], extra = '') => `${site}/packs/flashcards/?terms=${slugs.join(',')}${extra}`;
const quizUrl = (slugs: string[], extra = '') => `${site}/packs/quiz/?terms=${slugs.join(',')}${extra}`;

/**
 * A page whose context starts with empty storage, as a new visitor's does, so saved progress from one test never
 * leaks into another. `afresh` is another new visitor on the same page: storage emptied, then the address loaded.
 */
async function open(url: string, { viewport, ...options }: BrowserContextOptions = {}) {
  const { page, problems } = await openPage(await session.contextWith(options));
  if (viewport) await page.setViewportSize(viewport);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(url);
  const afresh = async (next: string) => {
    await session.contextWith(options);
    await page.goto(next);
  };
  return { page, problems, dialogs, afresh };
}

/** expect.poll with room for a loaded machine: the pack data loads and renders after the page does. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });
const progress = (page: Page) => page.locator('[data-cards-progress]').textContent();
const announced = (page: Page) => page.locator('[data-cards-announce]').textContent();
const frontTitle = (page: Page) => page.locator('[data-card-title]').textContent();

async function cardsReady(page: Page): Promise<void> {
  await page.locator('[data-cards-deck]').waitFor({ state: 'visible' });
}

/** The titles of the deck in the order it shows them, read by moving through it with the arrow key. */
async function dealtOrder(page: Page, count: number): Promise<string[]> {
  const titles: string[] = [];
  for (let i = 0; i < count; i++) {
    titles.push((await frontTitle(page))!);
    if (i < count - 1) await page.keyboard.press('ArrowRight');
  }
  return titles;
}

describe('flashcards', () => {
  test('Space flips to the definition, the arrows move, K and A mark, and the progress line counts it all', async () => {
    const { page, problems } = await open(cardsUrl(THREE));
    await cardsReady(page);
    expect(await progress(page)).toBe('Card 1 of 3 · 0 known · 0 again');
    expect(await frontTitle(page)).toBe('PowerShell');
    expect(await page.locator('[data-cards-back]').isVisible()).toBe(false);

    await page.keyboard.press('Space');
    expect(await page.locator('[data-cards-back]').isVisible()).toBe(true);
    expect(await page.locator('[data-card-summary]').textContent()).toBe(term('powershell').summary);
    expect(await page.locator('[data-card-example]').textContent()).toBe(term('powershell').example);
    expect(await page.locator('[data-card-attack]').textContent()).toBe('T1059.001');
    // Space flips without scrolling the page, as a button would not.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);

    await page.keyboard.press('ArrowRight');
    expect(await frontTitle(page)).toBe('Python');
    expect(await page.locator('[data-cards-front]').isVisible()).toBe(true);
    expect(await progress(page)).toBe('Card 2 of 3 · 0 known · 0 again');
    await page.keyboard.press('ArrowLeft');
    expect(await frontTitle(page)).toBe('PowerShell');

    await page.keyboard.press('k');
    expect(await progress(page)).toBe('Card 2 of 3 · 1 known · 0 again');
    // "Again" puts Python back into the deck, which grows by one.
    await page.keyboard.press('a');
    expect(await progress(page)).toBe('Card 3 of 4 · 1 known · 1 again');
    expect(await frontTitle(page)).toBe('Unix Shell');
    expect(problems).toEqual([]);
  });

  test('the buttons do what the keys do', async () => {
    const { page, problems } = await open(cardsUrl(THREE));
    await cardsReady(page);
    await page.getByRole('button', { name: 'Flip' }).click();
    expect(await page.locator('[data-cards-back]').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Next' }).click();
    expect(await frontTitle(page)).toBe('Python');
    await page.getByRole('button', { name: 'Previous' }).click();
    await page.getByRole('button', { name: 'Knew it' }).click();
    await page.getByRole('button', { name: 'Again' }).click();
    expect(await progress(page)).toBe('Card 3 of 4 · 1 known · 1 again');
    await page.getByRole('button', { name: 'Restart' }).click();
    expect(await progress(page)).toBe('Card 1 of 3 · 0 known · 0 again');
    expect(problems).toEqual([]);
  });

  test('a reload carries on where the student was, term side up', async () => {
    const { page, problems } = await open(cardsUrl(THREE));
    await cardsReady(page);
    await page.keyboard.press('k');
    await page.keyboard.press('a');
    await page.keyboard.press('Space');
    await page.reload();
    await cardsReady(page);
    expect(await progress(page)).toBe('Card 3 of 4 · 1 known · 1 again');
    expect(await frontTitle(page)).toBe('Unix Shell');
    expect(await page.locator('[data-cards-front]').isVisible()).toBe(true);
    // The same terms in another order are the same pack.
    await page.goto(cardsUrl([...THREE].reverse()));
    await cardsReady(page);
    expect(await progress(page)).toBe('Card 3 of 4 · 1 known · 1 again');
    expect(problems).toEqual([]);
  });

  test.each([
    ['text that is not JSON', '{"v":1,"cards":['],
    ['JSON of another shape', '{"v":1,"cards":"powershell","queue":7}'],
    ['another pack’s cards', JSON.stringify({ v: 1, cards: ['edr'], queue: ['edr'], index: 0, marks: {} })],
  ])('saved progress that is %s is ignored and the cards start afresh', async (_, stored) => {
    const { page, problems } = await open(`${site}/`);
    await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [progressKey(THREE), stored]);
    await page.goto(cardsUrl(THREE));
    await cardsReady(page);
    expect(await progress(page)).toBe('Card 1 of 3 · 0 known · 0 again');
    await page.keyboard.press('k');
    expect(await progress(page)).toBe('Card 2 of 3 · 1 known · 0 again');
    const saved = await page.evaluate((key) => localStorage.getItem(key), progressKey(THREE));
    expect(JSON.parse(saved!)).toMatchObject({ v: 1, index: 1, marks: { powershell: 'known' } });
    expect(problems).toEqual([]);
  });

  test('a flip is announced in a polite live region that is not the card itself', async () => {
    const { page } = await open(cardsUrl(THREE));
    await cardsReady(page);
    const region = page.locator('[data-cards-announce]');
    expect(await region.getAttribute('aria-live')).toBe('polite');
    await page.keyboard.press('Space');
    await poll(() => announced(page)).toBe(`Back of PowerShell: ${term('powershell').summary}`);
    await page.keyboard.press('Space');
    await poll(() => announced(page)).toBe('Card 1 of 3, front: PowerShell');
    await page.keyboard.press('ArrowRight');
    await poll(() => announced(page)).toBe('Card 2 of 3, front: Python');
    // Nothing else on the page is live: the card would be read again whole on every change.
    expect(await page.locator('[data-cards] [aria-live]').count()).toBe(1);
    expect(await page.locator('[data-cards-card] [aria-live], [data-cards-card][aria-live]').count()).toBe(0);
  });

  test('on a touch screen a tap flips the card and a swipe moves to the next or back', async () => {
    const { page, problems } = await open(cardsUrl(THREE), {
      hasTouch: true,
      isMobile: true,
      viewport: { width: 390, height: 740 },
    });
    await cardsReady(page);
    await page.tap('[data-cards-card]');
    expect(await page.locator('[data-cards-back]').isVisible()).toBe(true);
    await page.tap('[data-cards-card]');
    expect(await page.locator('[data-cards-front]').isVisible()).toBe(true);

    const box = (await page.locator('[data-cards-card]').boundingBox())!;
    const y = box.y + box.height / 2;
    const cdp = await page.context().newCDPSession(page);
    const swipe = async (fromX: number, toX: number) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: fromX, y }] });
      for (let step = 1; step <= 5; step++) {
        await cdp.send('Input.dispatchTouchEvent', {
          type: 'touchMove',
          touchPoints: [{ x: fromX + ((toX - fromX) * step) / 5, y }],
        });
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    await swipe(box.x + box.width - 20, box.x + 20);
    await poll(() => frontTitle(page)).toBe('Python');
    await swipe(box.x + 20, box.x + box.width - 20);
    await poll(() => frontTitle(page)).toBe('PowerShell');
    // The tap after a swipe is a tap again.
    await page.tap('[data-cards-card]');
    expect(await page.locator('[data-cards-back]').isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });

  test('with a seed, Shuffle deals every student the same order', async () => {
    const expected = startSession(SIX, { rng: mulberry32(42) }).cards.map((slug) => term(slug).title);
    expect(expected).not.toEqual(SIX.map((slug) => term(slug).title));
    const { page, problems, afresh } = await open(cardsUrl(SIX, '&seed=42'));
    for (let student = 0; student < 2; student++) {
      // The second student is a new visitor: nothing of the first one's shuffled session is in storage.
      if (student > 0) await afresh(cardsUrl(SIX, '&seed=42'));
      await cardsReady(page);
      // Pack order until the student shuffles.
      expect(await frontTitle(page)).toBe('PowerShell');
      await page.getByRole('button', { name: 'Shuffle' }).click();
      await poll(() => announced(page)).toBe(`Cards shuffled. Starting again from the first card: ${expected[0]}`);
      expect(await dealtOrder(page, SIX.length)).toEqual(expected);
      expect(problems).toEqual([]);
    }
  });

  test('the end of a session lists the again cards as links and offers them as a pack of their own', async () => {
    const { page, problems } = await open(cardsUrl(THREE, '&title=Week%203'));
    await cardsReady(page);
    await page.keyboard.press('k');
    await page.keyboard.press('a');
    await page.keyboard.press('k');
    // Python comes back at the end; moving past it ends the session with Python still to study.
    expect(await frontTitle(page)).toBe('Python');
    await page.keyboard.press('ArrowRight');
    const summary = page.locator('[data-cards-summary]');
    await summary.waitFor({ state: 'visible' });
    expect(await page.locator('[data-cards-deck]').isVisible()).toBe(false);
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.locator('[data-cards-done-text]').textContent()).toBe('2 of 3 known · 1 again · 0 not marked');
    const links = await page
      .locator('[data-cards-again-list] a')
      .evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(links).toEqual([['Python', '/terms/python/']]);

    await page.getByRole('link', { name: 'Study the again cards' }).click();
    await page.waitForURL(`${site}/packs/flashcards/?terms=python&title=Week%203`);
    await cardsReady(page);
    expect(await progress(page)).toBe('Card 1 of 1 · 0 known · 0 again');
    expect(await page.locator('h1').textContent()).toBe('Flashcards: Week 3');

    await page.goBack();
    await summary.waitFor({ state: 'visible' });
    await page.getByRole('button', { name: 'Start over' }).click();
    expect(await progress(page)).toBe('Card 1 of 3 · 0 known · 0 again');
    expect(await page.getByRole('button', { name: 'Flip' }).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(problems).toEqual([]);
  });
});

describe('self-test', () => {
  const PACK = ['powershell', 'python', 'unix-shell', 'cron'];
  const SEED = 7;
  const quiz = buildQuiz(PACK.map(term), data.terms, mulberry32(SEED));

  /** Picks, for each question, the option with this title (null leaves it blank). */
  async function answer(page: Page, titles: (string | null)[]): Promise<void> {
    const fieldsets = page.locator('[data-quiz-questions] fieldset');
    for (const [i, title] of titles.entries()) {
      if (title !== null) await fieldsets.nth(i).getByLabel(title, { exact: true }).check();
    }
  }
  const right = quiz.questions.map((q) => q.options[q.answer]!.title);
  const wrong = (i: number) => quiz.questions[i]!.options.find((_, j) => j !== quiz.questions[i]!.answer)!.title;

  test('the questions are the pack’s definitions with the names blanked, and the seed fixes them', async () => {
    const { page, problems } = await open(quizUrl(PACK, `&seed=${SEED}`));
    const legends = page.locator('[data-quiz-questions] legend');
    await legends.first().waitFor();
    expect(await legends.locator('.prompt').allTextContents()).toEqual(quiz.questions.map((q) => q.prompt));
    expect(quiz.questions[0]!.prompt).not.toMatch(/PowerShell/i);
    expect(await legends.locator('.number').allTextContents()).toEqual([
      'Question 1 of 4',
      'Question 2 of 4',
      'Question 3 of 4',
      'Question 4 of 4',
    ]);
    const options = await page
      .locator('[data-quiz-questions] fieldset')
      .evaluateAll((sets) => sets.map((set) => [...set.querySelectorAll('label')].map((l) => l.textContent!.trim())));
    expect(options).toEqual(quiz.questions.map((q) => q.options.map((o) => o.title)));
    expect(problems).toEqual([]);
  });

  test('every answer right scores "4 of 4 correct" with nothing to review', async () => {
    const { page, problems } = await open(quizUrl(PACK, `&seed=${SEED}`));
    await answer(page, right);
    await page.getByRole('button', { name: 'Check answers' }).click();
    const result = page.locator('[data-quiz-result]');
    await result.waitFor({ state: 'visible' });
    expect(await result.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.locator('[data-quiz-score]').textContent()).toBe('4 of 4 correct');
    // The score is in view and is what a screen reader announces with the focused result.
    const viewport = page.viewportSize()!;
    const box = (await page.locator('[data-quiz-score]').boundingBox())!;
    expect(box.y >= 0 && box.y + box.height <= viewport.height).toBe(true);
    expect(
      await result.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')!)?.textContent),
    ).toBe('4 of 4 correct');
    expect(await page.locator('[data-quiz-all-right]').isVisible()).toBe(true);
    expect(await page.locator('.verdict').allTextContents()).toEqual(['Right.', 'Right.', 'Right.', 'Right.']);
    expect(problems).toEqual([]);
  });

  test('misses are scored, marked in words, and reviewed with links to the right terms', async () => {
    const { page, problems } = await open(quizUrl(PACK, `&seed=${SEED}`));
    await answer(page, [wrong(0), null, right[2]!, right[3]!]);
    await page.getByRole('button', { name: 'Check answers' }).click();
    expect(await page.locator('[data-quiz-score]').textContent()).toBe('2 of 4 correct');
    expect(await page.locator('.verdict').allTextContents()).toEqual([
      `Wrong. The answer is ${right[0]}.`,
      `Not answered. The answer is ${right[1]}.`,
      'Right.',
      'Right.',
    ]);
    expect(
      await page
        .locator('[data-quiz-questions] fieldset')
        .first()
        .locator('label', { hasText: '(your answer)' })
        .textContent(),
    ).toContain(wrong(0));
    const misses = page.locator('[data-quiz-misses] > li');
    expect(await misses.count()).toBe(2);
    expect(await misses.nth(0).textContent()).toContain(`You chose ${wrong(0)}.`);
    expect(await misses.nth(1).textContent()).toContain('You left this blank.');
    const links = await misses.locator('a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(links).toEqual([
      [right[0], `/terms/${PACK[0]}/`],
      [right[1], `/terms/${PACK[1]}/`],
    ]);
    // Checked answers are locked until the student tries again.
    expect(await page.locator('[data-quiz-questions] input').first().isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Try again' }).click();
    expect(await page.locator('[data-quiz-result]').isVisible()).toBe(false);
    expect(await page.locator('[data-quiz-questions] input:checked').count()).toBe(0);
    // The pack's seed gives the same questions again.
    expect(await page.locator('[data-quiz-questions] .prompt').allTextContents()).toEqual(
      quiz.questions.map((q) => q.prompt),
    );

    // Nothing answered: the page says so instead of scoring 0, and focus goes back to the first question.
    await page.getByRole('button', { name: 'Check answers' }).click();
    expect(await page.locator('[data-quiz-nothing]').textContent()).toMatch(/No question is answered yet/);
    expect(await page.locator('[data-quiz-result]').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('q0');
    await answer(page, [wrong(0), null, null, null]);
    await page.getByRole('button', { name: 'Check answers' }).click();
    expect(await page.locator('[data-quiz-score]').textContent()).toBe('0 of 4 correct');
    expect(await page.locator('[data-quiz-nothing]').textContent()).toBe('');
    await page.locator('[data-quiz-misses] a').first().click();
    await page.waitForURL(`${site}/terms/${PACK[0]}/`);
    expect(problems).toEqual([]);
  });

  test('distractors are glossary terms, never the answer, and each question has four different options', async () => {
    const titles = new Set(data.terms.map((t) => t.title));
    const { page, problems } = await open(quizUrl(SIX));
    await page.locator('[data-quiz-questions] fieldset').first().waitFor();
    const options = await page
      .locator('[data-quiz-questions] fieldset')
      .evaluateAll((sets) => sets.map((set) => [...set.querySelectorAll('label')].map((l) => l.textContent!.trim())));
    expect(options).toHaveLength(SIX.length);
    options.forEach((choices, i) => {
      const answerTitle = term(SIX[i]!).title;
      expect(choices).toHaveLength(4);
      expect(new Set(choices).size).toBe(4);
      expect(choices.filter((c) => c === answerTitle)).toHaveLength(1);
      for (const choice of choices) expect(titles.has(choice)).toBe(true);
    });
    expect(problems).toEqual([]);
  });
});

describe('both pages', () => {
  const pages = [
    ['flashcards', cardsUrl, 'Flashcards'],
    ['quiz', quizUrl, 'Self-test'],
  ] as const;

  test.each(pages)('on the %s page a hostile title is shown as text and runs nothing', async (_, url, heading) => {
    const { page, problems, dialogs } = await open(url(THREE, `&title=${encodeURIComponent(HOSTILE)}`));
    await poll(() => page.locator('h1').textContent()).toBe(`${heading}: ${HOSTILE}`);
    expect(await page.title()).toContain(HOSTILE);
    expect(await page.locator('main img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  });

  test.each(pages)('the %s page lists unknown entries and still shows the known ones', async (_, url) => {
    const { page, problems } = await open(url(['powershell', 'no-such-term']));
    const notices = page.locator('[data-pack-notices]');
    await notices.waitFor({ state: 'visible' });
    expect(await notices.textContent()).toContain('no-such-term');
    expect(await page.locator('[data-pack-status]').textContent()).toBe('1 term');
    expect(problems).toEqual([]);
  });

  test.each(pages)('the %s page links to the other pages of the same pack', async (_, url) => {
    const { page } = await open(url(THREE, '&title=Week%203&seed=5'));
    await page.locator('[data-pack-status]').filter({ hasText: '3 terms' }).waitFor();
    const hrefs = await page.locator('[data-pack-page]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const search = '?terms=powershell,python,unix-shell&title=Week%203&seed=5';
    expect(hrefs).toEqual([
      `/packs/${search}`,
      `/packs/handout/${search}`,
      `/packs/flashcards/${search}`,
      `/packs/quiz/${search}`,
    ]);
  });

  test.each(pages)('an empty %s pack says so and links to the picker', async (_, url) => {
    const { page, problems } = await open(url([]));
    const empty = page.locator('[data-pack-empty]');
    await empty.waitFor({ state: 'visible' });
    expect(await empty.textContent()).toContain('This pack has no terms yet.');
    expect(await empty.locator('a').getAttribute('href')).toBe('/packs/');
    expect(await page.locator('[data-cards-deck], [data-quiz-form]').first().isVisible()).toBe(false);
    expect(problems).toEqual([]);
  });

  test.each(pages)(
    'without JavaScript the %s page says what it needs and where the definitions are',
    async (_, url) => {
      const { page } = await open(url(THREE), { javaScriptEnabled: false });
      expect(await page.locator('main').innerText()).not.toContain('Loading');
      expect(await page.locator('main').innerText()).toMatch(
        /needs? JavaScript\. Every term and its definition is in the A–Z index/,
      );
    },
  );

  test.each(pages)('at 320 px the %s page does not scroll sideways', async (name, url) => {
    const { page } = await open(
      url(['trusted-developer-utilities-proxy-execution', 'command-and-scripting-interpreter']),
      {
        viewport: { width: 320, height: 640 },
      },
    );
    await page.locator('[data-pack-status]').filter({ hasText: '2 terms' }).waitFor();
    if (name === 'flashcards') await page.keyboard.press('Space');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
      0,
    );
  });
});

describe('accessibility', () => {
  test('every state of both pages passes axe in the light and the dark theme', async () => {
    // axe is injected as an inline script, which the page's CSP would block.
    const options = { bypassCSP: true };
    const check = async (page: Page, state: string) => {
      // The card turns into view; axe reads the page as it rests.
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      expect({ state, violations: await axeViolationsInBothThemes(page) }).toEqual({ state, violations: [] });
    };

    // One page for every state; each pack starts as a new visitor's, with nothing saved.
    const { page, afresh } = await open(cardsUrl(THREE, '&title=Week%203'), options);
    await cardsReady(page);
    await check(page, 'flashcards front');
    await page.keyboard.press('Space');
    await check(page, 'flashcards back');
    for (const key of ['a', 'k', 'k', 'ArrowRight']) await page.keyboard.press(key);
    await page.locator('[data-cards-summary]').waitFor({ state: 'visible' });
    await check(page, 'flashcards end summary');

    await afresh(quizUrl(THREE, '&seed=3'));
    await page.locator('[data-quiz-questions] fieldset').first().waitFor();
    await check(page, 'quiz unanswered');
    await page.locator('[data-quiz-questions] fieldset').first().locator('input').first().check();
    await page.getByRole('button', { name: 'Check answers' }).click();
    await page.locator('[data-quiz-misses] li').first().waitFor();
    await check(page, 'quiz scored with misses');

    // An empty pack saves nothing, so both pages can follow each other.
    await afresh(cardsUrl([]));
    for (const url of [cardsUrl([]), quizUrl([])]) {
      if (url !== page.url()) await page.goto(url);
      await page.locator('[data-pack-empty]').waitFor({ state: 'visible' });
      await check(page, `empty pack ${url}`);
    }
  });
});
