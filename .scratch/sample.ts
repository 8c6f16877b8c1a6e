import { builtPages } from '../tests/helpers/site-pages.ts';
import { samplePages } from '../tests/helpers/page-sample.ts';
const pages = builtPages('dist').filter((p) => !p.isRedirect).map((p) => p.path);
const s = samplePages('dist', pages);
console.log(pages.length, s.length, s.join(' '));
