import type { APIRoute } from 'astro';
import { terms } from '../../catalog/terms.ts';
import { navigatorLayer } from '../../attack/navigator-layer.ts';

/** The glossary's coverage as an ATT&CK Navigator layer (format 4.5); entry links are absolute on the configured site. */
export const GET: APIRoute = ({ site }) => Response.json(navigatorLayer(terms, site ?? 'http://localhost/'));
