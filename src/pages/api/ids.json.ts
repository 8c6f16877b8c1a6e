import type { APIRoute } from 'astro';
import { terms } from '../../catalog/terms.ts';
import { apiIds } from '../../catalog/api-ids.ts';

export const GET: APIRoute = () => Response.json(apiIds(terms));
