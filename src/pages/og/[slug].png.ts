import type { APIRoute } from 'astro';
import sharp from 'sharp';
import { terms, type Term } from '../../data/terms.ts';
import { ogImageSvg } from '../../lib/og-image.ts';
import { t } from '../../i18n/ui.ts';

export function getStaticPaths() {
  return terms.map((term) => ({ params: { slug: term.slug }, props: { term } }));
}

export const GET: APIRoute = async ({ props }) => {
  const { term } = props as { term: Term };
  const svg = ogImageSvg({ title: term.title, qualifier: term.qualifier, number: term.number, category: term.categoryInfo.name, site: t('site.name') });
  const png = await sharp(Buffer.from(svg)).png({ compressionLevel: 6 }).toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
