import type { APIRoute } from 'astro';
import { apiTerms } from '../data/api.ts';
import { toCsv } from '../lib/api.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(toCsv([...apiTerms(site)].sort((a, b) => a.number - b.number)), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
