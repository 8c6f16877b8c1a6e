/**
 * Reads a `_headers` file the way Cloudflare Pages does, so the test server sends what that host would
 * (https://developers.cloudflare.com/pages/configuration/headers/, and `attachCustomHeaders` in
 * cloudflare/workers-sdk):
 * - a rule's pattern matches the path case-sensitively; `*` (one per rule) matches any characters, slashes
 *   included, and `:name` one path segment;
 * - every matching rule applies, in file order; a header that an earlier rule already set is appended, and
 *   repeated headers are sent joined with ", " (two Content-Security-Policy values joined so are two policies);
 * - `! Name` removes a header that earlier rules set.
 * `netlifyPattern` is Netlify's reading of the same patterns (@netlify/headers-parser, `getForRegExp`), for
 * tests that check the file means the same on both hosts.
 */
export interface HeaderRule {
  path: string;
  pattern: RegExp;
  set: [string, string][];
  remove: string[];
}

const escape = (text: string) => text.replace(/[/\\^$*+?.()|[\]{}]/g, '\\$&');

/** Cloudflare Pages: `*` is `(?<splat>.*)`, `:name` is `(?<name>[^/]+)`, anchored at both ends. */
export function cloudflarePattern(path: string): RegExp {
  const source = path
    .split('*')
    .map(escape)
    .join('(?<splat>.*)')
    .replace(/:([A-Za-z]\w*)/g, '(?<$1>[^/]+)');
  return new RegExp(`^${source}$`);
}

/** Netlify: per segment, `:name` is `([^/]+)`, a lone `*` matches the rest or nothing; case-insensitive, optional trailing slash. */
export function netlifyPattern(path: string): RegExp {
  const parts = path
    .split('/')
    .map((part) => part.trimEnd())
    .filter(Boolean)
    .map((part) =>
      part.startsWith(':')
        ? '([^/]+)'
        : part === '*'
          ? '?(.*)'
          : part.includes('*')
            ? part.replaceAll('*', '(.*)')
            : escape(part),
    );
  return new RegExp(`^/${parts.join('/')}/?$`, 'iu');
}

export function parseHeadersFile(text: string, compile: (path: string) => RegExp = cloudflarePattern): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    const body = line.trim();
    if (!body || body.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: body, pattern: compile(body), set: [], remove: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) continue;
    if (body.startsWith('!')) rule.remove.push(body.slice(1).trim().toLowerCase());
    else {
      const colon = body.indexOf(':');
      if (colon > 0) rule.set.push([body.slice(0, colon).trim().toLowerCase(), body.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

/** The rules whose pattern matches `pathname`, in file order. */
export function rulesFor(rules: readonly HeaderRule[], pathname: string): HeaderRule[] {
  return rules.filter((rule) => rule.pattern.test(pathname));
}

/** The headers Cloudflare Pages sends for `pathname` (lower-case names; repeated values joined with ", "). */
export function headersFor(rules: readonly HeaderRule[], pathname: string): Record<string, string> {
  const headers: Record<string, string> = {};
  const fromFile = new Set<string>();
  for (const rule of rulesFor(rules, pathname)) {
    for (const name of rule.remove) delete headers[name];
    for (const [name, value] of rule.set) {
      headers[name] = fromFile.has(name) && headers[name] !== undefined ? `${headers[name]}, ${value}` : value;
      fromFile.add(name);
    }
  }
  return headers;
}

/**
 * The headers Netlify sends for `pathname`: every matching rule in file order, a later rule's value of a header
 * replacing an earlier one's, and `! Name` lines ignored (@netlify/headers-parser and `headersForPath`).
 */
export function netlifyHeadersFor(rules: readonly HeaderRule[], pathname: string): Record<string, string> {
  return Object.assign({}, ...rulesFor(rules, pathname).map((rule) => Object.fromEntries(rule.set)));
}
