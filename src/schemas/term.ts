/**
 * The content model of a glossary term: the single source of truth for what
 * an entry's frontmatter may contain. Astro's content collection, the
 * pre-build content check, the authoring tools and the tests all use it.
 */
import { z } from 'astro/zod';
import { isoDate } from '../text/dates.ts';
import { nameStartsLikeFormula } from '../text/formula.ts';
import { firstBidiControl, isBlank } from '../text/invisible.ts';
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

/**
 * The longest each text may be, in characters, and the most items each list may hold. Each is several times
 * the longest in the glossary, so only runaway content (a pasted log, a duplicated block) reaches them.
 */
export const LIMITS = {
  slug: 80,
  title: 80,
  qualifier: 40,
  summary: 240,
  alias: 80,
  aliases: 30,
  searchPhrases: 20,
  attackId: 20,
  exampleTitle: 100,
  exampleBody: 1_500,
  examples: 10,
  question: 200,
  answer: 2_000,
  faq: 12,
  related: 30,
  sourceTitle: 300,
  sourceUrl: 2_000,
  sources: 20,
  redirectFrom: 20,
} as const;

const slug = z
  .string()
  .max(LIMITS.slug)
  .regex(SLUG_PATTERN, { message: 'a slug of lower-case words joined by hyphens, like "cyber-kill-chain"' });

const text = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: `${what} must not be empty` })
    .max(max);

/** A title, qualifier or alias: plain text that does not start like a spreadsheet formula. */
const name = (what: string, max: number) =>
  z
    .string()
    .refine((value) => !nameStartsLikeFormula(value), {
      message:
        'a name that does not start with "=", "+", "@", a tab or a line break (a spreadsheet opening /glossary.csv would run it as a formula)',
      abort: true,
    })
    .refine((value) => !firstBidiControl(value), {
      message:
        'a name without bidirectional control characters (they reorder the text around them on pages, in search results and in every export)',
      abort: true,
    })
    .refine((value) => !isBlank(value), { message: `${what} with visible characters`, abort: true })
    .pipe(text(what, max));

