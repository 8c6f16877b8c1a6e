/**
 * What every body component declares about itself, in the file beside its `.astro` markup: the props authors may
 * write (a zod schema of literal strings), what may go between its tags, where it may stand, the ids it gives its
 * parts, and the example the content guide shows. The content check, the reserved anchors, the guide's table and
 * the tests all read these through the registry (registry.ts).
 */
import type { z } from 'astro/zod';

export interface ComponentSpec {
  props: z.ZodObject;
  /** What may go between the tags. */
  content: 'none' | 'inline' | 'blocks' | 'tabs' | 'one-code-block';
  /** Only valid directly inside this component. */
  parent?: string;
  /** Prefix of the ids the component gives its parts, followed by its number on the page (`callout-1`). */
  idPrefix?: string;
  /** What authors use it for, for the content guide's table. */
  summary: string;
  /** A complete use, valid in a body (the registry test checks it). */
  example: string;
}

/** A literal text prop of at most `max` characters. */
export const textProp = (zod: typeof z, max: number) => zod.string().trim().min(1).max(max);
