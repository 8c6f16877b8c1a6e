import { z } from 'astro/zod';
import { textProp, type ComponentSpec } from './spec.ts';

export const DETECTION_FORMATS = {
  sigma: 'Sigma rule',
  kql: 'KQL query',
  spl: 'SPL search',
  yara: 'YARA rule',
} as const;
/** The fence language each format's rule is written in. */
export const DETECTION_LANGUAGES: Record<keyof typeof DETECTION_FORMATS, string> = {
  sigma: 'yaml',
  kql: 'kql',
  spl: 'spl',
  yara: 'yara',
};

export const detection = {
  props: z.strictObject({
    format: z.enum(Object.keys(DETECTION_FORMATS) as [keyof typeof DETECTION_FORMATS]),
    title: textProp(z, 120),
  }),
  content: 'one-code-block',
  idPrefix: 'detection-',
  summary: 'a detection rule or query',
  example:
    '<Detection format="kql" title="Shell started by Word">\n\n```kql\nDeviceProcessEvents\n| where InitiatingProcessFileName =~ "winword.exe"\n```\n\n</Detection>',
} satisfies ComponentSpec;
