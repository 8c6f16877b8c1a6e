/**
 * Closed vocabularies of the content model. Each map is the one place that
 * defines the allowed values *and* their labels, so the schema's enums and
 * the page text can never drift apart.
 */
import categoryList from '../../content/categories.json' with { type: 'json' };

export interface Category {
  slug: string;
  name: string;
  description: string;
}

/** Categories are authored in `content/categories.json`; order there is display order. */
export const CATEGORIES: readonly Category[] = categoryList;

export const CATEGORY_SLUGS = CATEGORIES.map((c) => c.slug) as [string, ...string[]];

/**
 * How a related term relates to the term that names it. `inverse` is the label
 * shown on the *other* page's "Referenced by" list, so a link reads correctly
 * from both ends.
 */
export const RELATIONS = {
  'part-of': { label: 'Part of', inverse: 'Contains' },
  contains: { label: 'Contains', inverse: 'Part of' },
  precedes: { label: 'Comes before', inverse: 'Comes after' },
  follows: { label: 'Comes after', inverse: 'Comes before' },
  counters: { label: 'Counters', inverse: 'Countered by' },
  detects: { label: 'Detects', inverse: 'Detected by' },
  'often-confused-with': { label: 'Often confused with', inverse: 'Often confused with' },
  'see-also': { label: 'See also', inverse: 'See also' },
} as const;

export type Relation = keyof typeof RELATIONS;
export const RELATION_KEYS = Object.keys(RELATIONS) as [Relation, ...Relation[]];

/** ATT&CK has three matrices; each has its own tactic IDs (Execution: TA0002, TA0041, TA0104). */
export const ATTACK_DOMAINS = {
  enterprise: { label: 'Enterprise' },
  mobile: { label: 'Mobile' },
  ics: { label: 'ICS' },
} as const;

export type AttackDomain = keyof typeof ATTACK_DOMAINS;
export const ATTACK_DOMAIN_KEYS = Object.keys(ATTACK_DOMAINS) as [AttackDomain, ...AttackDomain[]];

/**
 * ATT&CK object kinds, each with the ID shape MITRE publishes and the path
 * segment of its page on attack.mitre.org.
 */
export const ATTACK_KINDS = {
  tactic: { label: 'Tactic', pattern: /^TA\d{4}$/, example: 'TA0002', path: 'tactics' },
  technique: { label: 'Technique', pattern: /^T\d{4}$/, example: 'T1059', path: 'techniques' },
  'sub-technique': {
    label: 'Sub-technique',
    pattern: /^T\d{4}\.\d{3}$/,
    example: 'T1059.001',
    path: 'techniques',
  },
  mitigation: { label: 'Mitigation', pattern: /^M\d{4}$/, example: 'M1038', path: 'mitigations' },
  software: { label: 'Software', pattern: /^S\d{4}$/, example: 'S0154', path: 'software' },
  'data-component': {
    label: 'Data component',
    pattern: /^DC\d{4}$/,
    example: 'DC0032',
    path: 'datacomponents',
  },
} as const;

export type AttackKind = keyof typeof ATTACK_KINDS;
export const ATTACK_KIND_KEYS = Object.keys(ATTACK_KINDS) as [AttackKind, ...AttackKind[]];
