import { contentsHeadings, plainText, type Block } from '../../document/types.js';
import { attribute, text } from './htmlText.js';

/**
 * The contents as a navigation landmark: its title, then a list of links to each section's
 * heading, each with a list of its subsections' (the same headings the PDF's contents page
 * lists, with no page numbers: the links take their place). `blocks` are the whole Document's.
 */
export function htmlContents(title: string, blocks: readonly Block[]): string {
  let out = `<nav class="brief-contents"${attribute('aria-label', title)}>\n<h2 class="brief-contents-title">${text(title)}</h2>\n<ul class="brief-contents-list">`;
  let inSubsections = false;
  let inSection = false;
  for (const heading of contentsHeadings(blocks)) {
    const link = `<a${attribute('href', `#${heading.id}`)}>${text(plainText(heading.content))}</a>`;
    if (heading.level === 2 && inSection) {
      if (!inSubsections) out += '\n<ul>';
      inSubsections = true;
      out += `\n<li>${link}</li>`;
      continue;
    }
    if (inSubsections) out += '\n</ul>';
    if (inSection) out += '</li>';
    inSubsections = false;
    // A subsection before any section has no section to sit under: it is a line of its own.
    out += heading.level === 1 ? `\n<li>${link}` : `\n<li>${link}</li>`;
    inSection = heading.level === 1;
  }
  if (inSubsections) out += '\n</ul>';
  if (inSection) out += '</li>';
  return `${out}\n</ul>\n</nav>\n`;
}
