import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every HTML page of a built site as a URL path (`/terms/execution/`), Pagefind's own files excluded. */
export function builtPages(dist: string): { path: string; isRedirect: boolean }[] {
  const out: { path: string; isRedirect: boolean }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'pagefind' && entry.name !== '_astro') walk(full);
      } else if (entry.name.endsWith('.html')) {
        const rel = `/${relative(dist, full)}`.replace(/index\.html$/, '');
        out.push({ path: rel, isRedirect: readFileSync(full, 'utf8').includes('http-equiv="refresh"') });
      }
    }
  };
  walk(dist);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}
