import type { APIRoute } from 'astro';
import { layerFileStem } from '../attack/navigator-layer.ts';
import { headersFile } from '../links/security.ts';
import { BASE } from '../links/urls.ts';

// Astro skips page files whose names start with "_", so `_headers` is produced through a parameter.
export function getStaticPaths() {
  return [{ params: { file: '_headers' } }];
}

const LAYER_FILES = (['current', 'data'] as const).map((release) => `${layerFileStem(release)}.json`);

export const GET: APIRoute = () => new Response(headersFile(BASE, LAYER_FILES));
