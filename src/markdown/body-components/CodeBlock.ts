/**
 * Fenced code blocks: the languages authors may name, the label readers see, and the Prism grammar that colours
 * them (none: shown plain, still labelled). Prism emits classes only, so colours come from the stylesheet and the
 * strict Content-Security-Policy (no inline styles) holds.
 */
export const CODE_LANGUAGES: Readonly<Record<string, { label: string; grammar?: string }>> = {
  powershell: { label: 'PowerShell', grammar: 'powershell' },
  bash: { label: 'Bash', grammar: 'bash' },
  sh: { label: 'Shell', grammar: 'bash' },
  zsh: { label: 'zsh', grammar: 'bash' },
  cmd: { label: 'Command Prompt', grammar: 'batch' },
  kql: { label: 'KQL', grammar: 'kusto' },
  spl: { label: 'SPL', grammar: 'splunk-spl' },
  yaml: { label: 'YAML', grammar: 'yaml' },
  yara: { label: 'YARA' },
  json: { label: 'JSON', grammar: 'json' },
  xml: { label: 'XML', grammar: 'markup' },
  python: { label: 'Python', grammar: 'python' },
  javascript: { label: 'JavaScript', grammar: 'javascript' },
  applescript: { label: 'AppleScript', grammar: 'applescript' },
  vb: { label: 'VBA', grammar: 'visual-basic' },
  vbscript: { label: 'VBScript', grammar: 'visual-basic' },
  csharp: { label: 'C#', grammar: 'csharp' },
  c: { label: 'C', grammar: 'c' },
  sql: { label: 'SQL', grammar: 'sql' },
  lua: { label: 'Lua', grammar: 'lua' },
  text: { label: 'Text' },
};

/** The fence's language as the reader's label and the grammar's name; an unknown one (the check rejects it) is shown plain. */
export function codeLanguage(fence: string | null | undefined): {
  fence: string;
  label: string;
  grammar?: string | undefined;
} {
  const key = (fence ?? 'text').toLowerCase();
  const known = Object.hasOwn(CODE_LANGUAGES, key) ? CODE_LANGUAGES[key] : undefined;
  return { fence: key, label: known?.label ?? key, grammar: known?.grammar };
}
