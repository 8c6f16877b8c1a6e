import type { APIRoute, InferGetStaticPropsType } from 'astro';
import { apiTermOf, terms } from '../../../catalog/terms.ts';

// A build writes these records after Astro, from the checked entries (integrations/stamped-pages.ts): as routes they
// were a thousand more pages per thousand terms. The dev server still serves them from here.
export function getStaticPaths() {
  if (!import.meta.env.DEV) return [];
  return terms.map((term) => ({ params: { slug: term.slug }, props: { term } }));
}

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props, site }) =>
  Response.json(apiTermOf(props.term, site));
