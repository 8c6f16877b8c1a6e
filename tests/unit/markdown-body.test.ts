import { describe, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import { checkBody, type BodyContext } from '../../src/markdown/body.ts';
import { isReservedAnchor } from '../../src/markdown/anchors.ts';
import {
  CODE_LANGUAGES,
  COMPONENTS,
  COMPONENT_ID_PREFIXES,
  COMPONENT_NAMES,
  type ComponentSpec,
} from '../../src/markdown/body-components/registry.ts';
import { componentTable, withComponentTable } from '../../src/markdown/body-components/guide-table.ts';
import { inlineMarkdown, inlineProblems } from '../../src/markdown/inline.ts';
import { findMentions, nameIndex } from '../../src/markdown/mentions.ts';

const terms = new Map([
  ['persistence', { title: 'Persistence' }],
  ['powershell', { title: 'PowerShell', attackId: 'T1059.001' }],
  ['amsi', { title: 'AMSI' }],
]);
const ctx = (extra: Partial<BodyContext> = {}): BodyContext => ({ terms, slug: 'sample', ...extra });
const problems = (source: string) => checkBody(source, ctx()).problems;

describe('checkBody reads what the page around the body needs', () => {
  test('headings with their anchors, for the table of contents, and the entries the body links to, for "Referenced by"', () => {
    const result = checkBody('## How it works\n\nUses <Term slug="amsi" /> and [PS](/terms/powershell/).', ctx());
    expect(result.problems).toEqual([]);
    expect(result.headings).toEqual([{ depth: 2, slug: 'how-it-works', text: 'How it works' }]);
    expect(result.mentions).toEqual(['amsi', 'powershell']);
  });

  test('heading text is typographic, as the compiled heading is', () => {
    expect(checkBody('## Why "living" off the land', ctx()).headings).toEqual([
      { depth: 2, slug: 'why-living-off-the-land', text: 'Why “living” off the land' },
    ]);
  });

  test('frontmatter prose is typographic too', () => {
    expect(inlineMarkdown('"quoted" and `"code"`')).toBe('“quoted” and <code>"code"</code>');
  });
});

describe('the component registry', () => {
  test('every component the check accepts has an example that passes the check', () => {
    for (const name of COMPONENT_NAMES) {
      const spec = COMPONENTS[name] as ComponentSpec;
      const example = spec.example;
      const wrapped = spec.parent ? `<${spec.parent}>\n${example}\n${example}\n</${spec.parent}>` : example;
      expect(checkBody(wrapped, ctx()).problems, name).toEqual([]);
    }
  });

  test('the ids components give their parts are anchors body headings may not take', () => {
    for (const prefix of COMPONENT_ID_PREFIXES) expect(isReservedAnchor(`${prefix}1`), prefix).toBe(true);
    expect(problems('## Callout 1')).toContainEqual(expect.objectContaining({ field: 'body heading' }));
  });

  test("the content guide's component table and language list are the registry's (npm run docs:components writes them)", async () => {
    const guide = await readFile(new URL('../../docs/content-guide.md', import.meta.url), 'utf8');
    expect(withComponentTable(guide)).toBe(guide);
    expect(guide).toContain(componentTable());
    for (const language of Object.keys(CODE_LANGUAGES)) expect(guide, language).toContain(`\`${language}\``);
  });

  test("the compiler's code block is not a component authors can write", () => {
    expect(problems('<CodeBlock lang="kql" />')).toContainEqual(
      expect.objectContaining({ found: 'the unknown component <CodeBlock>' }),
    );
  });
});

describe('checkBody rejects what it cannot render safely, naming the line, component and prop', () => {
  test.each<[string, string, { line: number; field: string; expected?: string; found: string; hint?: string }]>([
    [
      'an unknown component',
      'Text.\n\n<Trem slug="amsi" />',
      { line: 3, field: 'body', found: 'the unknown component <Trem>', hint: 'did you mean "Term"?' },
    ],
    ['a raw HTML element', '<div>x</div>', { line: 1, field: 'body', found: 'the unknown component <div>' }],
    [
      'a slug that does not exist',
      '<Term slug="persistance" />',
      { line: 1, field: '<Term> prop "slug"', found: '"persistance"', hint: 'did you mean "persistence"?' },
    ],
    [
      'a link to the term itself',
      '<Term slug="sample" />',
      { line: 1, field: '<Term> prop "slug"', found: '"sample"' },
    ],
    [
      'a wrong enum value',
      '<Callout type="warn" title="x">\n\ny\n\n</Callout>',
      {
        line: 1,
        field: '<Callout> prop "type"',
        expected: 'one of "note", "tip", "warning"',
        found: '"warn"',
        hint: 'did you mean "warning"?',
      },
    ],
    [
      'a missing prop',
      '<Callout type="note">\n\ny\n\n</Callout>',
      { line: 1, field: '<Callout> prop "title"', expected: 'a value (the prop is required)', found: 'nothing' },
    ],
    [
      'an unknown prop',
      '<Term slug="amsi" titel="x" />',
      { line: 1, field: '<Term> prop "titel"', found: 'the unknown prop "titel"' },
    ],
    [
      'an expression as a prop',
      '<Term slug={"amsi"} />',
      { line: 1, field: '<Term> prop "slug"', expected: 'a literal value in double quotes', found: 'an {expression}' },
    ],
    ['a spread of props', '<Term {...props} />', { line: 1, field: '<Term>', found: 'a {…spread} of props' }],
    ['an expression in prose', 'One {1 + 1} two', { line: 1, field: 'body', found: '{1 + 1}' }],
    [
      'an import line',
      'import X from "./x.astro"\n\nText.',
      { line: 1, field: 'body', found: '"import X from "./x.astro""' },
    ],
    [
      'a Tab outside Tabs',
      '<Tab label="Windows">\n\nx\n\n</Tab>',
      { line: 1, field: '<Tab>', found: '<Tab> on its own' },
    ],
    [
      'Tabs with one Tab',
      '<Tabs>\n<Tab label="A">\n\nx\n\n</Tab>\n</Tabs>',
      { line: 1, field: '<Tabs>', found: '1 <Tab> and 0 other items' },
    ],
    [
      'a Detection without a code block',
      '<Detection format="kql" title="x">\n\nText only.\n\n</Detection>',
      { line: 1, field: '<Detection>', found: '1 item that are not code blocks' },
    ],
    [
      'a Detection whose code is in another language',
      '<Detection format="sigma" title="x">\n\n```kql\nx\n```\n\n</Detection>',
      { line: 3, field: 'code block', found: '```kql' },
    ],
    ['a code block without a language', '```\nwhoami /all\n```', { line: 1, field: 'code block', found: 'none' }],
    [
      'an unknown language',
      '```powershel\nx\n```',
      { line: 1, field: 'code block', found: '"powershel"', hint: 'did you mean "powershell"?' },
    ],
    [
      'a heading that takes a page anchor',
      '## Examples',
      {
        line: 1,
        field: 'body heading',
        found: '"Examples", whose anchor is #examples: the page already uses #examples',
      },
    ],
    [
      'a heading that takes the anchor of the page\'s "Use in training" section',
      '## Use in training',
      {
        line: 1,
        field: 'body heading',
        found: '"Use in training", whose anchor is #use-in-training: the page already uses #use-in-training',
      },
    ],
    [
      'a heading that takes an FAQ anchor',
      '## FAQ about it',
      {
        line: 1,
        field: 'body heading',
        found:
          '"FAQ about it", whose anchor is #faq-about-it: anchors starting "#faq-" are reserved for the page\'s own FAQ answers',
      },
    ],
    ['two headings with one anchor', '## Logs\n\n## Logs', { line: 3, field: 'body heading', found: '"Logs" twice' }],
    [
      'two wordings with one anchor',
      '## C++ logs\n\n## C logs',
      { line: 3, field: 'body heading', found: '"C logs", whose anchor #c-logs "C++ logs" already has' },
    ],
    [
      'a syntax error',
      'Text <https://example.org> text',
      { line: 1, field: 'body', found: expect.stringContaining('a syntax error') as unknown as string },
    ],
  ])('%s', (_name, source, expected) => {
    expect(problems(source)).toContainEqual(expect.objectContaining(expected));
  });

  test.each([
    ['javascript:alert(1)', 'the "javascript:" scheme'],
    ['&#106;avascript:alert(1)', 'the "javascript:" scheme'],
    ['java&#x09;script:alert(1)', 'the "javascript:" scheme'],
    ['data:text/html,hi', 'the "data:" scheme'],
    ['vbscript:x', 'the "vbscript:" scheme'],
    ['//evil.example/x', 'a protocol-relative URL'],
    ['terms/amsi/', 'a relative path'],
  ])('the link policy rejects %s in links, images and reference definitions', (url, found) => {
    for (const source of [`[a](${url})`, `![a](${url})`, `[a][r]\n\n[r]: ${url}`]) {
      expect(problems(source)).toContainEqual(expect.objectContaining({ found: expect.stringContaining(found) }));
    }
  });

  test('a plain link to a term that does not exist is rejected with a suggestion', () => {
    expect(problems('[x](/terms/persistance/)')).toContainEqual(
      expect.objectContaining({ found: '"/terms/persistance/"', hint: 'did you mean "persistence"?' }),
    );
  });

  test.each(['https://learn.microsoft.com/x', 'mailto:team@example.org', '/attack/T1059/', '#how-it-works'])(
    'the link policy allows %s',
    (url) => {
      expect(problems(`[a](${url})`)).toEqual([]);
    },
  );
});

describe('frontmatter prose follows the same link policy', () => {
  test('javascript: links are reported and never rendered as links', () => {
    expect(inlineProblems('[x](javascript:alert(1))', [])).toEqual([
      expect.objectContaining({ found: expect.stringContaining('"javascript:"') }),
    ]);
    expect(inlineMarkdown('[x](javascript:alert(1))')).toBe('x');
  });

  test('raw HTML is shown as text', () => {
    expect(inlineMarkdown('<img src=x onerror=alert(1)> <!-- c -->')).toBe(
      '&#x3C;img src=x onerror=alert(1)> &#x3C;!-- c -->',
    );
  });

  // What an example or FAQ answer renders is inserted as HTML (set:html in ExampleList and FaqList): whatever the
  // content check would let through or not, the renderer alone must never produce markup beyond these tags.
  const ALLOWED_TAGS = /^<\/?(?:code|strong|em|del|a)(?:\s+(?:href|title)="[^"]*")*>$/;
  test.each([
    ['an <img onerror>', 'Look: <img src=x onerror="window.__pwned=1">.'],
    ['a <script>', 'Before <script>window.__pwned=1</script> after.'],
    ['a javascript: link', 'Click [here](javascript:window.__pwned=1) now.'],
    ['a javascript: link written as a reference', 'Click [here][x] now.\n\n[x]: javascript:window.__pwned=1'],
    ['a javascript: link in angle brackets', 'Open <javascript:window.__pwned=1> now.'],
    ['a javascript: link hidden by a character reference', 'Click [here](java&#115;cript:window.__pwned=1).'],
    ['a data: link', 'Click [here](data:text/html,<script>window.__pwned=1</script>).'],
    ['an image', 'See ![a pixel](https://evil.example/p.png?c=1) here.'],
    ['an image pointing at script', 'See ![a pixel](javascript:window.__pwned=1) here.'],
    ['an HTML comment', 'Hidden <!-- <script>window.__pwned=1</script> --> text.'],
    ['an HTML block', '<div onclick="window.__pwned=1">\n\nText\n\n</div>'],
    ['an event handler in a list', '- <details open ontoggle="window.__pwned=1">'],
    ['a fenced code block', '```html\n<script>window.__pwned=1</script>\n```'],
  ])('%s renders as text, never as markup', (_, text) => {
    const html = inlineMarkdown(text);
    for (const tag of html.match(/<[^>]*>/g) ?? []) expect(tag).toMatch(ALLOWED_TAGS);
    expect(html).not.toMatch(/href="(?!https?:|mailto:|\/|#)/i);
    expect(html).not.toMatch(/<(?:img|script|div|details|li|pre|p)\b/i);
  });

  test('shows hostile markup to the reader as the text that was written', () => {
    expect(inlineMarkdown('A <script>alert(1)</script> tag.')).toBe('A &#x3C;script>alert(1)&#x3C;/script> tag.');
    expect(inlineMarkdown('Hidden <!-- note --> text.')).toBe('Hidden &#x3C;!-- note --> text.');
    expect(inlineMarkdown('Click [here][x].\n\n[x]: javascript:alert(1)')).toBe('Click here.');
    expect(inlineMarkdown('See ![the diagram](/diagram.png).')).toBe('See the diagram.');
    expect(inlineMarkdown('Read [the docs][d].\n\n[d]: https://example.org/')).toBe(
      'Read <a href="https://example.org/">the docs</a>.',
    );
  });

  test('links to missing terms are reported when the slugs are known', () => {
    expect(inlineProblems('[x](/terms/nope/)', ['amsi'])).toHaveLength(1);
    expect(inlineProblems('[x](/terms/amsi/)', ['amsi'])).toEqual([]);
  });
});

describe('findMentions', () => {
  const index = nameIndex([
    { slug: 'impact', title: 'Impact', aliases: ['TA0040'] },
    { slug: 'cli', title: 'Command and Scripting Interpreter', aliases: ['T1059'] },
    { slug: 'ps', title: 'PowerShell', aliases: ['powershell.exe'] },
  ]);

  test.each<[string, string[]]>([
    ['Attackers reach Impact late.', ['Impact']],
    ['Impact assessments start early.', []],
    ['the Command and Scripting Interpreter technique', ['Command and Scripting Interpreter']],
    ['Command, and Scripting Interpreter', []],
    ['it starts powershell.exe, then PowerShell.', ['powershell.exe', 'PowerShell']],
    ['see T1059 and T1059.001', ['T1059']],
    ['powershell in lower case', []],
  ])('in "%s" finds %j', (text, expected) => {
    expect(findMentions(text, index).map((m) => m.text)).toEqual(expected);
  });

  test('checkBody warns about the first unlinked mention of each other entry, not later ones or linked ones', () => {
    const result = checkBody(
      'It runs AMSI checks. AMSI again. Then <Term slug="powershell" /> and PowerShell.\n\n## PowerShell',
      ctx({ names: nameIndex([...terms].map(([slug, t]) => ({ slug, title: t.title, aliases: [] }))) }),
    );
    expect(result.unlinked).toEqual([{ line: 1, slug: 'amsi', text: 'AMSI' }]);
  });
});
