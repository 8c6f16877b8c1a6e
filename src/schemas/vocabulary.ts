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

/** The category of controls, telemetry and practices: where `detects` and `counters` links start. */
export const DEFENCE_CATEGORY = 'defense-and-operations';

interface RelationInfo {
  /** Shown on the page of the term that states the link, beside the term it names. */
  label: string;
  /** Shown on the named term's page, beside the term that states the link. */
  inverse: string;
  /** Labels for when both ends are ATT&CK tactics, whose order is the matrix's. */
  betweenTactics?: { label: string; inverse: string };
  /** Reads the same from both ends, so either file may state it. */
  symmetric?: boolean;
  /** Only a defence states it, about what it defends against. */
  fromDefence?: boolean;
}

/**
 * How two terms relate. A link is stated once, in one file (`- term: b / relation: detects` in a.mdx means
 * "a detects b"), and shown on both pages, each end with its own label. Order here is display order.
 * Each fact has one spelling: there is no `contains` or `follows` (see RETIRED_RELATIONS).
 */
export const RELATIONS = {
  'part-of': { label: 'Part of', inverse: 'Contains' },
  precedes: {
    label: 'Next step',
    inverse: 'Previous step',
    betweenTactics: { label: 'Often leads to', inverse: 'Often follows' },
  },
  detects: { label: 'Detects', inverse: 'Detected by', fromDefence: true },
  counters: { label: 'Counters', inverse: 'Countered by', fromDefence: true },
  'often-confused-with': { label: 'Often confused with', inverse: 'Often confused with', symmetric: true },
  'see-also': { label: 'See also', inverse: 'See also', symmetric: true },
} as const satisfies Record<string, RelationInfo>;

export type Relation = keyof typeof RELATIONS;
export const RELATION_KEYS = Object.keys(RELATIONS) as [Relation, ...Relation[]];

/** Each relation's entry, typed so optional fields can be read without narrowing. */
export const relationInfo = (relation: Relation): RelationInfo => RELATIONS[relation];

/**
 * Former spellings that stated a relation from its other end. The schema names them so that an author
 * who writes one is told where the link now goes, instead of being offered a look-alike ("counters").
 */
export const RETIRED_RELATIONS: ReadonlyMap<string, Relation> = new Map([
  ['contains', 'part-of'],
  ['follows', 'precedes'],
]);

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

/**
 * The ID shapes of some kinds as one regular expression, so that an ID's shape is written only in ATTACK_KINDS:
 * anchored (`^…$`) to test a whole string, or `inText` (word-bounded, global, the ID as group 1) to find IDs in
 * prose. Longer shapes come first, so that text finds `T1059.001` whole rather than stopping at `T1059`.
 */
export function attackIdPattern(kinds: readonly AttackKind[], { inText = false } = {}): RegExp {
  const shapes = kinds.map((kind) => ATTACK_KINDS[kind].pattern.source.replace(/^\^|\$$/g, ''));
  const body = shapes.sort((a, b) => b.length - a.length).join('|');
  return inText ? new RegExp(`\\b(${body})\\b`, 'g') : new RegExp(`^(?:${body})$`);
}

export type AttackKind = keyof typeof ATTACK_KINDS;
export const ATTACK_KIND_KEYS = Object.keys(ATTACK_KINDS) as [AttackKind, ...AttackKind[]];
