/**
 * Reads a `_headers` file (the format Netlify and Cloudflare Pages use) so the
 * test server sends what a real static host would: rules are URL patterns
 * with `*` wildcards, every matching rule adds its headers, `! Name` removes one.
 */
export interface HeaderRule {
  pattern: RegExp;
  set: [string, string][];
  remove: string[];
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const escaped = line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${escaped}$`), set: [], remove: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) continue;
    const body = line.trim();
    if (body.startsWith('!')) rule.remove.push(body.slice(1).trim().toLowerCase());
    else {
      const colon = body.indexOf(':');
      rule.set.push([body.slice(0, colon).trim().toLowerCase(), body.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

export function headersFor(rules: readonly HeaderRule[], pathname: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    if (!rule.pattern.test(pathname)) continue;
    for (const name of rule.remove) delete headers[name];
    for (const [name, value] of rule.set) headers[name] = value;
  }
  return headers;
}
