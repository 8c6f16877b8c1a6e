import { isoDate } from '../text/dates.ts';
import type { ApiTerm } from '../schemas/api.ts';
import type { TermData } from '../schemas/term.ts';
import type { Category } from '../schemas/vocabulary.ts';
import { mitreUrl } from '../attack/ids.ts';
import { csvCell } from '../text/escape.ts';

export interface ApiSource extends Pick<
  TermData,
  'number' | 'title' | 'qualifier' | 'summary' | 'aliases' | 'attack' | 'related' | 'reviewed'
> {
  slug: string;
  categoryInfo: Category;
}

/** The public record of a term; `url` is absolute so the JSON is usable from any origin. */
export function apiTerm(term: ApiSource, absoluteUrl: string): ApiTerm {
  return {
    slug: term.slug,
    url: absoluteUrl,
    number: term.number,
    title: term.title,
    qualifier: term.qualifier,
    category: { slug: term.categoryInfo.slug, name: term.categoryInfo.name },
    summary: term.summary,
    aliases: term.aliases,
    attack: term.attack ? { ...term.attack, url: mitreUrl(term.attack) } : null,
    related: term.related.map((r) => ({ slug: r.term, relation: r.relation })),
    reviewed: isoDate(term.reviewed),
  };
}

const CSV_COLUMNS = [
  'number',
  'title',
  'qualifier',
  'category',
  'summary',
  'aliases',
  'attack_id',
  'url',
  'reviewed',
] as const;

/**
 * A UTF-8 byte-order mark. Excel opens a CSV by double-click in the system's legacy code page unless the file starts
 * with one, and "’ “ ” … →" then show as "â€™ â€œ …". Other readers (Python's csv, LibreOffice, Google Sheets) skip it.
 */
export const CSV_BOM = '\uFEFF';

/**
 * RFC 4180 CSV (after the byte-order mark): every field quoted, quotes doubled, CRLF line ends, so spreadsheets and LMS imports agree; cells
 * that a spreadsheet would run as formulas are neutralised (csvCell).
 */
export function toCsv(terms: readonly ApiTerm[]): string {
  const rows = terms.map((t) =>
    [
      t.number,
      t.title,
      t.qualifier,
      t.category.name,
      t.summary,
      t.aliases.join('; '),
      t.attack?.id ?? '',
      t.url,
      t.reviewed,
    ]
      .map(csvCell)
      .join(','),
  );
  return CSV_BOM + [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
