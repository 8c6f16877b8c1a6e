import { describe, expect, test } from 'vitest';
import { COVERED_COLOR, navigatorLayer, type LayerTerm } from '../../src/attack/navigator-layer.ts';
import { navigatorLayerSchema } from '../../src/schemas/navigator-layer.ts';
import { urls } from '../../src/links/urls.ts';

const SITE = 'https://glossary.example.org';

const term = (
  slug: string,
  id: string | undefined,
  kind: NonNullable<LayerTerm['attack']>['kind'] = 'technique',
  domain: NonNullable<LayerTerm['attack']>['domain'] = 'enterprise',
): LayerTerm => ({
  slug,
  title: slug.replace(/-/g, ' '),
  summary: `The one-line definition of ${slug}.`,
  number: slug.length,
  ...(id ? { attack: { id, domain, kind } } : {}),
});

const TERMS: LayerTerm[] = [
  term('command-and-scripting-interpreter', 'T1059'),
  term('powershell', 'T1059.001', 'sub-technique'),
  term('unix-shell', 'T1059.004', 'sub-technique'),
  term('rundll32', 'T1218.011', 'sub-technique'), // its technique, T1218, has no entry here
  term('execution', 'TA0002', 'tactic'),
  term('execution-prevention', 'M1038', 'mitigation'),
  term('cobalt-strike', 'S0154', 'software'),
  term('mobile-thing', 'T1623', 'technique', 'mobile'),
  term('edr', undefined),
];

describe('the ATT&CK Navigator layer', () => {
  const layer = navigatorLayer(TERMS, SITE);

  test('validates against the layer format 4.5 schema', () => {
    const result = navigatorLayerSchema.safeParse(layer);
    expect(result.success ? [] : result.error.issues).toEqual([]);
    expect(layer.versions).toEqual({ attack: '19', navigator: expect.stringMatching(/^5\./), layer: '4.5' });
    expect(layer.domain).toBe('enterprise-attack');
  });

  test('lists every Enterprise technique and sub-technique with an entry exactly once, with a link to the entry', () => {
    const covered = layer.techniques!.filter((t) => t.links?.length);
    expect(covered.map((t) => t.techniqueID)).toEqual(['T1059', 'T1059.001', 'T1059.004', 'T1218.011']);
    const ids = layer.techniques!.map((t) => t.techniqueID);
    expect(new Set(ids).size).toBe(ids.length);
    expect(layer.techniques!.find((t) => t.techniqueID === 'T1059.001')).toMatchObject({
      color: COVERED_COLOR,
      comment: 'The one-line definition of powershell.',
      enabled: true,
      links: [{ label: 'powershell in the Security Glossary', url: 'https://glossary.example.org/terms/powershell/' }],
    });
  });

  test('leaves out tactics, mitigations, software, other domains and terms without an ATT&CK ID', () => {
    const ids = layer.techniques!.map((t) => t.techniqueID);
    for (const id of ['TA0002', 'M1038', 'S0154', 'T1623']) expect(ids).not.toContain(id);
  });

  test('a technique with sub-technique entries shows its sub-techniques, with or without an entry of its own', () => {
    expect(layer.techniques!.find((t) => t.techniqueID === 'T1059')?.showSubtechniques).toBe(true);
    const parentOnly = layer.techniques!.find((t) => t.techniqueID === 'T1218');
    expect(parentOnly).toMatchObject({ showSubtechniques: true, enabled: true });
    expect(parentOnly?.links).toBeUndefined();
    expect(parentOnly?.color).toBeUndefined();
    expect(parentOnly?.comment).toContain('T1218.011 rundll32');
  });

  test('sorts techniques by ID and points its own links at the glossary', () => {
    const ids = layer.techniques!.map((t) => t.techniqueID);
    expect(ids).toEqual([...ids].sort());
    expect(layer.links).toEqual([
      expect.objectContaining({ url: 'https://glossary.example.org/attack/' }),
      expect.objectContaining({ url: 'https://glossary.example.org/attack/ids/' }),
    ]);
  });

  test('is served at the documented address', () => {
    expect(urls.attackLayer()).toBe('/attack/layer.json');
  });

  test('an empty glossary gives a valid layer with no techniques', () => {
    const empty = navigatorLayer([], SITE);
    expect(navigatorLayerSchema.safeParse(empty).success).toBe(true);
    expect(empty.techniques).toEqual([]);
  });
});

