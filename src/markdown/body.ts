/**
 * Checks a term body before anything compiles it: parses the MDX with the parser `@astrojs/mdx` uses (Sätteri,
 * with the same features), and checks every component, prop, link and heading against the glossary's rules and
 * the component registry (markdown/body-components/registry.ts), reporting every problem with its line. A compiler stops at
 * its first error and names no prop; this reads the parser's nodes and their positions, so the content check,
 * `npm run check` and `astro dev` list them all. A body that passes compiles: MDX with nothing but the
 * registry's components and literal props.
 */
import type { Code, Nodes, Parents, Root } from 'mdast';
import { slug as headingAnchor } from 'github-slugger';
import { mdxToMdast } from 'satteri';
import { didYouMean } from '../text/suggest.ts';
import {
  COMPONENTS,
  COMPONENT_NAMES,
  CODE_LANGUAGES,
  DETECTION_FORMATS,
  DETECTION_LANGUAGES,
  isComponent,
  type ComponentSpec,
} from './body-components/registry.ts';
import { LINK_POLICY, MARKDOWN_FEATURES, linkProblem, termPathSlug } from './settings.ts';
import { findMentions, type NameIndex } from './mentions.ts';
import { reservedAnchorReason } from './anchors.ts';
import type { AttackLookup } from '../attack/lookup.ts';
import { attackIdsInText } from '../attack/checks.ts';

export interface GlossaryIndex {
  /** Every term's slug → what links to it need to show. */
  terms: ReadonlyMap<string, { title: string; attackId?: string | undefined }>;
  /** Finds unlinked mentions; optional because only the content check reports them. */
  names?: NameIndex | undefined;
  attack?: AttackLookup | undefined;
}

export interface BodyContext extends GlossaryIndex {
  /** The entry's own slug: a body does not link to itself. */
  slug: string;
}

export interface BodyHeading {
  depth: number;
  slug: string;
  text: string;
}

/** A problem inside the body; `line` counts from the body's first line. */
export interface BodyProblem {
  line: number;
  field: string;
  expected: string;
  found: string;
  hint?: string;
}

export interface UnlinkedMention {
  line: number;
  slug: string;
  text: string;
}

export interface CheckedBody {
  headings: BodyHeading[];
  /** Entries this body links to, in order of first link. */
  mentions: string[];
  /** For each entry linked after the body's first `##` heading, that heading's anchor: where the link is. */
  mentionSections: Record<string, string>;
  /** The registry's components the body uses, in order of first use. */
  components: string[];
  words: number;
  problems: BodyProblem[];
  unlinked: UnlinkedMention[];
}

interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

interface JsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: JsxAttribute[];
  children: Nodes[];
  position?: { start: { line: number } };
}

const lineOf = (node: { position?: { start: { line: number } } | undefined }) => node.position?.start.line ?? 1;

export function checkBody(source: string, ctx: BodyContext): CheckedBody {
  let tree: Root;
  try {
    tree = mdxToMdast(source, { features: MARKDOWN_FEATURES }) as Root;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const [, line, text] =
      /^(\d+):\d+(?:-\d+:\d+)?: ([\s\S]*?)(?: \([\w:-]+\))?$/.exec(message.split('\n')[0] ?? '') ?? [];
    return {
      headings: [],
      mentions: [],
      mentionSections: {},
      components: [],
      words: 0,
      unlinked: [],
      problems: [
        {
          line: Number(line ?? 1),
          field: 'body',
          expected: 'valid MDX (put code, braces and angle brackets in backticks)',
          found: `a syntax error: ${text ?? message}`,
        },
      ],
    };
  }
  return checkTree(tree, ctx);
}

