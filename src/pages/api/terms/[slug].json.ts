import type { APIRoute, InferGetStaticPropsType } from 'astro';
import { apiTermOf, terms } from '../../../catalog/terms.ts';

export function getStaticPaths() {
  return terms.map((term) => ({ params: { slug: term.slug }, props: { term } }));
}

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props, site }) => Response.json(apiTermOf(props.term, site));
