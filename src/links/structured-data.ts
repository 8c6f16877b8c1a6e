/** schema.org JSON-LD for term pages and the index, so search engines and LMSs can read what a page defines. */
export interface LdTerm {
  title: string;
  summary: string;
  number: number;
  url: string;
  aliases: readonly string[];
}

export function definedTermLd(term: LdTerm, glossary: { name: string; url: string }) {
  return {
    '@context': 'https://schema.org',
    '@type': 'DefinedTerm',
    name: term.title,
    description: term.summary,
    termCode: String(term.number),
    url: term.url,
    ...(term.aliases.length ? { alternateName: term.aliases } : {}),
    inDefinedTermSet: { '@type': 'DefinedTermSet', name: glossary.name, url: glossary.url },
  };
}

export function breadcrumbLd(trail: readonly { name: string; url: string }[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((step, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: step.name,
      item: step.url,
    })),
  };
}

export function definedTermSetLd(
  glossary: { name: string; url: string; description: string },
  terms: readonly LdTerm[],
) {
  return {
    '@context': 'https://schema.org',
    '@type': 'DefinedTermSet',
    name: glossary.name,
    description: glossary.description,
    url: glossary.url,
    hasDefinedTerm: terms.map((t) => ({
      '@type': 'DefinedTerm',
      name: t.title,
      termCode: String(t.number),
      url: t.url,
    })),
  };
}

/** JSON for a `<script type="application/ld+json">` block: `<` escaped so content can never close the element. */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
