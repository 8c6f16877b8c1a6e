import type { APIRoute } from 'astro';
import { headersFile } from '../lib/security.ts';

// Astro skips page files whose names start with "_", so `_headers` is produced through a parameter.
export function getStaticPaths() {
  return [{ params: { file: '_headers' } }];
}

export const GET: APIRoute = () => new Response(headersFile(import.meta.env.BASE_URL));
