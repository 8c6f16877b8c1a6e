import { describe, expect, test } from 'vitest';
import { bibtexKey, citations } from '../../src/links/cite.ts';

const base = {
  title: 'PowerShell',
  qualifier: 'MITRE Sub-technique',
  number: 27,
  glossary: 'Security Glossary',
  url: 'https://glossary.example.net/terms/powershell/',
  reviewed: new Date('2026-03-04T00:00:00Z'),
};

describe('citations in four styles', () => {
  test('plain text, APA, BibTeX and Markdown name the entry, the glossary, the number, the address and the review date', () => {
    const c = citations(base);
    expect(c.plain).toBe(
      '“PowerShell (MITRE Sub-technique).” Security Glossary, entry № 27. https://glossary.example.net/terms/powershell/ (last reviewed 4 March 2026).',
    );
    expect(c.apa).toBe(
      'Security Glossary. (2026, March 4). PowerShell (MITRE Sub-technique). In Security Glossary (No. 27). https://glossary.example.net/terms/powershell/',
    );
    expect(c.bibtex.split('\n')).toEqual([
      '@misc{securityglossarypowershell,',
      '  author = {{Security Glossary}},',
      '  title = {{PowerShell (MITRE Sub-technique)}},',
      '  howpublished = {Security Glossary, entry No.~27},',
      '  year = {2026},',
      '  month = mar,',
      '  date = {2026-03-04},',
      '  url = {https://glossary.example.net/terms/powershell/},',
      '  note = {Last reviewed 2026-03-04}',
      '}',
    ]);
    expect(c.markdown).toBe(
      '[PowerShell (MITRE Sub-technique)](https://glossary.example.net/terms/powershell/), Security Glossary, entry № 27, last reviewed 4 March 2026.',
    );
  });

  test('BibTeX escapes what LaTeX would read as commands, so a title with them still compiles', () => {
    const { bibtex } = citations({ ...base, title: '50% of C:\\Users & $PATH_#1 {x} ~^' });
    const title = bibtex.split('\n').find((l) => l.startsWith('  title'))!;
    expect(title).toBe(
      '  title = {{50\\% of C:\\textbackslash{}Users \\& \\$PATH\\_\\#1 \\{x\\} \\textasciitilde{}\\textasciicircum{} (MITRE Sub-technique)}},',
    );
    // Braces stay balanced, or BibTeX would swallow the rest of the file.
    const unescaped = title.replace(/\\[{}]/g, '');
    expect(unescaped.split('{').length).toBe(unescaped.split('}').length);
  });

  test('Markdown keeps a title with brackets, asterisks or a backtick as literal link text', () => {
    const { markdown } = citations({ ...base, title: 'Run [x](javascript:alert(1)) *now* `ok`' });
    expect(
      markdown.startsWith(
        '[Run \\[x\\](javascript:alert(1)) \\*now\\* \\`ok\\` (MITRE Sub-technique)](https://glossary.example.net/terms/powershell/)',
      ),
    ).toBe(true);
  });

  test('the BibTeX key is letters and digits from the glossary and the slug', () => {
    expect(bibtexKey('Security Glossary', 'https://x.example/glossary/terms/t1059-001-powershell/')).toBe(
      'securityglossaryt1059001powershell',
    );
  });
});
