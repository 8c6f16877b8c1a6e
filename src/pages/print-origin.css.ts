import type { APIRoute } from 'astro';

// The site's origin (from SITE_URL) as a CSS custom property, for the print stylesheet: global.css writes link
// targets that start with "/" as `var(--print-origin) attr(href)`, so a printed page shows absolute URLs without
// JavaScript. A file of its own because the Content-Security-Policy forbids inline styles, and global.css is built
// before any page knows the site. Term pages load it with media="print", so it never blocks rendering.
export const GET: APIRoute = ({ site }) => {
  const origin = site ? new URL(site).origin : '';
  const string = `"${origin.replace(/["\\\n]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
  return new Response(`:root { --print-origin: ${string}; }\n`, {
    headers: { 'Content-Type': 'text/css; charset=utf-8' },
  });
};
