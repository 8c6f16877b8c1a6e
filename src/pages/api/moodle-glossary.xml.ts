import type { APIRoute } from 'astro';
import { exportLabels, packData } from '../../packs/pack-data.ts';
import { moodleGlossaryXml } from '../../packs/exports.ts';
import { UI } from '../../i18n/ui.ts';

// The whole glossary for Moodle's Glossary activity ("Import entries"); a pack's own file is made in the browser.
export const GET: APIRoute = ({ site }) =>
  new Response(
    moodleGlossaryXml(packData(site).terms, {
      name: UI['site.name'],
      intro: UI['site.tagline'],
      labels: exportLabels(),
    }),
    {
      headers: { 'Content-Type': 'application/xml; charset=utf-8' },
    },
  );
