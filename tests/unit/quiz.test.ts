import { describe, expect, test } from 'vitest';
import type { PackTerm } from '../../src/packs/pack-term.ts';
import { BLANK, buildQuiz, mulberry32, scoreQuiz, type Quiz, type QuizQuestion } from '../../src/packs/quiz.ts';

let number = 0;
function term(slug: string, fields: Partial<PackTerm> = {}): PackTerm {
  number++;
  const title = fields.title ?? slug.replace(/-/g, ' ');
  return {
    slug,
    number,
    title,
    qualifier: '',
    category: { slug: 'other', name: 'Other' },
    summary: `${title} is a thing numbered ${number}.`,
    aliases: [],
    attack: null,
    tactics: [],
    example: '',
    url: `https://glossary.test/terms/${slug}/`,
    shortUrl: `https://glossary.test/n/${number}/`,
    ...fields,
  };
}

const tools = { slug: 'tools', name: 'Tools' };
const powershell = term('powershell', {
  title: 'PowerShell',
  aliases: ['pwsh'],
  summary: 'PowerShell (pwsh) is the ATT&CK sub-technique for attackers who run PowerShell commands and scripts.',
  tactics: ['TA0002'],
  category: { slug: 'techniques', name: 'Techniques' },
});
const sameTactic = ['unix-shell', 'visual-basic', 'javascript'].map((slug) =>
  term(slug, { tactics: ['TA0005', 'TA0002'], category: tools }),
);
const sameCategory = ['scheduled-task', 'wmi', 'cron'].map((slug) =>
  term(slug, { category: { slug: 'techniques', name: 'Techniques' } }),
);
const unrelated = ['firewall', 'antivirus', 'edr', 'siem', 'honeypot', 'sandbox'].map((slug) => term(slug));
const catalog = [powershell, ...sameTactic, ...sameCategory, ...unrelated];

function distractorsOf(quiz: Quiz, question = 0): string[] {
  const { options, answer } = quiz.questions[question]!;
  return options.filter((_, i) => i !== answer).map((o) => o.slug);
}

const seeds = Array.from({ length: 40 }, (_, i) => i);

