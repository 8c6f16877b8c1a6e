import { close, createIndex } from 'pagefind';

/**
 * Indexes a built site with Pagefind. Only term pages carry
 * `data-pagefind-body`, so only they are read; weights and metadata are set in
 * their markup.
 */
export async function indexSite(outDir: string): Promise<number> {
  try {
    const { index, errors: createErrors } = await createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not start: ${createErrors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir, glob: 'terms/*/index.html' });
    if (added.errors.length) throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
    if (added.page_count === 0) throw new Error(`Pagefind found no term pages in ${outDir}.`);
    const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
    if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await close();
  }
}
