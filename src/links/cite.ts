import { isoDate, longDate, monthDay, shortMonth } from '../text/dates.ts';
import { t } from '../i18n/ui.ts';

export interface CitationInput {
  title: string;
  qualifier: string;
  number: number;
  glossary: string;
  url: string;
  reviewed: Date;
}

export type CitationStyle = 'plain' | 'apa' | 'bibtex' | 'markdown';

export const CITATION_STYLES: { style: CitationStyle; label: string }[] = [
  { style: 'plain', label: t('cite.plain') },
  { style: 'apa', label: 'APA' },
  { style: 'bibtex', label: 'BibTeX' },
  { style: 'markdown', label: 'Markdown' },
];

/** A citation line for slides and course notes: what, where, which entry, when it was last checked. */
export function citation({ title, qualifier, number, glossary, url, reviewed }: CitationInput): string {
  return `“${title} (${qualifier}).” ${glossary}, entry № ${number}. ${url} (last reviewed ${longDate(reviewed)}).`;
}

/**
 * APA 7 for an entry in an online reference work whose author is its publisher: the group is the author, the
 * review date stands for the date of the version cited, and the reference work is named once after "In".
 */
function apa({ title, qualifier, number, glossary, url, reviewed }: CitationInput): string {
  const date = `${reviewed.getUTCFullYear()}, ${monthDay(reviewed)}`;
  return `${glossary}. (${date}). ${title} (${qualifier}). In ${glossary} (No. ${number}). ${url}`;
}

// Characters that LaTeX reads as commands; each becomes its escaped form inside a BibTeX field.
const TEX: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};
const tex = (text: string) => text.replace(/[\\{}&%$#_~^]/g, (c) => TEX[c]!);

/** The BibTeX key: letters and digits only, so every BibTeX and biblatex version reads it. */
export function bibtexKey(glossary: string, url: string): string {
  const slug = /\/terms\/([^/]+)\/?$/.exec(new URL(url).pathname)?.[1] ?? 'entry';
  return `${glossary}-${slug}`.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

function bibtex({ title, qualifier, number, glossary, url, reviewed }: CitationInput): string {
  const iso = isoDate(reviewed);
  const month = shortMonth(reviewed).toLowerCase();
  // Double braces keep a corporate author and the title's capitals exactly as written.
  return [
    `@misc{${bibtexKey(glossary, url)},`,
    `  author = {{${tex(glossary)}}},`,
    `  title = {{${tex(`${title} (${qualifier})`)}}},`,
    `  howpublished = {${tex(glossary)}, entry No.~${number}},`,
    `  year = {${reviewed.getUTCFullYear()}},`,
    `  month = ${month},`,
    `  date = {${iso}},`,
    `  url = {${url}},`,
    `  note = {Last reviewed ${iso}}`,
    '}',
  ].join('\n');
}

// Markdown's link text ends at the first unescaped "]"; escaping its punctuation keeps the text literal.
const mdText = (text: string) => text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
// A URL with spaces or parentheses would end the link early; percent-encoding keeps it one destination.
const mdUrl = (url: string) => url.replace(/[ ()<>]/g, (c) => encodeURIComponent(c));

function markdown({ title, qualifier, number, glossary, url, reviewed }: CitationInput): string {
  return `[${mdText(`${title} (${qualifier})`)}](${mdUrl(url)}), ${mdText(glossary)}, entry № ${number}, last reviewed ${longDate(reviewed)}.`;
}

/** The entry's citation in every style the "Use in training" page offers. */
export function citations(input: CitationInput): Record<CitationStyle, string> {
  return { plain: citation(input), apa: apa(input), bibtex: bibtex(input), markdown: markdown(input) };
}
