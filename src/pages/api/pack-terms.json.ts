import type { APIRoute } from 'astro';
import { packData } from '../../packs/pack-data.ts';

export const GET: APIRoute = ({ site }) => Response.json(packData(site));
