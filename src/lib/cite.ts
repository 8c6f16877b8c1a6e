export interface CitationInput {
  title: string;
  qualifier: string;
  number: number;
  glossary: string;
  url: string;
  reviewed: Date;
}

/** A citation line for slides and course notes: what, where, which entry, when it was last checked. */
export function citation({ title, qualifier, number, glossary, url, reviewed }: CitationInput): string {
  const date = reviewed.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return `“${title} (${qualifier}).” ${glossary}, entry № ${number}. ${url} (last reviewed ${date}).`;
}
