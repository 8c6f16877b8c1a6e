import type { AstroIntegration } from 'astro';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiTerm } from '../catalog/api.ts';
import {
  ATTACK_TEMPLATE,
  TEMPLATE,
  attackPages,
  embedCardOf,
  stamp,
  trainingPageOf,
} from '../catalog/stamped-pages.ts';
import { checkContentDir } from '../entries/check-content.ts';
import { contentDir } from '../entries/term-file.ts';
import { absolute, urls } from '../links/urls.ts';
import { CATEGORIES } from '../schemas/vocabulary.ts';

/**
 * Writes each term's embed card, training page, catalog-number redirect, former-slug redirects and JSON record, and the pages under
 * `/attack/<ID>/`, after `astro build`, from the pages Astro rendered once as templates and the entries the content
 * check already holds (catalog/stamped-pages.ts says why). The files are the ones the routes write under `astro dev`.
 * Pagefind runs after this (scripts/build.ts), but indexes term pages only.
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
        // A template is not a page of the site: read, then removed (with the folder it made, `folder`).
        const template = async (path: string, folder = path) => {
          const html = await readFile(join(out, path, 'index.html'), 'utf8');
          await rm(join(out, folder), { recursive: true });
          return html;
        };
        const [plainCard, attackCard, redirect, idStub, plainTraining, attackTraining] = await Promise.all([
          template(`embed/${TEMPLATE}`),
          template(`embed/${ATTACK_TEMPLATE}`),
          template(`n/${TEMPLATE}`),
          template(`attack/${TEMPLATE}`),
          template(`terms/${TEMPLATE}/training`, `terms/${TEMPLATE}`),
          template(`terms/${ATTACK_TEMPLATE}/training`, `terms/${ATTACK_TEMPLATE}`),
        ]);

        const categoryBySlug = new Map(CATEGORIES.map((c) => [c.slug, c]));
        await mkdir(join(out, 'api/terms'), { recursive: true });
        const pages: [string, string][] = [];
        for (const { slug, data, body } of entries) {
          const card = embedCardOf({ slug, ...data });
          pages.push([`embed/${slug}`, stamp(card.attackId ? attackCard : plainCard, card)]);
          const training = trainingPageOf({ slug, ...data, headings: body.headings }, { site, base });
          pages.push([`terms/${slug}/training`, stamp(training.attackId ? attackTraining : plainTraining, training)]);
          const to = stamp(redirect, { slug, title: data.title });
          pages.push([`n/${data.number}`, to]);
          for (const old of data.redirectFrom) pages.push([`terms/${old}`, to]);
        }
        const redirects = pages.length - 2 * entries.length;
        const attack = attackPages(
          entries.map(({ slug, data }) => ({ slug, ...data })),
          { redirect, idStub },
          base,
        );
        // Forms with a slash (`attack/T1059/001`) go in the folder of another page, written first.
        const nested = attack.filter(([path]) => path.split('/').length > 2);
        pages.push(...attack.filter(([path]) => path.split('/').length === 2));
        // A plain mkdir per page (their parents exist): the recursive one Astro makes per page showed up in profiles.
        const writes = [
          ...pages.map(
            ([path, html]) =>
              () =>
                mkdir(join(out, path)).then(() => writeFile(join(out, path, 'index.html'), html)),
          ),
          ...entries.map(({ slug, data }) => () => {
            const record = apiTerm(
              { ...data, slug, categoryInfo: categoryBySlug.get(data.category)! },
              absolute(urls.term(slug, base), site),
            );
            return writeFile(join(out, 'api/terms', `${slug}.json`), JSON.stringify(record));
          }),
        ];
        await inParallel(writes, 32);
        await inParallel(
          nested.map(
            ([path, html]) =>
              () =>
                mkdir(join(out, path), { recursive: true }).then(() => writeFile(join(out, path, 'index.html'), html)),
          ),
          32,
        );
        logger.info(
          `Wrote ${entries.length} embed cards, ${entries.length} training pages, ${redirects} redirects, ${attack.length} ATT&CK ID pages and ${entries.length} JSON records.`,
        );
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
