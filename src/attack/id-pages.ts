/**
 * `/attack/<ID>/` for an ATT&CK ID that has no entry yet: a small page of facts from MITRE's data (name, kind,
 * tactics, parent, sub-techniques; no MITRE prose), the nearest entries and MITRE's page. Trainers can link any ID
 * through the glossary, and the link improves by itself when the entry is written (the page becomes a redirect).
 */
import {
  attackDataVersion,
  attackObject,
  matrixTactics,
  subTechniquesOf,
  techniquesOfTactic,
  type AttackObject,
} from './data.ts';
import { t } from '../i18n/ui.ts';
import { BASE, urls } from '../links/urls.ts';
import { escapeHtmlAttribute, escapeHtmlText } from '../text/escape.ts';

export interface IdRef {
  id: string;
  name: string;
  /** The glossary entry for the ID, if there is one. */
  slug?: string | undefined;
}

export interface IdStub extends IdRef {
  kind: AttackObject['kind'];
  /** MITRE's page for the ID. */
  url: string;
  tactics: IdRef[];
  parent?: IdRef | undefined;
  subTechniques: IdRef[];
}

/** The Enterprise techniques and sub-techniques in use that have no entry, each with what its page shows. */
export function idStubs(slugOf: (id: string) => string | undefined): IdStub[] {
  const ref = (o: AttackObject): IdRef => ({ id: o.id, name: o.name, slug: slugOf(o.id) });
  const seen = new Set<string>();
  const stubs: IdStub[] = [];
  for (const tactic of matrixTactics('enterprise')) {
    for (const { technique, subTechniques } of techniquesOfTactic(tactic.id)) {
      for (const o of [technique, ...subTechniques]) {
        if (seen.has(o.id) || slugOf(o.id)) continue;
        seen.add(o.id);
        const parent = o.parent ? attackObject(o.parent, 'enterprise') : undefined;
        stubs.push({
          ...ref(o),
          kind: o.kind,
          url: o.url,
          tactics: o.tactics
            .map((id) => attackObject(id, 'enterprise'))
            .filter((t) => t !== undefined)
            .map(ref),
          parent: parent && ref(parent),
          subTechniques: o.kind === 'technique' ? subTechniquesOf(o.id, 'enterprise').map(ref) : [],
        });
      }
    }
  }
  return stubs.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * The stub page's own part, under the breadcrumb: its facts, MITRE's page and the nearest entries, as the HTML Astro
 * would write for it. Written here rather than as a component because its shape varies from ID to ID (one or more
 * tactics, a parent or not, sub-techniques or not) and a build stamps it into one page rendered once
 * (catalog/stamped-pages.ts); `astro dev` puts the same string in the same page. `base` is for the build
 * integration, which runs outside Vite.
 */
export function stubArticle(stub: IdStub, base: string = BASE): string {
  const link = (ref: IdRef) => escapeHtmlAttribute(ref.slug ? urls.term(ref.slug, base) : urls.attack(ref.id, base));
  const text = escapeHtmlText;
  const nearest = [...(stub.parent ? [stub.parent] : []), ...stub.subTechniques, ...stub.tactics].filter((r) => r.slug);
  const tactics = stub.tactics
    .map((tactic) => `<a href="${link(tactic)}">${text(tactic.name)}</a> (${text(tactic.id)})`)
    .join(', ');
  const parent = stub.parent
    ? `<dt>${text(t('attack.subTechniqueOf'))}</dt><dd><a href="${link(stub.parent)}">${text(stub.parent.id)} ${text(stub.parent.name)}</a></dd>`
    : '';
  const subTechniques = stub.subTechniques.length
    ? `<dt>${text(t('attack.subTechniques'))}</dt><dd><ul>${stub.subTechniques.map((sub) => `<li><a href="${link(sub)}">${text(sub.id)} ${text(sub.name)}</a></li>`).join('')}</ul></dd>`
    : '';
  const nearestList = nearest.length
    ? `<ul>${nearest.map((ref) => `<li><a href="${link(ref)}">${text(ref.name)}</a> (${text(ref.id)})</li>`).join('')}</ul>`
    : `<p>${text(t('stub.noNearest'))}</p>`;
  return (
    '<article class="prose attack-stub">' +
    `<p class="muted">${text(t('stub.kind', { kind: stub.kind, version: attackDataVersion.label }))}</p>` +
    `<h1>${text(stub.id)} ${text(stub.name)}</h1>` +
    `<p>${text(t('stub.noEntry', { id: stub.id }))}</p>` +
    `<dl><dt>${text(stub.tactics.length === 1 ? t('attack.tactic') : t('attack.tactics'))}</dt><dd>${tactics}</dd>${parent}${subTechniques}</dl>` +
    `<p><a href="${escapeHtmlAttribute(stub.url)}" rel="external noopener">${text(t('stub.mitre', { id: stub.id, name: stub.name }))}</a></p>` +
    `<h2>${text(t('stub.nearest'))}</h2>${nearestList}` +
    '</article>'
  );
}
