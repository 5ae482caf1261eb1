import MarkdownIt from 'markdown-it';
import markdownItSup from 'markdown-it-sup';

/**
 * The inline markup of brief strings: **bold**, *italic*, [text](url), ^sup^ and backslash
 * escapes, nothing more. Raw HTML, autolinks, images and code are off, so anything else a
 * person types is printed as typed.
 */
export function createInlineMarkdown(): MarkdownIt {
  return new MarkdownIt('zero', { html: false, linkify: false, typographer: false })
    .enable(['emphasis', 'link', 'escape'])
    .use(markdownItSup);
}

/** Links may only go to the web or to an email address. */
export const ALLOWED_LINK = /^(https?:\/\/[^\s/?#]+\S*|mailto:\S+)$/i;

export interface InlineLink {
  text: string;
  href: string;
}

// A parser that accepts every link target, so that validation can see and name the bad ones
// instead of markdown-it silently printing them as text.
let linkFinder: MarkdownIt | undefined;

/** Every [text](href) in a rich-text string. */
export function findLinks(richText: string): InlineLink[] {
  linkFinder ??= Object.assign(createInlineMarkdown(), { validateLink: () => true });
  const links: InlineLink[] = [];
  for (const token of linkFinder.parseInline(richText, {})) {
    const children = token.children ?? [];
    children.forEach((child, index) => {
      if (child.type !== 'link_open') return;
      let text = '';
      for (let i = index + 1; i < children.length && children[i]?.type !== 'link_close'; i++) {
        text += children[i]?.content ?? '';
      }
      links.push({ text, href: child.attrGet('href') ?? '' });
    });
  }
  return links;
}