describe('the layer format 4.5 schema', () => {
  const valid = { name: 'x', versions: { navigator: '5.2.0', layer: '4.5' }, domain: 'enterprise-attack' };
  const issues = (value: unknown) => {
    const result = navigatorLayerSchema.safeParse(value);
    return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
  };

  test('accepts the smallest layer and the specification’s own example technique', () => {
    expect(issues(valid)).toEqual([]);
    expect(
      issues({
        ...valid,
        techniques: [
          {
            techniqueID: 'T1110.001',
            score: 100,
            comment: 'c',
            links: [{ label: 'Navigator GitHub', url: 'https://github.com/mitre-attack/attack-navigator' }],
          },
          {
            techniqueID: 'T1053',
            tactic: 'privilege-escalation',
            metadata: [{ name: 'a', value: 'b' }, { divider: true }, { name: 'c', value: 'd' }],
          },
        ],
        gradient: { colors: ['#ff6666ff', '#ffe766ff', '#8ec843ff'], minValue: 0, maxValue: 100 },
      }),
    ).toEqual([]);
  });

  test.each([
    ['a missing name', { versions: valid.versions, domain: valid.domain }, 'name'],
    ['a missing domain', { name: 'x', versions: valid.versions }, 'domain'],
    ['an unknown domain', { ...valid, domain: 'enterprise' }, 'domain'],
    ['another layer format', { ...valid, versions: { navigator: '5.2.0', layer: '4.4' } }, 'versions.layer'],
    ['a Navigator older than 4.9', { ...valid, versions: { navigator: '4.8.2', layer: '4.5' } }, 'versions.navigator'],
    [
      'a technique ID of the wrong shape',
      { ...valid, techniques: [{ techniqueID: 't1059' }] },
      'techniques.0.techniqueID',
    ],
    [
      'a tactic ID instead of a technique ID',
      { ...valid, techniques: [{ techniqueID: 'TA0002' }] },
      'techniques.0.techniqueID',
    ],
    [
      'a link without a protocol',
      {
        ...valid,
        techniques: [{ techniqueID: 'T1059', links: [{ label: 'l', url: 'glossary.example.org/terms/x/' }] }],
      },
      'techniques.0.links.0.url',
    ],
    ['a score given as text', { ...valid, techniques: [{ techniqueID: 'T1059', score: '1' }] }, 'techniques.0.score'],
    ['a misspelt key', { ...valid, techniques: [{ techniqueID: 'T1059', showSubTechniques: true }] }, 'techniques.0'],
    [
      'a gradient whose maximum is not above its minimum',
      { ...valid, gradient: { colors: ['#fff', '#000'], minValue: 1, maxValue: 1 } },
      'gradient',
    ],
  ])('refuses %s', (_, value, path) => {
    expect(issues(value)).toContain(path);
  });
});

describe("the layer on the committed data's IDs (v18.1)", () => {
  const terms = [
    ...TERMS,
    term('disable-or-modify-tools', 'T1685'),
    term('social-engineering', 'T1684'),
    term('impersonation', 'T1684.001', 'sub-technique'),
  ];
  const layer = navigatorLayer(terms, SITE, 'Glossary', 'data');

  test('says v18 and keeps the techniques that v19 did not change', () => {
    expect(layer.versions.attack).toBe('18');
    expect(layer.techniques!.map((t) => t.techniqueID)).toEqual(
      expect.arrayContaining(['T1059', 'T1059.001', 'T1218.011']),
    );
  });

  test('puts an entry for a v19-only object on the v18.1 objects it replaced, linked to the same entry', () => {
    const ids = layer.techniques!.map((t) => t.techniqueID);
    expect(ids).toEqual(expect.arrayContaining(['T1562', 'T1562.001', 'T1562.006', 'T1656']));
    expect(ids).not.toContain('T1685');
    expect(ids).not.toContain('T1684'); // new in v19 with no predecessor: nothing to show on v18
    expect(layer.techniques!.find((t) => t.techniqueID === 'T1562.001')!.links).toEqual([
      { label: expect.stringContaining('disable or modify tools'), url: `${SITE}/terms/disable-or-modify-tools/` },
    ]);
  });

  test('validates against the layer format 4.5 schema', () => {
    const result = navigatorLayerSchema.safeParse(layer);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });
});
