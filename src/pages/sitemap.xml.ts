import type { APIRoute } from 'astro';
import { CATEGORIES, terms } from '../catalog/terms.ts';
import { absolute, urls } from '../links/urls.ts';
import { isoDate } from '../text/dates.ts';

/** Canonical pages only: terms, categories, the indexes and the trainers' pages; never redirects or search. */
export const GET: APIRoute = ({ site }) => {
  const entries = [
    { path: urls.home() },
    { path: urls.terms() },
    { path: urls.attackOverview() },
    { path: urls.attackIds() },
    { path: urls.packs() },
    { path: urls.embedHelp() },
    ...CATEGORIES.map((c) => ({ path: urls.category(c.slug) })),
    ...terms.map((t) => ({ path: urls.term(t.slug), lastmod: isoDate(t.reviewed) })),
  ];
  const body = entries
    .map(
      (e) =>
        `  <url><loc>${absolute(e.path, site)}</loc>${'lastmod' in e ? `<lastmod>${e.lastmod}</lastmod>` : ''}</url>`,
    )
    .join('\n');
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`,
    {
      headers: { 'Content-Type': 'application/xml; charset=utf-8' },
    },
  );
};
