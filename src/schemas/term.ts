/**
 * The content model of a glossary term: the single source of truth for what
 * an entry's frontmatter may contain. Astro's content collection, the
 * pre-build content check, the authoring tools and the tests all use it.
 */
import { z } from 'astro/zod';
import {
  ATTACK_DOMAIN_KEYS,
  ATTACK_KINDS,
  ATTACK_KIND_KEYS,
  CATEGORY_SLUGS,
  RELATION_KEYS,
  RETIRED_RELATIONS,
} from './vocabulary.ts';

/** Related terms a page must show, counting links stated in this file and in others. */
export const MIN_RELATED = 3;

/** Lower-case words joined by single hyphens: the file name, and so the URL, of a term. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const slug = z
  .string()
  .regex(SLUG_PATTERN, { message: 'a slug of lower-case words joined by hyphens, like "cyber-kill-chain"' });

const text = (what: string) => z.string().trim().min(1, { message: `${what} must not be empty` });

/** A sentence boundary inside the text: end punctuation, space, capital letter. */
const SENTENCE_BREAK = /[.!?]\s+[A-Z(]/;

export const attackSchema = z
  .strictObject({
    /** As MITRE publishes it: TA0002, T1059, T1059.001, M1038, S0154, DC0032. */
    id: z.string().describe('ATT&CK ID'),
    /** Which ATT&CK matrix the ID belongs to. */
    domain: z.enum(ATTACK_DOMAIN_KEYS),
    /** What kind of ATT&CK object the ID names; decides the ID's shape. */
    kind: z.enum(ATTACK_KIND_KEYS),
  })
  .superRefine((attack, ctx) => {
    const kind = ATTACK_KINDS[attack.kind];
    if (kind && !kind.pattern.test(attack.id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['id'],
        input: attack.id,
        message: `an ATT&CK ${kind.label.toLowerCase()} ID like "${kind.example}"`,
      });
    }
  });

export const exampleSchema = z.strictObject({
  /** A few words naming the example; becomes its heading and anchor. */
  title: text('an example title').max(100),
  /** One paragraph: a real pattern, command line, event ID or named campaign. */
  body: text('an example body'),
});

export const faqSchema = z.strictObject({
  /** A question a learner would ask about this kind of term, ending in "?". */
  question: text('a question').refine((q) => q.endsWith('?'), {
    message: 'a question ending with "?"',
  }),
  /** An answer that adds something the summary and body do not already say. */
  answer: text('an answer'),
});

export const relatedSchema = z.strictObject({
  /** Slug of another term (its file name without `.mdx`). */
  term: slug,
  /** How this term relates to that one ("this term detects that one"); both pages show it. */
  relation: z
    .string()
    .superRefine((relation, ctx) => {
      const canonical = RETIRED_RELATIONS.get(relation);
      if (canonical) {
        ctx.addIssue({
          code: 'custom',
          input: relation,
          message: `"${canonical}", stated from the other end ("${relation}" is no longer used: move this link to the named term's file as "- term: <this term> / relation: ${canonical}")`,
        });
      }
    })
    .pipe(z.enum(RELATION_KEYS))
    .default('see-also'),
});

export const sourceSchema = z.strictObject({
  /** The source's own title. */
  title: text('a source title'),
  /** Primary sources first: ATT&CK, the vendor's documentation, NIST. */
  url: z.url({ protocol: /^https?$/, message: 'an http(s) URL' }),
});

export const termSchema = z.strictObject({
  /** The term as people say it: "Execution". */
  title: text('the title').max(80),
  /** What kind of thing it is, shown after the title: "MITRE Tactic" → "Execution (MITRE Tactic)". */
  qualifier: text('the qualifier').max(40),
  /** Catalog №: unique, never reused, printed on the page and on every card. */
  number: z.number().int().positive(),
  /** Slug of one of the categories in `content/categories.json`. */
  category: z.enum(CATEGORY_SLUGS),
  /** The one-line definition shown on cards, previews and search results. */
  summary: z
    .string()
    .trim()
    .min(40)
    .max(240)
    .refine((s) => /[.!?]$/.test(s), { message: 'one sentence ending with a full stop' })
    .refine((s) => !SENTENCE_BREAK.test(s), { message: 'a single sentence, not several' }),
  /** Other names people search for: abbreviations, old names, former IDs. */
  aliases: z.array(text('an alias').max(80)).default([]),
  /** The ATT&CK object this term is, when it is one. */
  attack: attackSchema.optional(),
  /** Concrete cases, numbered on the page. */
  examples: z.array(exampleSchema).min(2),
  /** Questions and answers, each under its own anchor. */
  faq: z.array(faqSchema).min(4),
  /**
   * Links this file states; each must exist. The page also shows links other files state to this term, so
   * the minimum (MIN_RELATED) counts both and is checked across entries, in src/lib/cross-checks.ts.
   */
  related: z.array(relatedSchema).default([]),
  /** Where the facts come from, primary first. */
  sources: z.array(sourceSchema).min(1),
  /** When a person last checked the entry against its sources (YYYY-MM-DD). */
  reviewed: z.coerce.date({ message: 'a date written YYYY-MM-DD' }),
  /** Former slugs of this term; each keeps working as a redirect. */
  redirectFrom: z.array(slug).default([]),
});

export type TermData = z.infer<typeof termSchema>;
export type TermInput = z.input<typeof termSchema>;
export type RelatedLink = z.infer<typeof relatedSchema>;

/** The frontmatter keys in the order authors are expected to write them. */
export const TERM_KEYS = Object.keys(termSchema.shape) as (keyof TermData)[];
