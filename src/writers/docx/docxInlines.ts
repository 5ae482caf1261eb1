import { ExternalHyperlink, TextRun, type ParagraphChild } from 'docx';
import type { Inline } from '../../document/types.js';

type InlineStyle = { bold?: boolean; italics?: boolean; superScript?: boolean; style?: string };

/** Inline content as Word runs, each carrying the formatting of everything around it (mirrors pdfInlines). */
export function docxInlines(content: readonly Inline[], inherited: InlineStyle = {}): ParagraphChild[] {
  return content.flatMap((inline): ParagraphChild[] => {
    switch (inline.kind) {
      case 'text':
        return [new TextRun({ text: inline.text, ...inherited })];
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
