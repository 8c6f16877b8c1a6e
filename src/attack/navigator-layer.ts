/**
 * The glossary as an ATT&CK Navigator layer (/attack/layer.json, format 4.5: src/schemas/navigator-layer.ts):
 * every Enterprise technique and sub-technique with an entry, coloured, with the entry's one-line definition
 * as its comment and a link to the entry. A technique whose sub-techniques have entries opens them by default.
 * Open it in the Navigator ("Open Existing Layer") to see the glossary's coverage on MITRE's own matrix.
 */
import { attackDataVersion, dataIdsFor, dataLookup } from './data.ts';
import { absolute as absoluteOn, urls } from '../links/urls.ts';
import { UI } from '../i18n/ui.ts';
import type { LayerTechnique, NavigatorLayer } from '../schemas/navigator-layer.ts';
import type { AttackDomain, AttackKind } from '../schemas/vocabulary.ts';

/** What the layer needs of a term. */
export interface LayerTerm {
  slug: string;
  title: string;
  summary: string;
  number: number;
  attack?: { id: string; domain: AttackDomain; kind: AttackKind } | undefined;
}

/** `layer` for the current release's Navigator layer, `layer-v18` for the one on the committed data's IDs. */
export function layerFileStem(release: 'current' | 'data'): string {
  return release === 'current' ? 'layer' : `layer-v${attackDataVersion.dataVersion.split('.')[0]}`;
}

/** The name a downloaded layer gets: the site and the ATT&CK release, so two downloads never overwrite each other. */
export function layerDownloadName(release: 'current' | 'data'): string {
  const version = release === 'current' ? attackDataVersion.version : attackDataVersion.dataVersion;
  return `security-glossary-attack-v${version.split('.')[0]}-layer.json`;
}

/** The colour of techniques with an entry, and of their legend item. */
export const COVERED_COLOR = '#8ec843';
/** Any Navigator from 4.9.0 reads format 4.5; this is the release whose specification the layer follows. */
export const NAVIGATOR_VERSION = '5.2.0';

const isLayerTechnique = (term: LayerTerm) =>
  term.attack?.domain === 'enterprise' && (term.attack.kind === 'technique' || term.attack.kind === 'sub-technique');

const byTechniqueId = (a: LayerTechnique, b: LayerTechnique) =>
  a.techniqueID < b.techniqueID ? -1 : a.techniqueID > b.techniqueID ? 1 : 0;

/** The parent of a sub-technique ID: `T1059.001` → `T1059`. */
const parentOf = (id: string) => id.split('.')[0]!;

/**
 * The layer for the given terms; `site` is the glossary's origin (Astro's `site`), which makes the entry
 * links absolute, as the Navigator needs.
 */
export function navigatorLayer(
  terms: readonly LayerTerm[],
  site: URL | string,
  glossaryName: string = UI['site.name'],
  release: 'current' | 'data' = 'current',
): NavigatorLayer {
  const absolute = (path: string) => absoluteOn(path, site);
  // The data release's layer maps each entry to the IDs of the committed STIX data (v18.1), for Navigators that
  // do not have the overlay's release yet: a v19-only object becomes the v18.1 objects it replaced.
  const covered =
    release === 'current'
      ? terms.filter(isLayerTechnique)
      : terms.filter(isLayerTechnique).flatMap((term) =>
          dataIdsFor(term.attack!.id).map((id) => ({
            ...term,
            attack: { ...term.attack!, id, kind: dataLookup.attackObject(id)!.kind as AttackKind },
          })),
        );
  const techniques = new Map<string, LayerTechnique>();

  for (const term of covered) {
    techniques.set(term.attack!.id, {
      techniqueID: term.attack!.id,
      score: 1,
      color: COVERED_COLOR,
      comment: term.summary,
      enabled: true,
      metadata: [
        { name: 'Glossary entry', value: term.title },
        { name: 'Catalog №', value: String(term.number) },
      ],
      links: [{ label: `${term.title} in the ${glossaryName}`, url: absolute(urls.term(term.slug)) }],
    });
  }

  // A sub-technique with an entry makes its technique open its sub-techniques, with or without an entry of its own.
  const subsByParent = new Map<string, LayerTerm[]>();
  for (const term of covered.filter((t) => t.attack!.kind === 'sub-technique')) {
    const parent = parentOf(term.attack!.id);
    subsByParent.set(parent, [...(subsByParent.get(parent) ?? []), term]);
  }
  for (const [parent, subs] of subsByParent) {
    const existing = techniques.get(parent);
    if (existing) {
      existing.showSubtechniques = true;
      continue;
    }
    const list = subs
      .map((s) => `${s.attack!.id} ${s.title}`)
      .sort()
      .join(', ');
    techniques.set(parent, {
      techniqueID: parent,
      comment: `No entry of its own; sub-techniques with entries in the ${glossaryName}: ${list}.`,
      enabled: true,
      showSubtechniques: true,
    });
  }

  const version = release === 'current' ? attackDataVersion.version : attackDataVersion.dataVersion;
  const attackMajor = version.split('.')[0] ?? '';
  const label = `v${attackMajor}`;
  return {
    name: `${glossaryName}: ATT&CK coverage`,
    versions: { attack: attackMajor, navigator: NAVIGATOR_VERSION, layer: '4.5' },
    domain: 'enterprise-attack',
    description:
      `The ${covered.length} Enterprise techniques and sub-techniques with an entry in the ${glossaryName} ` +
      `(ATT&CK ${label}${release === 'data' ? `, mapped from the glossary's ${attackDataVersion.label} IDs to the ${version} IDs they replaced` : ''}). Each links to its entry: right-click it and choose the link.`,
    sorting: 0,
    layout: { layout: 'side', showID: true, showName: true, expandedSubtechniques: 'annotated' },
    hideDisabled: false,
    techniques: [...techniques.values()].sort(byTechniqueId),
    gradient: { colors: ['#ffffff', COVERED_COLOR], minValue: 0, maxValue: 1 },
    legendItems: [{ label: `Has an entry in the ${glossaryName}`, color: COVERED_COLOR }],
    showTacticRowBackground: false,
    selectTechniquesAcrossTactics: true,
    selectSubtechniquesWithParent: false,
    selectVisibleTechniques: false,
    metadata: [
      {
        name: 'ATT&CK data',
        value:
          release === 'current'
            ? `${attackDataVersion.label}${attackDataVersion.released ? ` (${attackDataVersion.released})` : ''}`
            : version,
      },
      { name: 'Generated from', value: absolute(urls.home()) },
    ],
    links: [
      { label: `${glossaryName}: the ATT&CK matrix`, url: absolute(urls.attackOverview()) },
      { label: `${glossaryName}: ATT&CK ID index`, url: absolute(urls.attackIds()) },
    ],
  };
}
