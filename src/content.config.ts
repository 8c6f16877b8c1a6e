import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { termSchema } from './schemas/term.ts';
import { contentDir } from './lib/paths.ts';

const terms = defineCollection({
  loader: glob({ pattern: '*.mdx', base: contentDir() }),
  schema: termSchema,
});

export const collections = { terms };
