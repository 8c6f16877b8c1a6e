import type { APIRoute } from 'astro';
import { absolute, urls } from '../links/urls.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absolute(urls.sitemap(), site)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
