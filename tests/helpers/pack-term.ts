import type { PackTerm } from '../../src/packs/pack-term.ts';

/** A pack term for unit tests: PowerShell as the glossary has it, with any field replaced. */
export function packTerm(over: Partial<PackTerm> = {}): PackTerm {
  return {
    slug: 'powershell',
    number: 12,
    title: 'PowerShell',
    qualifier: 'ATT&CK Sub-technique',
    category: { slug: 'techniques-and-tools', name: 'Techniques & Tools' },
    summary: 'Running commands through the PowerShell interpreter.',
    aliases: ['pwsh', 'T1059.001'],
    attack: { id: 'T1059.001', domain: 'enterprise', kind: 'sub-technique' },
    tactics: ['TA0002'],
    example: 'powershell -enc <base64>',
    url: 'https://glossary.example.org/terms/powershell/',
    shortUrl: 'https://glossary.example.org/n/12/',
    ...over,
  };
}
