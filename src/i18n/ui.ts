/**
 * Every string of the site's interface, in one flat map with dotted keys.
 * Content text lives in the entries; this is the chrome around it.
 */
export const UI = {
  'site.name': 'Security Glossary',
  'site.tagline': 'Plain, exact definitions of attack techniques and the defences that catch them.',
  'site.skip': 'Skip to content',
  'nav.terms': 'A–Z',
  'nav.attack': 'ATT&CK tactics',
  'nav.search': 'Search',
  'nav.home': 'Home',
  'nav.breadcrumb': 'Breadcrumb',
  'search.label': 'Search the glossary',
  'search.quick': 'Quick search',
  'search.placeholder': 'Search terms, e.g. TA0002 or PowerShell',
  'search.submit': 'Search',
  'search.shortcut': 'Press / to search',
  'search.category': 'Category',
  'search.allCategories': 'All categories',
  'search.empty': 'No terms match “{query}”.',
  'search.prompt': 'Type a term, an alias or an ATT&CK ID.',
  'search.count': '{count} terms match “{query}”.',
  'search.countOne': '1 term matches “{query}”.',
  'search.loading': 'Searching…',
  'search.failed': 'Search could not load. Browse the A–Z index instead.',
  'search.noscript': 'Search needs JavaScript. Browse the A–Z index or the categories instead.',
  'term.what': 'What is {title}?',
  'term.number': '№ {number}',
  'term.attackId': 'ATT&CK ID',
  'term.examples': 'Examples',
  'term.faq': 'Frequently asked questions',
  'term.aliases': 'Other names',
  'term.related': 'Related terms',
  'term.referencedBy': 'Referenced by',
  'term.sources': 'Sources',
  'term.reviewed': 'Last reviewed',
  'term.stage': 'Stage {stage} of {of} in the ATT&CK Enterprise matrix',
  'term.previousTactic': 'Previous tactic',
  'term.nextTactic': 'Next tactic',
  'link.copy': 'Copy link to: {label}',
  'link.copyTitle': 'Link to this section (click to copy)',
  'link.copied': 'Link copied to the clipboard.',
  'link.copyFailed': 'Could not copy: copy the address from the address bar instead.',
  'cite.title': 'Cite this term',
  'cite.copy': 'Copy citation',
  'cite.copied': 'Citation copied to the clipboard.',
  'embed.title': 'Use the glossary in training material',
  'embed.description': 'Show glossary term previews on your own pages, embed a term card in an LMS, or use the glossary data.',
  'embed.open': 'Read the full entry on {title}',
  'index.title': 'All terms A–Z',
  'index.letters': 'Jump to letter',
  'home.categories': 'Browse by category',
  'home.tactics': 'ATT&CK Enterprise tactics',
  'attack.title': 'The ATT&CK Enterprise tactics',
  'notFound.title': 'Page not found',
  'notFound.body': 'There is no page at this address. The term may have a different name: search for it, or browse the A–Z index.',
  'redirect.title': 'Redirecting to {title}',
  'redirect.body': 'This address now lives at',
} as const;

export type UIKey = keyof typeof UI;

/** A UI string with `{name}` placeholders filled in. */
export function t(key: UIKey, values: Record<string, string | number> = {}): string {
  return UI[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
