/**
 * The skeleton of a new entry: every required field present, each holding a
 * TODO that the content check rejects, so an unfinished entry cannot ship.
 */
import { slugify } from '../links/urls.ts';
import { termSchema } from '../schemas/term.ts';
import { issueToProblems } from './validate-entry.ts';

/** Why `npm run new-term -- "<title>"` cannot make an entry of this title, or nothing when it can. */
export function newTermTitleProblem(title: string): string | undefined {
  const checked = termSchema.shape.title.safeParse(title);
  if (!checked.success) {
    const problem = issueToProblems('', checked.error.issues[0]!)[0]!;
    return `The title cannot be used: expected ${problem.expected}, found ${problem.found}.`;
  }
  if (!slugify(title)) {
    return (
      `The title ${JSON.stringify(title)} gives no file name: the file name and URL are made of the title's letters a–z and digits 0–9, ` +
      'and it has none. Give the term\'s English name, as in npm run new-term -- "Credential Dumping".'
    );
  }
  return undefined;
}

export function newTermSource(title: string, number: number, today: Date): string {
  const todo = (what: string) => `"TODO: ${what}"`;
  return `---
title: ${JSON.stringify(title)}
qualifier: ${todo('kind of term, e.g. MITRE Technique')}
number: ${number}
category: defense-and-operations
summary: ${todo('one sentence, 40–240 characters, that defines the term for a newcomer.')}
aliases: []
# attack: { id: T0000, domain: enterprise, kind: technique }
examples:
  - title: ${todo('a concrete case')}
    body: ${todo('a command line, an event ID or a named campaign.')}
  - title: ${todo('a second concrete case')}
    body: ${todo('what it looks like to a defender.')}
faq:
  - question: ${todo('a question a learner asks about this kind of term?')}
    answer: ${todo('an answer that adds something the summary does not say.')}
  - question: ${todo('second question?')}
    answer: ${todo('second answer.')}
  - question: ${todo('third question?')}
    answer: ${todo('third answer.')}
  - question: ${todo('fourth question?')}
    answer: ${todo('fourth answer.')}
related:
  - term: execution
    relation: see-also
  - term: mitre-attack
    relation: see-also
  - term: edr
    relation: see-also
sources:
  - title: ${todo('title of the primary source')}
    url: https://attack.mitre.org/
reviewed: ${localDate(today)}
---

## How it works

TODO: 300–700 words: how it works, why it matters, how it shows up in telemetry, how defenders detect or prevent it.
`;
}

/** The author's own date (the review date may not be in the future, and UTC can be a day ahead of it). */
function localDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
