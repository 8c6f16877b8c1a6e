import { apiTerm } from '../lib/api.ts';
import { urls } from '../lib/urls.ts';
import type { ApiTerm } from '../schemas/api.ts';
import { terms } from './terms.ts';

/** Every term's public record, in A–Z order, with absolute URLs on the configured site. */
export function apiTerms(site: URL | undefined): ApiTerm[] {
  return terms.map((term) => apiTerm(term, absoluteTermUrl(term.slug, site)));
}

export function absoluteTermUrl(slug: string, site: URL | undefined): string {
  return new URL(urls.term(slug), site ?? 'http://localhost/').href;
}
