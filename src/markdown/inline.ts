/**
 * The inline Markdown allowed in frontmatter prose (examples, FAQ answers):
 * `code`, **bold**, *emphasis* and links, parsed by the same engine with the
 * same settings and the same link policy as bodies. Raw HTML is shown as text,
 * so frontmatter can never inject markup.
 */
import type { ElementContent, Root as HastRoot } from 'hast';
import type { Definition, Html, Link, Nodes, Parents, Paragraph } from 'mdast';
import { defaultHandlers, toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { markdownToMdast } from 'satteri';
import { BASE, withBase } from '../links/urls.ts';
import { didYouMean } from '../text/suggest.ts';
import { LINK_POLICY, MARKDOWN_FEATURES, linkProblem, termPathSlug } from './settings.ts';

/** Blocks whose inline content is kept; anything else block-level is dropped, or shown as text. */
const CONTAINERS = new Set(['paragraph', 'heading', 'tableCell']);
/** Nodes whose children are blocks. */
const BLOCK_PARENTS = new Set(['root', 'blockquote', 'list', 'listItem', 'table', 'tableRow']);

/**
 * The inline content of the text, in one run: one paragraph is the norm, and anything else (a list, a heading
 * marker, a code block) keeps its text only. Reference links become plain links, so the link policy applies to
 * them too, and images become their alt text: examples and answers hold code, emphasis and links, nothing else.
 */
function inlineContent(root: Parents): Nodes[] {
  const definitions = new Map<string, Definition>();
  const collect = (node: Nodes) => {
    if (node.type === 'definition' && !definitions.has(node.identifier.toUpperCase()))
      definitions.set(node.identifier.toUpperCase(), node);
    if ('children' in node) (node.children as Nodes[]).forEach(collect);
  };
  collect(root as Nodes);

  const inline = (node: Nodes): Nodes[] => {
    switch (node.type) {
      case 'definition':
      case 'thematicBreak':
        return [];
      case 'code':
        return [{ type: 'inlineCode', value: node.value }];
      case 'image':
      case 'imageReference':
        return node.alt ? [{ type: 'text', value: node.alt }] : [];
      case 'linkReference': {
        const definition = definitions.get(node.identifier.toUpperCase());
        const children = node.children.flatMap((c) => inline(c as Nodes)) as Link['children'];
        return definition
          ? [{ type: 'link', url: definition.url, title: definition.title ?? null, children }]
          : children;
      }
      default:
        break;
    }
    if (!('children' in node)) return [node];
    const ofBlocks = BLOCK_PARENTS.has(node.type);
    const children: Nodes[] = [];
    for (const child of node.children as Nodes[]) {
      const content = inline(child);
      // Blocks side by side read as words side by side.
      if (ofBlocks && children.length && content.length) children.push({ type: 'text', value: ' ' });
      children.push(...content);
    }
    if (ofBlocks || CONTAINERS.has(node.type)) return children;
    return [{ ...node, children } as Nodes];
  };
  return inline(root as Nodes);
}

export interface InlineProblem {
  expected: string;
  found: string;
  hint?: string;
}

/** A link, image or link definition in the text as written, with what the link policy says of it. */
interface InlineLink {
  url: string;
  /** Why the link policy rejects it, if it does. */
  problem?: string | undefined;
  /** For a `/terms/<slug>/` link, the slug, which must name an existing entry. */
  slug?: string | undefined;
}

/**
 * A piece of frontmatter prose parsed once: what it renders (any base path) and the links the content check
 * judges. The check used to parse each example and answer twice and the page a third time.
 */
export interface ParsedInline {
  content: Nodes[];
  links: InlineLink[];
}

export function parseInline(text: string): ParsedInline {
  const root = markdownToMdast(text, { features: MARKDOWN_FEATURES, position: false }) as unknown as Parents;
  const links: InlineLink[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      links.push({ url: node.url, problem: linkProblem(node.url), slug: termPathSlug(node.url) });
    }
    if ('children' in node) (node as Parents).children.forEach((c) => visit(c as Nodes));
  };
  root.children.forEach((c) => visit(c as Nodes));
  return { content: inlineContent(root), links };
}

/** The HTML of parsed prose; `base` is the site's base path, for links to pages of the site. */
export function inlineHtml({ content }: ParsedInline, base: string = BASE): string {
  const paragraph: Paragraph = { type: 'paragraph', children: content as Paragraph['children'] };
  const hast = toHast(paragraph, {
    handlers: {
      html: (_state, node: Html): ElementContent => ({ type: 'text', value: node.value }),
      link: (state, node: Link) => {
        if (linkProblem(node.url)) return state.all(node) as ElementContent[];
        const result = defaultHandlers.link(state, node);
        if (node.url.startsWith('/')) result.properties['href'] = withBase(node.url, base);
        return result;
      },
    },
  }) as unknown as { children: ElementContent[] };
  return toHtml({ type: 'root', children: hast.children } as HastRoot);
}

export function inlineMarkdown(text: string, base: string = BASE): string {
  return inlineHtml(parseInline(text), base);
}

/**
 * Link problems of parsed prose, in the order the links are written: the link policy's when `policy`, and links
 * to terms missing from `terms` when it is given (before every title is known, it is not).
 */
export function parsedInlineProblems(
  parsed: ParsedInline,
  {
    policy = true,
    terms,
  }: { policy?: boolean; terms?: { has(slug: string): boolean; keys(): Iterable<string> } | undefined } = {},
): InlineProblem[] {
  const problems: InlineProblem[] = [];
  for (const { url, problem, slug } of parsed.links) {
    if (policy && problem) problems.push({ expected: LINK_POLICY, found: `${problem} in "${url.slice(0, 60)}"` });
    if (slug !== undefined && terms && !terms.has(slug))
      problems.push({
        expected: 'a link to an existing term',
        found: `"${url}"`,
        ...didYouMean(slug, [...terms.keys()]),
      });
  }
  return problems;
}

/** Link-policy problems in one piece of frontmatter prose, for the content check. */
export function inlineProblems(text: string, slugs: readonly string[] | undefined): InlineProblem[] {
  return parsedInlineProblems(parseInline(text), { terms: slugs && new Set(slugs) });
}
