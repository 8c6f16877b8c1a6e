import { defineCollection } from 'astro:content';
import { termSchema } from './schemas/term.ts';
import { contentDir } from './entries/term-file.ts';
import { termLoader } from './entries/term-loader.ts';

const terms = defineCollection({
  loader: termLoader(contentDir()),
  schema: termSchema,
});

export const collections = { terms };
