import type { APIRoute } from 'astro';
import { apiTerms } from '../../../data/api.ts';
import type { ApiTerm } from '../../../schemas/api.ts';

export function getStaticPaths() {
  return apiTerms(undefined).map((term) => ({ params: { slug: term.slug }, props: { slug: term.slug } }));
}

export const GET: APIRoute<{ slug: string }> = ({ props, site }) =>
  Response.json(apiTerms(site).find((t: ApiTerm) => t.slug === props.slug));
