import type { APIRoute } from 'astro';
import { metaPolicy } from '../../links/security.ts';
import { urls } from '../../links/urls.ts';
import { t } from '../../i18n/ui.ts';
import { escapeMarkup } from '../../text/escape.ts';

/**
 * What a missing address under /embed/ shows on Cloudflare Pages, which serves the nearest 404.html with the
 * headers of the address asked for: under /embed/<name>/ those are the cards' headers, so any origin may frame it. So unlike the site's 404 page it has nothing to click but
 * one link that opens in a new tab, no search box and no script, and is not worth framing.
 */
export const GET: APIRoute = () => {
  const title = escapeMarkup(t('embed.missing.title'));
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${metaPolicy(false)}">
<meta name="robots" content="noindex">
<title>${title} · ${escapeMarkup(t('site.name'))}</title>
</head>
<body>
<main>
<h1>${title}</h1>
<p>${escapeMarkup(t('embed.missing.body'))} <a href="${escapeMarkup(urls.embedHelp())}" target="_blank" rel="noopener">${escapeMarkup(t('embed.title'))}</a>.</p>
</main>
</body>
</html>
`;
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
};
