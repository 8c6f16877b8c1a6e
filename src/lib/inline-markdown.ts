import MarkdownIt from 'markdown-it';

// Raw HTML stays disabled (markdown-it's default): frontmatter prose can never inject markup.
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** Renders the inline Markdown allowed in frontmatter prose (examples, FAQ answers): `code`, **bold**, *emphasis*, links. */
export function inlineMarkdown(text: string): string {
  return md.renderInline(text);
}
