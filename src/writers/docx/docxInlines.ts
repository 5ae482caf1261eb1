import { ExternalHyperlink, SoftHyphen, TextRun, type ParagraphChild } from 'docx';
import type { Inline } from '../../document/types.js';

type InlineStyle = { bold?: boolean; italics?: boolean; superScript?: boolean; style?: string };

/** Inline content as Word runs, each carrying the formatting of everything around it (mirrors pdfInlines). */
export function docxInlines(content: readonly Inline[], inherited: InlineStyle = {}): ParagraphChild[] {
  // biome-ignore lint/suspicious/useIterableCallbackReturn: the switch covers every kind of inline, and tsc checks each returns
  return content.flatMap((inline): ParagraphChild[] => {
    switch (inline.kind) {
      case 'text':
        return [textRun(inline.text, inherited)];
      case 'strong':
        return docxInlines(inline.content, { ...inherited, bold: true });
      case 'emphasis':
        return docxInlines(inline.content, { ...inherited, italics: true });
      case 'superscript':
        return docxInlines(inline.content, { ...inherited, superScript: true });
      case 'link':
        return [new ExternalHyperlink({ link: inline.href, children: docxInlines(inline.content, { ...inherited, style: 'Hyperlink' }) as TextRun[] })];
    }
  });
}

/**
 * A run of text. A soft hyphen (U+00AD) becomes Word's own optional hyphen (w:softHyphen), which
 * Word and LibreOffice show only where a line breaks at it; other invisible characters (zero-width
 * space, word joiner, no-break spaces) are Unicode text that Word handles itself.
 */
function textRun(text: string, style: InlineStyle): TextRun {
  if (!text.includes('\u00AD')) return new TextRun({ text, ...style });
  const children = text
    .split('\u00AD')
    .flatMap((part, i) => (i === 0 ? [part] : [new SoftHyphen(), part]))
    .filter((child) => child !== '');
  return new TextRun({ children, ...style });
}
