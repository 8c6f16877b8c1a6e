/**
 * What the pack pages load (/api/pack-terms.json) and what the whole-glossary Moodle file is made of: every term
 * as a PackTerm, plus what the picker needs to resolve old links and to pick by category or tactic. Build time only:
 * it reads the content gateway.
 */
import { terms, placement, type Term } from '../catalog/terms.ts';
import { htmlToText } from '../text/plain-text.ts';
import { absolute, urls } from '../links/urls.ts';
import { ENTERPRISE_TACTICS } from '../attack/matrix.ts';
import { CATEGORIES } from '../schemas/vocabulary.ts';
import { t, UI } from '../i18n/ui.ts';
import type { ExportLabels } from './exports.ts';
import type { PackData, PackTerm } from './pack-term.ts';

function tacticsOf(term: Term): string[] {
  if (term.attack?.kind === 'tactic') return [term.attack.id];
  return placement(term)?.tactics.map((t) => t.id) ?? [];
}

function firstExample(term: Term): string {
  const example = term.examples[0];
  const html = term.prose.examples[0];
  if (!example) return '';
  return `${example.title}: ${html === undefined ? example.body : htmlToText(html)}`;
}

export function packTermOf(term: Term, site: URL | undefined): PackTerm {
  return {
    slug: term.slug,
    number: term.number,
    title: term.title,
    qualifier: term.qualifier,
    category: { slug: term.categoryInfo.slug, name: term.categoryInfo.name },
    summary: term.summary,
    aliases: term.aliases,
    attack: term.attack ? { id: term.attack.id, domain: term.attack.domain, kind: term.attack.kind } : null,
    tactics: tacticsOf(term),
    example: firstExample(term),
    url: absolute(urls.term(term.slug), site),
    shortUrl: absolute(urls.number(term.number), site),
  };
}

// Both /api/pack-terms.json and /api/moodle-glossary.xml are made of it; at 5,000 terms it is worth making once.
let made: { site: string; data: PackData } | undefined;

/** The words the course-pack files write before an entry's fields, from the UI strings. */
export function exportLabels(): ExportLabels {
  return {
    example: t('export.example'),
    attack: t('export.attack'),
    tactics: t('export.tactics'),
    fullEntry: t('export.fullEntry'),
  };
}

export function packData(site: URL | undefined): PackData {
  if (made?.site === String(site)) return made.data;
  const packTerms = terms.map((term) => packTermOf(term, site));
  const tacticsInUse = new Set(packTerms.flatMap((t) => t.tactics));
  const data: PackData = {
    glossary: UI['site.name'],
    terms: packTerms,
    redirects: Object.fromEntries(terms.flatMap((term) => term.redirectFrom.map((old) => [old, term.slug]))),
    categories: CATEGORIES.filter((c) => terms.some((t) => t.category === c.slug)).map(({ slug, name }) => ({
      slug,
      name,
    })),
    tactics: ENTERPRISE_TACTICS.filter((t) => tacticsInUse.has(t.id)).map(({ id, name }) => ({ id, name })),
  };
  made = { site: String(site), data };
  return data;
}
