import type { APIRoute } from 'astro';
import { terms, type Term } from '../../../data/terms.ts';
import { apiTerm } from '../../../lib/api.ts';
import { absoluteTermUrl } from '../../../data/api.ts';

export function getStaticPaths() {
  return terms.map((term) => ({ params: { slug: term.slug }, props: { term } }));
}

export const GET: APIRoute = ({ props, site }) => {
  const { term } = props as { term: Term };
  return Response.json(apiTerm(term, absoluteTermUrl(term.slug, site)));
};
