/**
 * Version 4.5 of the ATT&CK Navigator layer file format, written from MITRE's specification
 * (mitre-attack/attack-navigator, layers/spec/v4.5/layerformat.md). /attack/layer.json is built to it, and
 * the tests validate that file against it, so a layer the Navigator would reject cannot ship.
 *
 * Stricter than the specification in two ways, both on purpose: unknown keys are refused (a misspelt key is
 * silently ignored by the Navigator), and `versions` is required, because it is the only thing that says a
 * file is in format 4.5.
 */
import { z } from 'astro/zod';
import { attackIdPattern } from './vocabulary.ts';

/** `#rgb`, `#rrggbb` or `#rrggbbaa`, as the specification's examples write colours. */
const hexColor = z
  .string()
  .regex(/^#(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i, 'a hexadecimal RGB colour such as #8ec843');

/** "URLs must be prefixed with a protocol identifier (e.g. 'https://')". */
const protocolUrl = z.url().regex(/^[a-z][a-z0-9+.-]*:\/\//i, 'a URL with a protocol, such as https://');

const divider = z.strictObject({ divider: z.boolean() });
const metadataItem = z.strictObject({ name: z.string(), value: z.string() });
const linkItem = z.strictObject({ label: z.string(), url: protocolUrl });
export const layerMetadataSchema = z.array(z.union([metadataItem, divider]));
export const layerLinksSchema = z.array(z.union([linkItem, divider]));

/** "4.9.0" or later; the specification asks for at least 4.9.0. */
const navigatorVersion = z
  .string()
  .regex(/^\d+\.\d+(?:\.\d+)?$/, 'a version number such as 5.2.0')
  .refine((v) => {
    const [major = 0, minor = 0] = v.split('.').map(Number);
    return major > 4 || (major === 4 && minor >= 9);
  }, 'at least 4.9.0');

export const layerTechniqueSchema = z.strictObject({
  /** `T####`, or `T####.###` for a sub-technique. */
  techniqueID: z
    .string()
    .regex(attackIdPattern(['technique', 'sub-technique']), 'an ATT&CK technique ID such as T1059 or T1059.001'),
  /** A tactic's short name (`lateral-movement`); without it, the annotation shows under every tactic. */
  tactic: z
    .string()
    .regex(/^[a-z]+(?:-[a-z]+)*$/, "a tactic's short name such as lateral-movement")
    .optional(),
  comment: z.string().optional(),
  enabled: z.boolean().optional(),
  score: z.number().optional(),
  /** An explicit colour, overriding the score's; `""` for none. */
  color: z.union([hexColor, z.literal('')]).optional(),
  metadata: layerMetadataSchema.optional(),
  links: layerLinksSchema.optional(),
  showSubtechniques: z.boolean().optional(),
});

export const navigatorLayerSchema = z.strictObject({
  versions: z.strictObject({
    attack: z
      .string()
      .regex(/^\d+(?:\.\d+)?$/, 'an ATT&CK version such as 19')
      .optional(),
    navigator: navigatorVersion,
    layer: z.literal('4.5'),
  }),
  name: z.string().min(1),
  description: z.string().optional(),
  domain: z.enum(['enterprise-attack', 'mobile-attack', 'ics-attack']),
  customDataURL: protocolUrl.optional(),
  filters: z.strictObject({ platforms: z.array(z.string()).optional() }).optional(),
  /** 0 and 1: by name, ascending and descending; 2 and 3: by score, ascending and descending. */
  sorting: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]).optional(),
  layout: z
    .strictObject({
      layout: z.enum(['side', 'flat', 'mini']).optional(),
      showID: z.boolean().optional(),
      showName: z.boolean().optional(),
      showAggregateScores: z.boolean().optional(),
      countUnscored: z.boolean().optional(),
      aggregateFunction: z.enum(['average', 'min', 'max', 'sum']).optional(),
      expandedSubtechniques: z.enum(['none', 'all', 'annotated']).optional(),
    })
    .optional(),
  hideDisabled: z.boolean().optional(),
  techniques: z.array(layerTechniqueSchema).optional(),
  gradient: z
    .strictObject({ colors: z.array(hexColor).min(2), minValue: z.number(), maxValue: z.number() })
    .refine((g) => g.maxValue > g.minValue, 'maxValue greater than minValue')
    .optional(),
  legendItems: z.array(z.strictObject({ label: z.string(), color: hexColor })).optional(),
  showTacticRowBackground: z.boolean().optional(),
  tacticRowBackground: hexColor.optional(),
  selectTechniquesAcrossTactics: z.boolean().optional(),
  selectSubtechniquesWithParent: z.boolean().optional(),
  selectVisibleTechniques: z.boolean().optional(),
  metadata: layerMetadataSchema.optional(),
  links: layerLinksSchema.optional(),
});

export type NavigatorLayer = z.infer<typeof navigatorLayerSchema>;
export type LayerTechnique = z.infer<typeof layerTechniqueSchema>;
