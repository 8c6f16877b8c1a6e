/**
 * The skeleton of a new entry: every required field present, each holding a
 * TODO that the content check rejects, so an unfinished entry cannot ship.
 */
import { slugify } from './urls.ts';

export function newTermSlug(title: string): string {
  return slugify(title);
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
reviewed: ${today.toISOString().slice(0, 10)}
---

## How it works

TODO: 300–700 words: how it works, why it matters, how it shows up in telemetry, how defenders detect or prevent it.
`;
}
