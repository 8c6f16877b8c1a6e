import type { AstroIntegration } from 'astro';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiTerm } from '../catalog/api.ts';
import { ATTACK_TEMPLATE, TEMPLATE, embedCardOf, stamp, trainingPageOf } from '../catalog/stamped-pages.ts';
import { checkContentDir } from '../entries/check-content.ts';
import { contentDir } from '../entries/term-file.ts';
import { absolute, urls } from '../links/urls.ts';
import { CATEGORIES } from '../schemas/vocabulary.ts';

/**
 * Writes each term's embed card, training page, catalog-number redirect, former-slug redirects and JSON record after `astro build`,
 * from the pages Astro rendered once as templates and the entries the content check already holds
 * (catalog/stamped-pages.ts says why). The files are the ones the routes write under `astro dev`.
 */
export function stampedPages(): AstroIntegration {
  let root = '';
  let base = '/';
  let site: string | undefined;
  return {
    name: 'glossary:stamped-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        base = config.base;
        site = config.site;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        // The same call as the loader's and the og-images integration's: the checked pass is cached, not redone.
        const { entries } = await checkContentDir(contentDir(), root, { base });
        const template = (path: string) => readFile(join(out, path, 'index.html'), 'utf8');
        const templates = [`embed/${TEMPLATE}`, `embed/${ATTACK_TEMPLATE}`, `n/${TEMPLATE}`, `terms/${TEMPLATE}/training`, `terms/${ATTACK_TEMPLATE}/training`];
        const [plainCard, attackCard, redirect, plainTraining, attackTraining] = await Promise.all(templates.map(template));
        await Promise.all([`embed/${TEMPLATE}`, `embed/${ATTACK_TEMPLATE}`, `n/${TEMPLATE}`, `terms/${TEMPLATE}`, `terms/${ATTACK_TEMPLATE}`].map((path) => rm(join(out, path), { recursive: true })));

        const categoryBySlug = new Map(CATEGORIES.map((c) => [c.slug, c]));
        await mkdir(join(out, 'api/terms'), { recursive: true });
        const pages: [string, string][] = [];
        for (const { slug, data, body } of entries) {
          const card = embedCardOf({ slug, ...data });
          pages.push([`embed/${slug}`, stamp(card.attackId ? attackCard! : plainCard!, card)]);
          const training = trainingPageOf({ slug, ...data, headings: body.headings }, { site, base });
          pages.push([`terms/${slug}/training`, stamp(training.attackId ? attackTraining! : plainTraining!, training)]);
          const to = stamp(redirect!, { slug, title: data.title });
          pages.push([`n/${data.number}`, to]);
          for (const old of data.redirectFrom) pages.push([`terms/${old}`, to]);
        }
        // A plain mkdir per page (their parents exist): the recursive one Astro makes per page showed up in profiles.
        const writes = [
          ...pages.map(([path, html]) => () => mkdir(join(out, path)).then(() => writeFile(join(out, path, 'index.html'), html))),
          ...entries.map(({ slug, data }) => () => {
            const record = apiTerm({ ...data, slug, categoryInfo: categoryBySlug.get(data.category)! }, absolute(urls.term(slug, base), site));
            return writeFile(join(out, 'api/terms', `${slug}.json`), JSON.stringify(record));
          }),
        ];
        await inParallel(writes, 32);
        logger.info(`Wrote ${entries.length} embed cards, ${entries.length} training pages, ${pages.length - 2 * entries.length} redirects and ${entries.length} JSON records.`);
      },
    },
  };
}

/** Runs the tasks at most `limit` at a time: 15,000 files at once would run out of file handles. */
async function inParallel(tasks: (() => Promise<unknown>)[], limit: number): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) await tasks[next++]!();
  };
  await Promise.all(Array.from({ length: limit }, lane));
}