/** A sentence boundary inside the text: end punctuation, space, capital letter. */
const SENTENCE_BREAK = /[.!?]\s+[A-Z(]/;

/**
 * The latest date `reviewed` may hold: today's date where it is latest on Earth (UTC+14), so an author east of
 * UTC who writes their own today is never told it is in the future.
 */
export function latestReviewDate(now = new Date()): string {
  return isoDate(new Date(now.getTime() + 14 * 3_600_000));
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export type ReviewDate = { date: Date } | { expected: string; found: string; hint?: string };

/**
 * A review date is a real calendar date written YYYY-MM-DD, no later than today. `new Date()` would read
 * "2026-02-30" as 2 March, 1 as 1 January 1970, a time with an offset as another day, and "Nov 5 2026" as
 * whatever the machine's time zone makes of it, so nothing is left to it.
 */
export function parseReviewDate(value: unknown, now = new Date()): ReviewDate {
  const written = typeof value === 'string' ? value.trim() : value;
  let iso: string;
  if (written instanceof Date) {
    // What this schema itself returns (Astro validates the loader's output again): a valid date at midnight UTC.
    if (Number.isNaN(written.getTime()) || written.toISOString().slice(10) !== 'T00:00:00.000Z') {
      return {
        expected: 'a date written YYYY-MM-DD',
        found: Number.isNaN(written.getTime()) ? 'an invalid date' : `${written.toISOString()}, a date with a time`,
      };
    }
    iso = isoDate(written);
  } else if (typeof written === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(written)) {
    iso = written;
  } else {
    const found =
      written === undefined
        ? 'nothing (the field is missing)'
        : typeof written === 'string'
          ? JSON.stringify(written)
          : String(written);
    if (typeof written === 'string' && /^\d{4}-\d{2}-\d{2}[T ]/.test(written)) {
      return {
        expected: 'a date written YYYY-MM-DD',
        found: `${found}, a date with a time`,
        hint: `write the date alone: ${written.slice(0, 10)}`,
      };
    }
    const named = typeof written === 'string' && /[A-Za-z]{3}/.test(written) ? new Date(`${written} 12:00`) : undefined;
    const guess =
      named && !Number.isNaN(named.getTime())
        ? `${named.getFullYear()}-${String(named.getMonth() + 1).padStart(2, '0')}-${String(named.getDate()).padStart(2, '0')}`
        : undefined;
    return { expected: 'a date written YYYY-MM-DD', found, ...(guess ? { hint: `write it as ${guess}` } : {}) };
  }
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  // Date.UTC reads years 0–99 as 1900–1999, and no one checked an entry of this glossary before ATT&CK existed.
  if (year < EARLIEST_REVIEW_YEAR) {
    return {
      expected: `a date from ${EARLIEST_REVIEW_YEAR} on (ATT&CK was first published in ${EARLIEST_REVIEW_YEAR})`,
      found: `"${iso}"`,
      hint: 'write the day a person last checked the entry against its sources',
    };
  }
  if (month < 1 || month > 12)
    return { expected: 'a real calendar date written YYYY-MM-DD', found: `"${iso}", but there is no month ${month}` };
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) {
    return {
      expected: 'a real calendar date written YYYY-MM-DD',
      found: `"${iso}", but ${MONTHS[month - 1]} ${year} has ${days} days`,
    };
  }
  if (iso > latestReviewDate(now)) {
    return {
      expected: `a date no later than today (${isoDate(now)})`,
      found: `"${iso}", a date in the future`,
      hint: 'write the day a person last checked the entry against its sources',
    };
  }
  return { date: new Date(Date.UTC(year, month - 1, day)) };
}

/** The first public release of ATT&CK: no review of an entry can be older. */
export const EARLIEST_REVIEW_YEAR = 2015;

const reviewedSchema = () =>
  z.unknown().transform((value, ctx): Date => {
    const result = parseReviewDate(value);
    if ('date' in result) return result.date;
    ctx.addIssue({
      code: 'custom',
      input: value,
      message: result.expected,
      params: { found: result.found, ...(result.hint ? { hint: result.hint } : {}) },
    });
    return z.NEVER;
  });

export const attackSchema = z
  .strictObject({
    /** As MITRE publishes it: TA0002, T1059, T1059.001, M1038, S0154, DC0032. */
    id: z.string().max(LIMITS.attackId).describe('ATT&CK ID'),
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
  title: text('an example title', LIMITS.exampleTitle),
  /** One paragraph: a real pattern, command line, event ID or named campaign. */
  body: text('an example body', LIMITS.exampleBody),
});

export const faqSchema = z.strictObject({
  /** A question a learner would ask about this kind of term, ending in "?". */
  question: text('a question', LIMITS.question).refine((q) => q.endsWith('?'), {
    message: 'a question ending with "?"',
  }),
  /** An answer that adds something the summary and body do not already say. */
  answer: text('an answer', LIMITS.answer),
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
  title: text('a source title', LIMITS.sourceTitle),
  /** Primary sources first: ATT&CK, the vendor's documentation, NIST. */
  url: z
    .string()
    .max(LIMITS.sourceUrl)
    .pipe(z.url({ protocol: /^https?$/, message: 'an http(s) URL' }))
    // A source is opened by readers: credentials in it would be published, and "user@" can disguise the real host.
    .refine(
      (url) => {
        const parsed = URL.parse(url);
        return !parsed || (!parsed.username && !parsed.password);
      },
      { message: 'an http(s) URL without a user name or password' },
    ),
});

export const termSchema = z.strictObject({
  /** The term as people say it: "Execution". */
  title: name('the title', LIMITS.title),
  /** What kind of thing it is, shown after the title: "MITRE Tactic" → "Execution (MITRE Tactic)". */
  qualifier: name('the qualifier', LIMITS.qualifier),
  /** Catalog №: unique, never reused, printed on the page and on every card. */
  number: z.number().int().positive(),
  /** Slug of one of the categories in `content/categories.json`. */
  category: z.enum(CATEGORY_SLUGS),
  /** The one-line definition shown on cards, previews and search results. */
  summary: z
    .string()
    .trim()
    .min(40)
    .max(LIMITS.summary)
    .refine((s) => /[.!?]$/.test(s), { message: 'one sentence ending with a full stop' })
    .refine((s) => !SENTENCE_BREAK.test(s), { message: 'a single sentence, not several' }),
  /** Other names people search for: abbreviations, old names, former IDs. */
  aliases: z.array(name('an alias', LIMITS.alias)).max(LIMITS.aliases).default([]),
  /**
   * What learners type that is not another name for the term: community words ("lolbin" for System Binary Proxy
   * Execution) and the words of their questions ("run code" for Execution). Indexed for search with a strong
   * weight, never shown on the page.
   */
  searchPhrases: z.array(name('a search phrase', LIMITS.alias)).max(LIMITS.searchPhrases).default([]),
  /** The ATT&CK object this term is, when it is one. */
  attack: attackSchema.optional(),
  /** Concrete cases, numbered on the page. */
  examples: z.array(exampleSchema).min(2).max(LIMITS.examples),
  /** Questions and answers, each under its own anchor. */
  faq: z.array(faqSchema).min(4).max(LIMITS.faq),
  /**
   * Links this file states; each must exist. The page also shows links other files state to this term, so
   * the minimum (MIN_RELATED) counts both and is checked across entries, in src/entries/cross-checks.ts.
   */
  related: z.array(relatedSchema).max(LIMITS.related).default([]),
  /** Where the facts come from, primary first. */
  sources: z.array(sourceSchema).min(1).max(LIMITS.sources),
  /** When a person last checked the entry against its sources: a real date, written YYYY-MM-DD, not in the future. */
  reviewed: reviewedSchema(),
  /** Former slugs of this term; each keeps working as a redirect. */
  redirectFrom: z.array(slug).max(LIMITS.redirectFrom).default([]),
});

export type TermData = z.infer<typeof termSchema>;
export type TermInput = z.input<typeof termSchema>;
export type RelatedLink = z.infer<typeof relatedSchema>;

/** The frontmatter keys in the order authors are expected to write them. */
export const TERM_KEYS = Object.keys(termSchema.shape) as (keyof TermData)[];
