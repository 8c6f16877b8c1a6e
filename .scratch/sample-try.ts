import { builtPages } from '../tests/helpers/site-pages.ts';
import { samplePages, templateOf } from '../tests/helpers/page-sample.ts';
const dist = '/work/main/dist';
const pages = builtPages(dist).filter((p) => !p.isRedirect).map((p) => p.path);
console.time('sample');
const s = samplePages(dist, pages);
console.timeEnd('sample');
console.log(pages.length, s.length, [...new Set(pages.map(templateOf))]);
console.log(s.join(' '));
