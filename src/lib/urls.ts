/**
 * Every URL the site prints comes from here, so the URL contract in
 * README.md lives in one place and the base path is applied once.
 */
// Written out in full so Vite can replace `import.meta.env.BASE_URL` at build time; plain Node (the authoring
// scripts) has no `import.meta.env`, and gets "/".
const BASE: string = import.meta.env ? import.meta.env.BASE_URL : '/';

/** Joins a site-relative path onto the configured base (`/` or `/glossary/`). */
export function withBase(path: string, base: string = BASE): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return prefix + path.replace(/^\/+/, '');
}

export const urls = {
  home: () => withBase('/'),
  terms: () => withBase('/terms/'),
  term: (slug: string) => withBase(`/terms/${slug}/`),
  category: (slug: string) => withBase(`/categories/${slug}/`),
  attack: (id: string) => withBase(`/attack/${id}/`),
  embed: (slug: string) => withBase(`/embed/${slug}/`),
  embedHelp: () => withBase('/embed/'),
  ogImage: (slug: string) => withBase(`/og/${slug}.png`),
  /** A 1920×1080 slide of the term for training decks; the PNG is drawn from it in the browser. */
  slide: (slug: string) => withBase(`/slides/${slug}.svg`),
  number: (number: number) => withBase(`/n/${number}/`),
  attackOverview: () => withBase('/attack/'),
  attackIds: () => withBase('/attack/ids/'),
  attackLayer: () => withBase('/attack/layer.json'),
  search: (query?: string) => withBase(query ? `/search/?q=${encodeURIComponent(query)}` : '/search/'),
};

/** The id of an FAQ answer's anchor: `faq-` plus the question as a slug. */
export function faqAnchor(question: string): string {
  return `faq-${slugify(question)}`;
}

/** The id of an example's anchor: `example-` plus its number. */
export function exampleAnchor(index: number): string {
  return `example-${index + 1}`;
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}
