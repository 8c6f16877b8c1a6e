/**
 * The one set of Markdown settings for every piece of prose in an entry: the
 * MDX body and the inline Markdown of examples and FAQ answers. Bodies and
 * answers used to go through two engines and came out with different quotes.
 */
import type { Features } from 'satteri';

export const MARKDOWN_FEATURES: Features = {
  gfm: { footnotes: false },
  smartPunctuation: true,
  frontmatter: false,
};

/**
 * Fence languages authors may use, with the label readers see and the
 * highlight.js grammar that colours them (none: shown plain, still labelled).
 */
export const CODE_LANGUAGES: Readonly<Record<string, { label: string; grammar?: string }>> = {
  powershell: { label: 'PowerShell', grammar: 'powershell' },
  bash: { label: 'Bash', grammar: 'bash' },
  sh: { label: 'Shell', grammar: 'bash' },
  zsh: { label: 'zsh', grammar: 'bash' },
  cmd: { label: 'Command Prompt', grammar: 'dos' },
  kql: { label: 'KQL' },
  spl: { label: 'SPL' },
  yaml: { label: 'YAML', grammar: 'yaml' },
  yara: { label: 'YARA' },
  json: { label: 'JSON', grammar: 'json' },
  xml: { label: 'XML', grammar: 'xml' },
  python: { label: 'Python', grammar: 'python' },
  javascript: { label: 'JavaScript', grammar: 'javascript' },
  applescript: { label: 'AppleScript', grammar: 'applescript' },
  vb: { label: 'VBA', grammar: 'vbnet' },
  vbscript: { label: 'VBScript', grammar: 'vbscript' },
  csharp: { label: 'C#', grammar: 'csharp' },
  c: { label: 'C', grammar: 'c' },
  sql: { label: 'SQL', grammar: 'sql' },
  lua: { label: 'Lua', grammar: 'lua' },
  text: { label: 'Text' },
};

/** Link targets allowed in prose: the web, mail, and pages of this site. */
export function linkProblem(url: string): string | undefined {
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"), so strip them before looking.
  const bare = url.replace(/[\u0000-\u0020\u007f]+/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(bare)?.[1];
  if (scheme) return ['http', 'https', 'mailto'].includes(scheme) ? undefined : `the "${scheme}:" scheme`;
  if (bare.startsWith('//')) return 'a protocol-relative URL';
  if (bare.startsWith('/') || bare.startsWith('#')) return undefined;
  return 'a relative path';
}

export const LINK_POLICY = 'an http(s) or mailto: URL, or a site path starting with "/"';

/** The slug of a `/terms/<slug>/` link, which must name an existing entry. */
export function termPathSlug(url: string): string | undefined {
  return /^\/terms\/([^/#?]+)\/?(?:[#?].*)?$/.exec(url)?.[1];
}
