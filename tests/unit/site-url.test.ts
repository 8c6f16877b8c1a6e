import { describe, expect, test } from 'vitest';
import { siteUrlWarning } from '../../src/links/urls.ts';

describe('siteUrlWarning', () => {
  test.each([
    ['missing', {}],
    ['empty', { SITE_URL: '' }],
    ['blank', { SITE_URL: '  ' }],
    ['the example host', { SITE_URL: 'https://glossary.example.org' }],
    ['the example host with a path', { SITE_URL: 'https://glossary.example.org/glossary/' }],
    ['not a URL', { SITE_URL: 'glossary.acme.com' }],
  ])('warns when SITE_URL is %s, on one line, saying what it affects and how to fix it', (_, env) => {
    const warning = siteUrlWarning(env);
    expect(warning).toBeDefined();
    expect(warning).not.toContain('\n');
    expect(warning).toContain('SITE_URL');
    for (const affected of ['canonical URLs', 'citations', 'JSON exports', 'sitemap'])
      expect(warning).toContain(affected);
    expect(warning).toContain('SITE_URL=https://your.host npm run build');
  });

  test.each([
    'https://glossary.acme.com',
    'https://glossary.example.net/',
    'http://localhost:4321',
    'https://acme.com/security/glossary/',
  ])('is quiet for %s', (url) => {
    expect(siteUrlWarning({ SITE_URL: url })).toBeUndefined();
  });
});
