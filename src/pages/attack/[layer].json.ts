import type { APIRoute, GetStaticPaths } from 'astro';
import { terms } from '../../catalog/terms.ts';
import { attackDataVersion } from '../../attack/data.ts';
import { layerFileStem, navigatorLayer } from '../../attack/navigator-layer.ts';
import { UI } from '../../i18n/ui.ts';

/**
 * The glossary's coverage as ATT&CK Navigator layers (format 4.5): `/attack/layer.json` on the current release,
 * and, while that release comes from the overlay, `/attack/layer-v18.json` on the IDs of the committed STIX data,
 * because the public Navigator loads a layer only for a release whose data it ships.
 */
export const getStaticPaths = (() => [
  { params: { layer: layerFileStem('current') }, props: { release: 'current' as const } },
  ...(attackDataVersion.overlay
    ? [{ params: { layer: layerFileStem('data') }, props: { release: 'data' as const } }]
    : []),
]) satisfies GetStaticPaths;

export const GET: APIRoute<{ release: 'current' | 'data' }> = ({ site, props }) =>
  Response.json(navigatorLayer(terms, site ?? 'http://localhost/', UI['site.name'], props.release));
