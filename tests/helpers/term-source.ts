/**
 * Builds term files for tests: a valid entry by default, with any frontmatter
 * field replaced or removed, so each test names only what it breaks.
 */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

export type Frontmatter = Record<string, unknown>;

export function validFrontmatter(slug: string, number: number, related: string[]): Frontmatter {
  const title = slug
    .split('-')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
  return {
    title,
    qualifier: 'Test Concept',
    number,
    category: 'defense-and-operations',
    summary: `${title} is a made-up term that exists only so the test suite has something realistic to check.`,
    aliases: [`${title} alias`],
    examples: [
      { title: 'A first example', body: `Someone runs \`${slug}.exe --check\` and the sensor records it.` },
      { title: 'A second example', body: 'An analyst spots the pattern in Event ID 4688 and opens a ticket.' },
    ],
    faq: [
      { question: `Which team owns ${title}?`, answer: 'Usually the detection team, because it writes the rules.' },
      {
        question: 'What does it cost to run?',
        answer: 'Mostly storage: every process start is one more event to keep.',
      },
      {
        question: 'Can it be switched off?',
        answer: 'Yes, by an administrator, which is why tampering is itself an alert.',
      },
      { question: 'Does it work on Linux?', answer: 'Through auditd rules on execve, with a different field layout.' },
    ],
    related: related.map((term) => ({ term, relation: 'see-also' })),
    sources: [{ title: 'NIST Computer Security Resource Center glossary', url: 'https://csrc.nist.gov/glossary' }],
    reviewed: '2026-11-01',
  };
}

/** Roughly 330 words of plain prose, enough for the body-length rule. */
export const VALID_BODY = [
  '## How it works',
  ...Array.from(
    { length: 30 },
    (_, i) => `Sentence ${i + 1} explains one more detail of the fixture term in plain words.`,
  ),
].join('\n\n');

/** A valid body that uses every body component once, for tests of what the compiled MDX renders. */
export const COMPONENTS_BODY = [
  VALID_BODY,
  'See <Term slug="beta-signal" /> and <Term slug="gamma-tool">the tool</Term>, "quoted", and [its FAQ](/terms/gamma-tool/#faq).',
  'It maps to <Attack id="T1059.001" /> and <Attack id="T1027.010" />.',
  '<Callout type="warning" title="Not a boundary">\n\nIt can be **bypassed**.\n\n</Callout>',
  '<Tabs>\n<Tab label="Windows">\n\nOne.\n\n</Tab>\n<Tab label="Linux">\n\nTwo.\n\n</Tab>\n</Tabs>',
  '```powershell\nGet-Process -Name "x" # list\n```',
  '<Detection format="kql" title="Encoded PowerShell">\n\n```kql\nT | where A < 3\n```\n\n</Detection>',
  '```text\nEventID=4688 <raw>\n```',
].join('\n\n');

export function termSource(frontmatter: Frontmatter, body = VALID_BODY): string {
  return `---\n${stringify(frontmatter)}---\n\n${body}\n`;
}

/** Writes term files (slug → source) into a fresh temporary folder and returns its path. */
export async function writeFixture(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'glossary-fixture-'));
  await mkdir(dir, { recursive: true });
  for (const [slug, source] of Object.entries(files)) await writeFile(join(dir, `${slug}.mdx`), source);
  return dir;
}

/** Four valid terms that all link to each other: the smallest glossary that builds. */
export const SMALL_GLOSSARY_SLUGS = ['alpha-control', 'beta-signal', 'gamma-tool', 'delta-tactic'] as const;

export function smallGlossary(): Record<string, string> {
  return Object.fromEntries(
    SMALL_GLOSSARY_SLUGS.map((slug, i) => [
      slug,
      termSource(
        validFrontmatter(
          slug,
          i + 1,
          SMALL_GLOSSARY_SLUGS.filter((s) => s !== slug),
        ),
      ),
    ]),
  );
}
