import MarkdownIt from 'markdown-it';
import markdownItSup from 'markdown-it-sup';

/**
 * The inline markup of brief strings: **bold**, *italic*, [text](url), ^sup^ and backslash
 * escapes; and a web or email address typed in text (https://..., http://..., name@example.org)
 * becomes a link to itself, as Word makes one as you type (markdown-it's linkify, with
 * linkify-it). Only addresses with a scheme are linked, not every word with a dot in it, and
 * not ftp: or scheme-less "//" addresses, which briefs may not link to. Raw HTML, <autolinks>,
 * images and code are off, so anything else a person types is printed as typed.
 */
export function createInlineMarkdown(): MarkdownIt {
  const markdown = new MarkdownIt('zero', { html: false, linkify: true, typographer: false })
    .enable(['emphasis', 'link', 'escape', 'linkify'])
    .use(markdownItSup);
  markdown.linkify.set({ fuzzyLink: false, fuzzyEmail: true }).add('ftp:', null).add('//', null);
  return markdown;
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

let normaliser: MarkdownIt | undefined;

/**
 * A link's address as the documents write it: letters outside ASCII percent-encoded (and a
 * host name in punycode), as markdown-it writes the links of rich text, so that an address is
 * written the same whether it is an entry's url or a link in a summary. ASCII addresses are
 * kept as they are.
 */
export function linkAddress(href: string): string {
  normaliser ??= createInlineMarkdown();
  return normaliser.normalizeLink(href);
}

/** Plain text as rich text that prints it as it is: each character inline markup would read is escaped with a backslash. */
export function escapeInlineMarkup(text: string): string {
  return text.replace(/[\\*_[\]^`<]/g, (c) => `\\${c}`);
}
