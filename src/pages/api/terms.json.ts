import type { APIRoute } from 'astro';
import { apiTerms } from '../../catalog/terms.ts';
import { ATTACK_VERSION } from '../../attack/matrix.ts';
import { UI } from '../../i18n/ui.ts';

export const GET: APIRoute = ({ site }) => {
  const terms = apiTerms(site);
  return Response.json({
    glossary: UI['site.name'],
    attackVersion: ATTACK_VERSION.version,
    count: terms.length,
    terms,
  });
};
