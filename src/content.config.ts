import { defineCollection } from 'astro:content';
import { termSchema } from './schemas/term.ts';
import { contentDir } from './lib/paths.ts';
import { termLoader } from './lib/term-loader.ts';

const terms = defineCollection({
  loader: termLoader(contentDir()),
  schema: termSchema,
});

export const collections = { terms };
