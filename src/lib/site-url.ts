/** The host astro.config.mjs falls back to when `SITE_URL` is not set: a placeholder, never a real site. */
export const EXAMPLE_HOST = 'glossary.example.org';

/**
 * The one-line warning a production build prints when `SITE_URL` is missing or still the example host, or undefined
 * when it names a real site. The build goes on either way: a preview build needs no public address.
 */
export function siteUrlWarning(env: Record<string, string | undefined>): string | undefined {
  const value = env['SITE_URL']?.trim();
  const fix = 'set it to the public address, e.g. `SITE_URL=https://your.host npm run build`.';
  const affects = 'canonical URLs, citations, JSON exports and the sitemap';
  if (!value) return `Warning: SITE_URL is not set, so ${affects} point at https://${EXAMPLE_HOST}: ${fix}`;
  let host: string;
  try {
    host = new URL(value).hostname;
  } catch {
    return `Warning: SITE_URL is not a URL (found "${value}"), so ${affects} will be wrong: ${fix}`;
  }
  if (host === EXAMPLE_HOST) return `Warning: SITE_URL is the example host ${EXAMPLE_HOST}, so ${affects} point at a site that is not yours: ${fix}`;
  return undefined;
}
