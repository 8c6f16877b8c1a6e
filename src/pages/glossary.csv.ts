import type { APIRoute } from 'astro';
import { apiTerms } from '../catalog/terms.ts';
import { toCsv } from '../catalog/api.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(toCsv([...apiTerms(site)].sort((a, b) => a.number - b.number)), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
