import type { OgCard } from '../../src/link-previews/image.ts';

/** A real entry's card (PowerShell), for the link-preview and slide drawings. */
export const POWERSHELL_CARD: OgCard = {
  title: 'PowerShell',
  qualifier: 'MITRE Sub-technique',
  number: 27,
  category: 'Techniques & Tools',
  site: 'Security Glossary',
  summary:
    "PowerShell is Microsoft's command shell and scripting language, and in ATT&CK the sub-technique for attackers who use it to run commands.",
  attackId: 'T1059.001',
  url: 'https://glossary.example.org/n/27/',
};
