/**
 * A static file server for the built site that behaves like a plain static
 * host: `dir/` serves `dir/index.html`, `dir` redirects to `dir/`, and a
 * missing file gets the nearest `404.html` up the folder tree with status 404. Like Cloudflare Pages, it
 * sends the headers of every `_headers` rule that matches a path, repeated
 * headers joined with a comma (./headers-file.ts), and does not serve the
 * `_headers` file itself.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { headersFor, parseHeadersFile } from './headers-file.ts';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

async function isDir(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** Cloudflare Pages' not-found page: the `404.html` in the asked-for folder or the closest one above it. */
async function nearestNotFound(root: string, relative: string): Promise<string> {
  // The folder asked for: `a/b/` is folder a/b, `a/b` (a file) is in folder a.
  const parts = relative.split('/').slice(1, -1).filter(Boolean);
  for (let depth = parts.length; depth > 0; depth--) {
    const candidate = join(root, ...parts.slice(0, depth), '404.html');
    if (await isFile(candidate)) return candidate;
  }
  return join(root, '404.html');
}

export interface ServeOptions {
  /** Serve the site under this path (`/glossary/`). */
  base?: string;
  /** Content types to use instead of the usual ones, by extension (`{ '.html': 'text/html' }`: no charset). */
  types?: Record<string, string>;
}

/**
 * A file's bytes, gzipped when asked, compressed once per version of the file: the tests load the same pages,
 * scripts and pack data hundreds of times, and compressing each response anew took whole seconds of the one CPU
 * the test runner shares with Chromium. Keyed by modification time and size, so a rebuilt file is read afresh.
 */
const compressed = new Map<string, Buffer>();
async function contents(path: string, gzip: boolean): Promise<Buffer> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return Buffer.from('Not found');
  if (!gzip) return readFile(path);
  const key = `${path}\0${info.mtimeMs}\0${info.size}`;
  let body = compressed.get(key);
  if (!body) compressed.set(key, (body = gzipSync(await readFile(path))));
  return body;
}

export async function serveDir(root: string, { base = '/', types = {} }: ServeOptions = {}): Promise<RunningServer> {
  const headersFile = join(root, '_headers');
  // Read at the first request, not here: the tests start the server while the site is still being built.
  let site: { rules: ReturnType<typeof parseHeadersFile>; mounted: boolean } | undefined;
  const headerRules = () => {
    if (site) return site;
    if (!existsSync(headersFile)) return { rules: [], mounted: base !== '/' };
    const rules = parseHeadersFile(readFileSync(headersFile, 'utf8'));
    // A site built for the base path has rules under it and they match the whole path, as on a real host; a site
    // built for "/" and mounted under a base here gets its rules matched below the base.
    return (site = { rules, mounted: base !== '/' && !rules.some((rule) => rule.path.startsWith(base)) });
  };
  const server: Server = createServer(async (req, res) => {
    const { rules, mounted } = headerRules();
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname = decodeURIComponent(url.pathname);
    if (!pathname.startsWith(base)) pathname = '/__outside_base__';
    const relative = normalize(pathname.slice(base.length - 1)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, relative);
    if (await isDir(file)) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${pathname}/${url.search}` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    const found = relative !== '/_headers' && (await isFile(file));
    const path = found ? file : await nearestNotFound(root, relative);
    const type = types[extname(path)] ?? TYPES[extname(path)] ?? 'application/octet-stream';
    // Compress text as every real static host does, so page-weight and Lighthouse figures are realistic.
    const gzip = /gzip/.test(String(req.headers['accept-encoding'])) && /text|json|javascript|xml|svg/.test(type);
    const body = await contents(path, gzip);
    res.writeHead(found ? 200 : 404, {
      ...headersFor(rules, mounted ? pathname.slice(base.length - 1) : pathname),
      'Content-Type': type,
      ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The static server did not get a port.');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // A browser tab still showing a page from here keeps its connection open, and close() alone would wait for
        // it; the browser tests keep their tabs open from one test file to the next.
        server.closeAllConnections();
      }),
  };
}
