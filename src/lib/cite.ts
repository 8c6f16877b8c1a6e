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
  { style: 'plain', label: 'Plain text' },
  { style: 'apa', label: 'APA' },
  { style: 'bibtex', label: 'BibTeX' },
  { style: 'markdown', label: 'Markdown' },
];

// One formatter each, made once: `toLocaleDateString(locale, options)` builds a new Intl.DateTimeFormat on every
// call (locale data, pattern), which made the dates of the "Use in training" panel and the sources list a fifth of
// the CPU time of rendering term pages. The output is the same: both format with the same locale and options.
// Formatting still takes ~10 µs, several times per term page, and a glossary has few distinct review dates, so each
// formatter also remembers what it wrote for each date.
function formatter(locale: string, options: Intl.DateTimeFormatOptions): (d: Date) => string {
  const format = new Intl.DateTimeFormat(locale, options);
  const written = new Map<number, string>();
  return (d) => {
    let text = written.get(d.getTime());
    if (text === undefined) written.set(d.getTime(), (text = format.format(d)));
    return text;
  };
}
const monthDay = formatter('en-US', { month: 'long', day: 'numeric', timeZone: 'UTC' });
const shortMonth = formatter('en-US', { month: 'short', timeZone: 'UTC' });

/** "4 March 2026": how pages and citations write a review date. */
export const longDate = formatter('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

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
  const iso = reviewed.toISOString().slice(0, 10);
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

/** The entry's citation in every style the "Use in training" panel offers. */
export function citations(input: CitationInput): Record<CitationStyle, string> {
  return { plain: citation(input), apa: apa(input), bibtex: bibtex(input), markdown: markdown(input) };
}
