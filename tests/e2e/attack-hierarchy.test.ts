import { describe, expect, inject, test } from 'vitest';
import { load } from 'cheerio';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { attackObject, subTechniquesOf, techniquesOfTactic } from '../../src/attack/data.ts';

const dist = inject('distDir');
const page = async (slug: string) => load(await readFile(join(dist, 'terms', slug, 'index.html'), 'utf8'));
const text = (s: string) => s.replace(/\s+/g, ' ').trim();

// Expectations come from MITRE's data, as the pages do: the test fails if a page hand-writes or drops a level.
describe('ATT&CK hierarchy on term pages', () => {
  test('a tactic page lists every technique of the tactic in the data, sub-techniques under their parent, with coverage', async () => {
    const $ = await page('execution');
    const section = $('#in-attack').closest('section');
    expect(text(section.find('h2').first().text())).toBe('Techniques in this tactic');
    // Each technique's row, with its sub-techniques listed inside it in the data's order.
    const ids = section
      .find('tbody code')
      .map((_, c) => $(c).text())
      .get();
    const expected = techniquesOfTactic('TA0002').flatMap(({ technique, subTechniques }) => [
      technique.id,
      ...subTechniques.map((s) => s.id),
    ]);
    expect(ids).toEqual(expected);
    const covered = section.find('tbody a[href^="/terms/"]').length;
    expect(text(section.find('caption').text())).toBe(
      `${covered} of ${expected.length} techniques and sub-techniques have entries in this glossary`,
    );
    // Execution is fully covered; Persistence is not: techniques without an entry lead to MITRE's page, marked.
    const persistence = (await page('persistence'))('#in-attack').closest('section');
    const external = persistence.find('a[rel="external"]').first();
    expect(external.attr('href')).toMatch(/^https:\/\/attack\.mitre\.org\/techniques\//);
    expect(external.text()).toContain('(on attack.mitre.org)');
    // The section comes before the examples, not at the bottom of the page.
    const html = $.html();
    expect(html.indexOf('id="in-attack"')).toBeLessThan(html.indexOf('id="examples"'));
  });

  test('a sub-technique page names its parent and its tactic, and its breadcrumb follows the hierarchy', async () => {
    const $ = await page('powershell');
    const section = text($('#in-attack').closest('section').text());
    const self = attackObject('T1059.001')!;
    const parent = attackObject(self.parent!)!;
    expect(section).toContain(`Sub-technique of ${parent.name} (${parent.id})`);
    expect(section).toContain('Execution (TA0002)');
    const crumbs = $('nav.breadcrumb li')
      .map((_, li) => text($(li).text()))
      .get();
    expect(crumbs).toEqual(['Home', 'ATT&CK', 'Execution', parent.name, 'PowerShell']);
    expect(
      $('nav.breadcrumb a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['/', '/attack/', '/terms/execution/', '/terms/command-and-scripting-interpreter/']);
  });

  test('a technique page lists its tactics and its sub-techniques from the data', async () => {
    const $ = await page('command-and-scripting-interpreter');
    const section = $('#in-attack').closest('section');
    const ids = section
      .find('tbody code')
      .map((_, c) => $(c).text())
      .get();
    expect(ids).toEqual(
      subTechniquesOf('T1059')
        .filter((s) => !s.revoked && !s.deprecated)
        .map((s) => s.id),
    );
    expect(section.find('a[href="/terms/powershell/"]').length).toBe(1);
  });

  test('"Referenced by" does not repeat terms the hierarchy already shows', async () => {
    const $ = await page('execution');
    const inHierarchy = new Set(
      $('#in-attack')
        .closest('section')
        .find('a[href^="/terms/"]')
        .map((_, a) => $(a).attr('href'))
        .get(),
    );
    const referencing = $('#referenced-by')
      .closest('section')
      .find('a.card')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(referencing.filter((href) => inHierarchy.has(href))).toEqual([]);
  });
});