describe('buildQuiz', () => {
  test('asks one question per pack term, in pack order, with the definition as the prompt', () => {
    const quiz = buildQuiz([unrelated[0]!, powershell], catalog, mulberry32(1));
    expect(quiz.questions.map((q) => q.slug)).toEqual(['firewall', 'powershell']);
    expect(quiz.questions[0]!.prompt).toBe(`${BLANK} is a thing numbered ${unrelated[0]!.number}.`);
  });

  test('blanks the answer’s title and aliases in its definition, as whole words in any case', () => {
    const at = term('at', {
      title: 'At',
      summary: 'At is the sub-technique for attackers who queue jobs with the at command; AT.EXE too.',
    });
    const quiz = buildQuiz([at, powershell], [at, powershell, ...unrelated], mulberry32(1));
    expect(quiz.questions[0]!.prompt).toBe(
      `${BLANK} is the sub-technique for attackers who queue jobs with the ${BLANK} command; ${BLANK}.EXE too.`,
    );
    expect(quiz.questions[1]!.prompt).toBe(
      `${BLANK} (${BLANK}) is the ATT&CK sub-technique for attackers who run ${BLANK} commands and scripts.`,
    );
  });

  test('offers the answer once among four options, and points at it', () => {
    for (const seed of seeds) {
      const { options, answer } = buildQuiz([powershell], catalog, mulberry32(seed)).questions[0]!;
      expect(options).toHaveLength(4);
      expect(options[answer]).toEqual({ slug: 'powershell', title: 'PowerShell' });
      expect(options.filter((o) => o.slug === 'powershell')).toHaveLength(1);
    }
  });

  test('prefers distractors that share an ATT&CK tactic with the answer', () => {
    for (const seed of seeds) {
      expect(distractorsOf(buildQuiz([powershell], catalog, mulberry32(seed))).sort()).toEqual([
        'javascript',
        'unix-shell',
        'visual-basic',
      ]);
    }
  });

  test("a tactic's distractors are other tactics, not the techniques that share its tactic", () => {
    const tactic = (slug: string, id: string) =>
      term(slug, {
        attack: { id, domain: 'enterprise', kind: 'tactic' },
        tactics: [id],
        category: { slug: 'attack-tactics', name: 'ATT&CK Tactics' },
      });
    const execution = tactic('execution', 'TA0002');
    const others = [tactic('persistence', 'TA0003'), tactic('discovery', 'TA0007'), tactic('impact', 'TA0040')];
    const techniques = ['cron', 'at', 'wmi'].map((slug) =>
      term(`${slug}-technique`, {
        attack: { id: 'T1053', domain: 'enterprise', kind: 'technique' },
        tactics: ['TA0002'],
        category: tools,
      }),
    );
    for (const seed of seeds) {
      expect(
        distractorsOf(buildQuiz([execution], [execution, ...techniques, ...others], mulberry32(seed))).sort(),
      ).toEqual(['discovery', 'impact', 'persistence']);
    }
  });

  test("a sub-technique's distractors are first its siblings under the same technique", () => {
    const sub = (slug: string, id: string) =>
      term(slug, { attack: { id, domain: 'enterprise', kind: 'sub-technique' }, tactics: ['TA0002'], category: tools });
    const answer = sub('powershell-sub', 'T1059.001');
    const siblings = [sub('unix-shell-sub', 'T1059.004'), sub('python-sub', 'T1059.006'), sub('cmd-sub', 'T1059.003')];
    const cousins = [
      sub('scheduled-task-sub', 'T1053.005'),
      sub('systemd-timers-sub', 'T1053.006'),
      sub('at-sub', 'T1053.002'),
    ];
    for (const seed of seeds) {
      expect(distractorsOf(buildQuiz([answer], [answer, ...cousins, ...siblings], mulberry32(seed))).sort()).toEqual([
        'cmd-sub',
        'python-sub',
        'unix-shell-sub',
      ]);
    }
  });

  test('then terms of the same category, then any other term', () => {
    const quiz = buildQuiz([powershell], catalog, mulberry32(3), { choices: 8 });
    const picked = distractorsOf(quiz);
    expect(picked.filter((slug) => sameTactic.some((t) => t.slug === slug))).toHaveLength(3);
    expect(picked.filter((slug) => sameCategory.some((t) => t.slug === slug))).toHaveLength(3);
    expect(picked.filter((slug) => unrelated.some((t) => t.slug === slug))).toHaveLength(1);
  });

  test('never offers a term the prompt names, which would rule it out or make it a second answer', () => {
    const named = term('cmd', { title: 'Windows Command Shell', tactics: ['TA0002'] });
    const asking = term('batch', {
      title: 'Batch file',
      tactics: ['TA0002'],
      summary: 'A batch file is a script run by the windows command shell.',
    });
    for (const seed of seeds) {
      expect(distractorsOf(buildQuiz([asking], [asking, named, ...sameTactic], mulberry32(seed)))).not.toContain('cmd');
    }
  });

  test('never offers a term sharing a name with the answer, nor two options with the same title', () => {
    const alsoPowershell = term('powershell-old', {
      title: 'Windows PowerShell',
      aliases: ['PowerShell'],
      tactics: ['TA0002'],
    });
    const twinA = term('shell-a', { title: 'Shell', tactics: ['TA0002'] });
    const twinB = term('shell-b', { title: 'shell', tactics: ['TA0002'] });
    const small = [powershell, alsoPowershell, twinA, twinB, ...unrelated];
    for (const seed of seeds) {
      const { options } = buildQuiz([powershell], small, mulberry32(seed)).questions[0]!;
      const titles = options.map((o) => o.title.toLowerCase());
      expect(new Set(titles).size).toBe(titles.length);
      expect(options.map((o) => o.slug)).not.toContain('powershell-old');
    }
  });

  test('offers fewer options when the catalog has too few usable distractors', () => {
    const { options } = buildQuiz([powershell], [powershell, unrelated[0]!], mulberry32(1)).questions[0]!;
    expect(options.map((o) => o.slug).sort()).toEqual(['firewall', 'powershell']);
  });

  test('shuffles the right answer across every position, and repeats itself for the same seed', () => {
    const positions = new Set(
      seeds.map((seed) => buildQuiz([powershell], catalog, mulberry32(seed)).questions[0]!.answer),
    );
    expect([...positions].sort()).toEqual([0, 1, 2, 3]);
    expect(buildQuiz(catalog, catalog, mulberry32(9))).toEqual(buildQuiz(catalog, catalog, mulberry32(9)));
    expect(buildQuiz(catalog, catalog, mulberry32(9))).not.toEqual(buildQuiz(catalog, catalog, mulberry32(10)));
  });
});

describe('scoreQuiz', () => {
  const quiz = buildQuiz([powershell, unrelated[0]!, unrelated[1]!, unrelated[2]!], catalog, mulberry32(5));
  const [, second, third, fourth] = quiz.questions;
  const wrong = (q: QuizQuestion | undefined) => q!.options.find((_, i) => i !== q!.answer)!;

  test('counts right answers and lists each miss with what was chosen and what was right', () => {
    const score = scoreQuiz(quiz, ['powershell', wrong(second).slug, 'firewall-not-an-option', undefined]);
    expect(score.correct).toBe(1);
    expect(score.total).toBe(4);
    expect(score.misses).toEqual([
      { question: second, chosen: wrong(second), answer: { slug: 'firewall', title: 'firewall' } },
      { question: third, chosen: null, answer: { slug: 'antivirus', title: 'antivirus' } },
      { question: fourth, chosen: null, answer: { slug: 'edr', title: 'edr' } },
    ]);
  });

  test('gives full marks for every right answer and none for no answers', () => {
    expect(
      scoreQuiz(
        quiz,
        quiz.questions.map((q) => q.slug),
      ),
    ).toEqual({ correct: 4, total: 4, misses: [] });
    expect(scoreQuiz(quiz, []).correct).toBe(0);
  });
});

describe('mulberry32', () => {
  test('repeats its sequence for a seed, differs between seeds, and stays in [0, 1)', () => {
    const take = (seed: number) => Array.from({ length: 1000 }, mulberry32(seed));
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
    const values = take(7);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values.map((v) => Math.floor(v * 10))).size).toBe(10);
  });
});
