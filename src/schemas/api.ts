/**
 * The public JSON format of /api/terms.json and /api/terms/<slug>.json,
 * documented in README.md. Tests validate the built files against it, so the
 * documentation and the output cannot drift apart.
 */
import { z } from 'astro/zod';
import { ATTACK_DOMAIN_KEYS, ATTACK_KIND_KEYS, RELATION_KEYS } from './vocabulary.ts';

export const apiTermSchema = z.strictObject({
  slug: z.string(),
  /** Absolute URL of the term page. */
  url: z.url(),
  number: z.number().int().positive(),
  title: z.string(),
  qualifier: z.string(),
  category: z.strictObject({ slug: z.string(), name: z.string() }),
  summary: z.string(),
  aliases: z.array(z.string()),
  attack: z
    .strictObject({ id: z.string(), domain: z.enum(ATTACK_DOMAIN_KEYS), kind: z.enum(ATTACK_KIND_KEYS), url: z.url() })
    .nullable(),
  related: z.array(z.strictObject({ slug: z.string(), relation: z.enum(RELATION_KEYS) })),
  /** YYYY-MM-DD */
  reviewed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

export const apiIndexSchema = z.strictObject({
  glossary: z.string(),
  attackVersion: z.string(),
  count: z.number().int(),
  terms: z.array(apiTermSchema),
});

export type ApiTerm = z.infer<typeof apiTermSchema>;
