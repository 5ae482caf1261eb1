import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import type { Block, Document, DocumentMeta, Inline, ParagraphRole } from './types.js';

/** The layout wrote markup this parser does not accept: a template problem, not a brief problem. */
export class MarkupError extends Error {}

const PARAGRAPH_ROLES: readonly ParagraphRole[] = ['body', 'title', 'lead', 'source', 'caption'];

/**
 * Parse the markup that layout writes into the Document.
 *
 * The markup is a strict subset of HTML. In <head>: <title> and <meta name content> for
 * author, subject, keywords (comma-separated), created (YYYY-MM-DD), header and footer; the
 * language is <html lang>. In <body>: <h1>-<h3 id>, <p class>, <ul><li>, <aside class="box|note">,
 * <nav class="contents" title>, <hr class="page-break">, <img src alt width>; inline:
 * text, <strong>, <em>, <sup>, <a href>. Anything else is refused by name.
 */
export function parseMarkup(markup: string): Document {
  const root = parseDocument(markup, { lowerCaseTags: true, lowerCaseAttributeNames: true });
  const html = root.children.find(isElement);
  if (html?.name !== 'html') throw new MarkupError('the layout must produce one <html> element holding <head> and <body>');
  const head = childElements(html).find((e) => e.name === 'head');
  const body = childElements(html).find((e) => e.name === 'body');
  if (!head || !body) throw new MarkupError('the layout must produce <head> and <body> inside <html>');
  return { meta: parseMeta(head, html.attribs.lang), blocks: parseBlocks(body.children) };
}

function parseMeta(head: Element, lang: string | undefined): DocumentMeta {
  const meta = new Map<string, string>();
  let title = '';
  for (const element of childElements(head)) {
    if (element.name === 'title') title = collapse(textOf(element)).trim();
    else if (element.name === 'meta' && element.attribs.name) meta.set(element.attribs.name, element.attribs.content ?? '');
    else throw new MarkupError(`<${element.name}> is not allowed in <head>: use <title> and <meta name="..." content="...">`);
  }
  const created = new Date(`${meta.get('created') ?? ''}T00:00:00Z`);
  if (Number.isNaN(created.getTime())) throw new MarkupError('<meta name="created"> must be a date, YYYY-MM-DD');
  return {
    title,
    author: meta.get('author') ?? '',
    subject: meta.get('subject') ?? '',
    keywords: (meta.get('keywords') ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
    language: lang ?? 'en-GB',
    created,
    header: collapse(meta.get('header') ?? '').trim(),
    footer: collapse(meta.get('footer') ?? '').trim(),
  };
}

function parseBlocks(nodes: readonly ChildNode[]): Block[] {
  const blocks: Block[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      if (node.data.trim() !== '') throw new MarkupError(`text outside a paragraph: "${node.data.trim().slice(0, 40)}"; wrap it in <p>`);
      continue;
    }
    if (!isElement(node)) continue; // comments
    blocks.push(parseBlock(node));
  }
  return blocks;
}

function parseBlock(element: Element): Block {
  const { name, attribs } = element;
  switch (name) {
    case 'h1':
    case 'h2':
    case 'h3': {
      if (!attribs.id) throw new MarkupError(`<${name}> needs an id`);
      const content = parseInlines(element.children);
      // A heading of no text has no line to anchor its bookmark and contents link to.
      if (content.length === 0) throw new MarkupError(`<${name} id="${attribs.id}"> has no text: a heading needs some`);
      return { kind: 'heading', level: Number(name[1]) as 1 | 2 | 3, id: attribs.id, content };
    }
    case 'p': {
      const role = (attribs.class ?? 'body') as ParagraphRole;
      if (!PARAGRAPH_ROLES.includes(role)) throw new MarkupError(`<p class="${role}"> is not a paragraph kind brief knows: use ${PARAGRAPH_ROLES.join(', ')}`);
      return { kind: 'paragraph', role, content: parseInlines(element.children) };
    }
    case 'ul':
      return {
        kind: 'list',
        items: childElements(element).map((li) => {
          if (li.name !== 'li') throw new MarkupError(`<ul> may hold only <li>, not <${li.name}>`);
          return parseInlines(li.children);
        }),
      };
    case 'aside':
      if (attribs.class === 'note') return { kind: 'note', blocks: parseBlocks(element.children) };
      if (attribs.class === 'box') return { kind: 'box', blocks: parseBlocks(element.children) };
      throw new MarkupError(`<aside class="${attribs.class ?? ''}"> is not a panel brief knows: use class="box" or class="note"`);
    case 'nav':
      return { kind: 'contents', title: attribs.title ?? 'Contents' };
    case 'hr':
      return { kind: 'pageBreak' };
    case 'img': {
      const width = Number(attribs.width);
      if (!attribs.src || !attribs.alt || !(width > 0)) throw new MarkupError('<img> needs src (a theme image name), alt text and a width');
      return { kind: 'image', name: attribs.src, alt: attribs.alt, width };
    }
    default:
      throw new MarkupError(`<${name}> is not a block brief knows: use h1, h2, h3, p, ul, aside, nav, hr or img`);
  }
}

/** Inline content with HTML's white-space rule: runs of spaces and line breaks are one space, none at either end. */
function parseInlines(nodes: readonly ChildNode[]): Inline[] {
  const inlines = parseInlineNodes(nodes);
  trimEdge(inlines, 'start');
  trimEdge(inlines, 'end');
  return inlines;
}

function parseInlineNodes(nodes: readonly ChildNode[]): Inline[] {
  const inlines: Inline[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      const text = collapse(node.data);
      if (text) inlines.push({ kind: 'text', text });
      continue;
    }
    if (!isElement(node)) continue;
    const content = parseInlineNodes(node.children);
    switch (node.name) {
      case 'strong':
        inlines.push({ kind: 'strong', content });
        break;
      case 'em':
        inlines.push({ kind: 'emphasis', content });
        break;
      case 'sup':
        inlines.push({ kind: 'superscript', content });
        break;
      case 'a':
        if (!node.attribs.href) throw new MarkupError('<a> needs an href');
        inlines.push({ kind: 'link', href: node.attribs.href, content });
        break;
      default:
        throw new MarkupError(`<${node.name}> is not inline markup brief knows: use strong, em, sup or a`);
    }
  }
  return inlines;
}

function trimEdge(inlines: Inline[], edge: 'start' | 'end'): void {
  const index = edge === 'start' ? 0 : inlines.length - 1;
  const inline = inlines[index];
  if (!inline) return;
  if (inline.kind === 'text') {
    inline.text = edge === 'start' ? inline.text.trimStart() : inline.text.trimEnd();
    if (inline.text === '') {
      inlines.splice(index, 1);
      trimEdge(inlines, edge);
    }
  } else {
    trimEdge(inline.content, edge);
  }
}

function collapse(text: string): string {
  return text.replace(/[ \t\r\n\f]+/g, ' ');
}

function textOf(element: Element): string {
  return element.children.map((c) => (c.type === 'text' ? c.data : isElement(c) ? textOf(c) : '')).join('');
}

function isElement(node: ChildNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function childElements(element: Element): Element[] {
  return element.children.filter(isElement);
}
