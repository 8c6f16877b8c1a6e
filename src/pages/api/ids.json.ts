import type { APIRoute } from 'astro';
import { terms } from '../../data/terms.ts';
import { apiIds } from '../../lib/api-ids.ts';

export const GET: APIRoute = () => Response.json(apiIds(terms));