function checkTree(tree: Root, ctx: BodyContext): CheckedBody {
  const problems: BodyProblem[] = [];
  const headings: BodyHeading[] = [];
  const mentions = new Set<string>();
  const mentionSections: Record<string, string> = {};
  /** The `##` section the walk is in; undefined before the first. */
  let section: string | undefined;
  const used = new Set<string>();
  const firstSeen = new Map<string, boolean>(); // slug → was its first appearance a link?
  const unlinked: UnlinkedMention[] = [];
  /** Each heading's anchor, and the wording that first produced it. */
  const anchors = new Map<string, string>();
  let words = 0;
  // Only a broken link needs the list (for "did you mean"): copying every slug for every body grew with the square
  // of the glossary's size.
  const slugs = () => [...ctx.terms.keys()];

  const report = (
    node: { position?: { start: { line: number } } | undefined },
    field: string,
    expected: string,
    found: string,
    hint?: { hint: string } | Record<string, never>,
  ) => problems.push({ line: lineOf(node), field, expected, found, ...(hint ?? {}) });

  const linkTo = (slug: string) => {
    if (!mentions.has(slug) && section !== undefined) mentionSections[slug] = section;
    mentions.add(slug);
    if (!firstSeen.has(slug)) firstSeen.set(slug, true);
  };

  const checkUrl = (node: Nodes & { url: string }, what: string) => {
    const bad = linkProblem(node.url);
    if (bad) report(node, `${what} URL`, LINK_POLICY, `${bad} in "${node.url.slice(0, 60)}"`);
    const slug = termPathSlug(node.url);
    if (slug !== undefined) {
      if (!ctx.terms.has(slug))
        report(node, `${what} URL`, 'a link to an existing term', `"${node.url}"`, didYouMean(slug, slugs()));
      else if (node.type === 'link') linkTo(slug);
    }
  };

  // The paragraph a text node sits in, as plain text: whether an ATT&CK ID is presented as a former one is read
  // from its whole sentence, which links and <Term> components cut into several text nodes.
  let block: { text: string; cursor: number } | undefined;
  const visit = (node: Nodes, parent: string | undefined, inLink: boolean) => {
    if (node.type === 'paragraph' || node.type === 'tableCell') block = { text: plainText(node), cursor: 0 };
    switch (node.type) {
      case 'mdxjsEsm':
        report(
          node,
          'body',
          'no import or export lines (components are available without imports)',
          `"${node.value.split('\n')[0]}"`,
        );
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        report(node, 'body', 'no {expressions} (put braces in backticks: `{…}`)', `{${node.value.slice(0, 40)}}`);
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkComponent(node as unknown as JsxNode, parent, inLink);
        return;
      case 'heading': {
        const text = plainText(node);
        const id = headingAnchor(text);
        const first = anchors.get(id);
        const reserved = reservedAnchorReason(id);
        if (reserved) {
          report(
            node,
            'body heading',
            "a heading whose anchor differs from the page's own sections",
            `"${text}", whose anchor is #${id}: ${reserved}`,
            { hint: 'reword the heading' },
          );
        } else if (first !== undefined) {
          // A second anchor would get github-slugger's "-1", which no one could guess from the heading.
          report(
            node,
            'body heading',
            'headings with different anchors',
            first === text ? `"${text}" twice` : `"${text}", whose anchor #${id} "${first}" already has`,
            { hint: 'reword one of them' },
          );
        }
        if (first === undefined) anchors.set(id, text);
        headings.push({ depth: node.depth, slug: id, text });
        if (node.depth === 2) section = id;
        break;
      }
      case 'link':
        checkUrl(node, 'link');
        for (const child of node.children) visit(child, parent, true);
        return;
      case 'image':
        checkUrl(node, 'image');
        return;
      case 'definition':
        checkUrl(node, 'link reference');
        return;
      case 'code':
        if (!node.lang)
          report(
            node,
            'code block',
            'a language after the opening ``` (powershell, bash, cmd, kql, spl, yaml, text…)',
            'none',
          );
        else if (!Object.hasOwn(CODE_LANGUAGES, node.lang.toLowerCase()))
          report(
            node,
            'code block',
            `one of the languages ${Object.keys(CODE_LANGUAGES).join(', ')}`,
            `"${node.lang}"`,
            didYouMean(node.lang.toLowerCase(), Object.keys(CODE_LANGUAGES)),
          );
        words += countWords(node.value);
        return;
      case 'inlineCode':
        words += countWords(node.value);
        return;
      case 'text':
        words += countWords(node.value);
        {
          const at = block ? block.text.indexOf(node.value, block.cursor) : -1;
          if (block && at >= 0) block.cursor = at + node.value.length;
          const surrounding = block && at >= 0 ? { text: block.text, offset: at } : undefined;
          for (const { id: _id, ...p } of attackIdsInText(node.value, surrounding))
            report(node, 'body', p.expected, p.found, p.hint ? { hint: p.hint } : {});
        }
        if (!inLink && ctx.names) {
          for (const m of findMentions(node.value, ctx.names)) {
            if (m.slug === ctx.slug || firstSeen.has(m.slug)) continue;
            firstSeen.set(m.slug, false);
            unlinked.push({ line: lineOf(node), slug: m.slug, text: m.text });
          }
        }
        return;
      case 'html':
        report(node, 'body', 'Markdown or one of the glossary components', `raw HTML "${node.value.slice(0, 40)}"`);
        return;
      default:
        break;
    }
    if ('children' in node)
      for (const child of (node as Parents).children) visit(child, parent, inLink || node.type === 'heading');
  };

  const checkComponent = (node: JsxNode, parent: string | undefined, inLink: boolean) => {
    const name = node.name ?? '';
    const where = `<${name || '>'}`;
    if (!isComponent(name)) {
      report(
        node,
        'body',
        `one of the components ${COMPONENT_NAMES.map((n) => `<${n}>`).join(', ')}`,
        `the unknown component <${name}>`,
        name ? didYouMean(name, COMPONENT_NAMES) : {},
      );
      return;
    }
    used.add(name);
    const spec: ComponentSpec = COMPONENTS[name];
    const props: Record<string, string> = {};
    const unreadable = new Set<string>();
    for (const attribute of node.attributes) {
      if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) {
        report(node, `${where}>`, 'props written as name="text"', 'a {…spread} of props');
        continue;
      }
      if (typeof attribute.value !== 'string') {
        const found = attribute.value == null ? 'a prop without a value' : 'an {expression}';
        report(node, `${where}> prop "${attribute.name}"`, 'a literal value in double quotes', found);
        unreadable.add(attribute.name);
        continue;
      }
      props[attribute.name] = attribute.value;
    }
    const parsed = spec.props.safeParse(props);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        if (issue.code === 'unrecognized_keys') {
          for (const key of issue.keys) {
            const known = Object.keys(spec.props.shape);
            report(
              node,
              `${where}> prop "${key}"`,
              known.length ? `only the props ${known.join(', ')}` : 'no props',
              `the unknown prop "${key}"`,
              didYouMean(key, known),
            );
          }
          continue;
        }
        const prop = String(issue.path[0] ?? '');
        if (unreadable.has(prop)) continue;
        const value = props[prop];
        const hint = issue.code === 'invalid_value' && value ? didYouMean(value, issue.values.map(String)) : {};
        const expected =
          issue.code === 'invalid_value'
            ? `one of ${issue.values.map((v) => `"${String(v)}"`).join(', ')}`
            : value === undefined
              ? 'a value (the prop is required)'
              : describeIssue(issue);
        report(node, `${where}> prop "${prop}"`, expected, value === undefined ? 'nothing' : `"${value}"`, hint);
      }
    }
    if (spec.parent && parent !== spec.parent)
      report(
        node,
        where + '>',
        `<${name}> directly inside <${spec.parent}>`,
        parent ? `<${name}> inside <${parent}>` : `<${name}> on its own`,
      );

    const children = node.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
    switch (spec.content) {
      case 'none':
        if (children.length) report(node, where + '>', `<${name} … /> with nothing between tags`, 'content inside it');
        break;
      case 'inline':
        if (inLink) report(node, where + '>', 'a link outside other links', `<${name}> inside a link`);
        break;
      case 'tabs': {
        const tabs = children.filter(
          (c) =>
            (c.type === 'mdxJsxFlowElement' || c.type === 'mdxJsxTextElement') &&
            (c as unknown as JsxNode).name === 'Tab',
        );
        if (tabs.length !== children.length || tabs.length < 2)
          report(
            node,
            where + '>',
            'two or more <Tab label="…"> elements, each on lines of their own, and nothing else',
            `${tabs.length} <Tab> and ${children.length - tabs.length} other ${children.length - tabs.length === 1 ? 'item' : 'items'}`,
          );
        break;
      }
      case 'one-code-block':
        if (children.length !== 1 || children[0]!.type !== 'code') {
          report(
            node,
            where + '>',
            'exactly one fenced code block between blank lines',
            `${children.length} ${children.length === 1 ? 'item' : 'items'}${children.some((c) => c.type !== 'code') ? ' that are not code blocks' : ''}`,
          );
        } else {
          const lang = (children[0] as Code).lang?.toLowerCase();
          const wanted = DETECTION_LANGUAGES[props['format'] as keyof typeof DETECTION_LANGUAGES];
          if (wanted && lang !== wanted)
            report(
              children[0]!,
              'code block',
              `\`\`\`${wanted} for a ${DETECTION_FORMATS[props['format'] as keyof typeof DETECTION_FORMATS]}`,
              lang ? `\`\`\`${lang}` : 'no language',
            );
        }
        break;
      default:
        break;
    }

    if (name === 'Term' && parsed.success) {
      const slug = props['slug']!;
      if (!ctx.terms.has(slug))
        report(
          node,
          `<Term> prop "slug"`,
          'the slug of an existing term (a file name in content/terms without .mdx)',
          `"${slug}"`,
          didYouMean(slug, slugs()),
        );
      else if (slug === ctx.slug)
        report(node, `<Term> prop "slug"`, 'a link to another term', 'a link to this term itself');
      else linkTo(slug);
    }
    if (name === 'Attack' && parsed.success && ctx.attack) {
      const problem = ctx.attack.problem(props['id']!);
      if (problem)
        report(node, '<Attack> prop "id"', problem.expected, problem.found, problem.hint ? { hint: problem.hint } : {});
    }
    for (const child of node.children) visit(child, name, inLink || name === 'Term');
  };

  for (const child of tree.children) visit(child, undefined, false);
  return { headings, mentions: [...mentions], mentionSections, components: [...used], words, problems, unlinked };
}

function describeIssue(issue: { code: string; message: string; minimum?: unknown; maximum?: unknown }): string {
  if (issue.code === 'too_small') return 'some text';
  if (issue.code === 'too_big') return `at most ${String(issue.maximum)} characters`;
  if (issue.code === 'invalid_format') return 'a value of the documented form';
  return issue.message;
}

function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node as Parents).children.map(plainText).join('');
  return '';
}

export function countWords(text: string): number {
  const cleaned = text.replace(/[`*_>#|-]+/g, ' ').trim();
  return cleaned ? cleaned.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length : 0;
}
