import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { allEntries, briefContents } from '../src/brief/stats.js';
import type { Brief } from '../src/brief/types.js';
import { brief2021 } from './helpers/brief2021.js';
import { all, attr, readDocx, styleOf } from './helpers/docx.js';
import { readPdf, type PdfReadBack } from './helpers/pdf.js';
import { flattenStructure, readStructure, textOf, type StructElement } from './helpers/structure.js';

const briefFile = 'briefs/peer-support-workers-2021-01.json';
const brief = JSON.parse(readFileSync(briefFile, 'utf8')) as Brief;
const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('the PDF is tagged for screen readers (PDF/UA-1 machine checks)', () => {
  const pdfPath = brief2021().pdf;
  let tagged: boolean;
  let elements: StructElement[];
  let root: StructElement[];
  let pdf: PdfReadBack;

  beforeAll(async () => {
    ({ tagged, root } = readStructure(pdfPath));
    elements = flattenStructure(root);
    pdf = await readPdf(pdfPath);
  });

  it('is tagged, marked, in English (UK), and says it is PDF/UA-1', () => {
    expect(tagged).toBe(true);
    const bytes = readFileSync(pdfPath, 'latin1');
    expect(bytes).toContain('/Marked true');
    expect(bytes).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(bytes).toMatch(/<dc:title>\s*<rdf:Alt>\s*<rdf:li xml:lang="x-default">Evidence Brief: Peer Support Workers<\/rdf:li>/);
    expect(pdf.info.Language).toBe('en-GB');
    expect(pdf.displayDocTitle).toBe(true);
    expect(root.map((e) => e.role)).toEqual(['Document']);
  });

  it('has every contents heading as an H1 or H2 with its text', () => {
    const headings = elements.filter((e) => /^H\d$/.test(e.role)).map((e) => ({ role: e.role, text: textOf(e).trim() }));
    for (const heading of briefContents(brief)) {
      expect(headings, heading.text).toContainEqual({ role: `H${heading.level}`, text: heading.text });
    }
  });

  it('has all 118 entry titles as headings, in order, one level below the heading they are under; levels never skip', () => {
    const headings = elements.filter((e) => /^H\d$/.test(e.role));
    const contents = new Set(briefContents(brief).map((h) => h.text));
    const entryHeadings = headings.filter((e) => !contents.has(textOf(e).trim()));
    expect(entryHeadings.map((e) => squeeze(textOf(e)))).toEqual(allEntries(brief).map((e) => squeeze(e.title)));
    let level = 0;
    for (const heading of headings) {
      const next = Number(heading.role.slice(1));
      expect(next, `${heading.role} "${textOf(heading)}" after H${level}`).toBeLessThanOrEqual(level + 1);
      level = next;
    }
    // An entry under a section is H2; under a subsection, H3.
    expect(entryHeadings[0]?.role).toBe('H2');
    expect(headings.find((e) => textOf(e).startsWith('Potential Benefits of Incorporating'))?.role).toBe('H3');
  });

  it('leaves the running header and footer out of the tree', () => {
    const text = elements.map((e) => e.text.join('')).join('\n');
    expect(text).not.toMatch(/Page \d+ of \d+/);
    expect(text).not.toContain('HEE Knowledge Management Team, January 2021');
    expect(text.split('Evidence Brief: Peer Support Workers')).toHaveLength(2); // the title on page 1 only
  });

  it('ties every link annotation to a Link element', async () => {
    const doc = await getDocument({ data: new Uint8Array(readFileSync(pdfPath)), verbosity: 0 }).promise;
    const annotations: number[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      for (const a of (await (await doc.getPage(i)).getAnnotations()) as { subtype: string; id: string }[]) {
        if (a.subtype === 'Link') annotations.push(Number.parseInt(a.id, 10));
      }
    }
    await doc.destroy();
    const inLinks = new Set(elements.filter((e) => e.role === 'Link').flatMap((e) => e.objects));
    expect(annotations.length).toBeGreaterThan(31);
    expect(annotations.filter((id) => !inLinks.has(id))).toEqual([]);
    expect(elements.filter((e) => e.role !== 'Link' && e.objects.length > 0)).toEqual([]);
  });

  it('has the contents page as a TOC of TOCI items, each a link with its page number', () => {
    const toc = elements.find((e) => e.role === 'TOC') as StructElement;
    expect(toc.children.map((e) => e.role)).toEqual(Array(31).fill('TOCI'));
    expect(textOf(toc.children[0] as StructElement)).toBe('Key publications – the big picture3');
    expect(toc.children.every((item) => item.children[0]?.role === 'Link' && item.children[0].objects.length > 0)).toBe(true);
  });

  it('gives the logo as a Figure with its alternative text', async () => {
    const doc = await getDocument({ data: new Uint8Array(readFileSync(pdfPath)), verbosity: 0 }).promise;
    const tree = (await (await doc.getPage(1)).getStructTree()) as { role: string; alt?: string; children?: unknown[] };
    await doc.destroy();
    const find = (node: { role: string; alt?: string; children?: unknown[] }): { role: string; alt?: string } | undefined =>
      node.role === 'Figure' ? node : (node.children ?? []).map((c) => find(c as typeof node)).find(Boolean);
    expect(find(tree)).toMatchObject({ role: 'Figure', alt: 'Knowledge Management' });
  });

  it('has a tree whose text is the text of the pages without the running header and footer', () => {
    const total = pdf.pages.length;
    const pages = pdf.pages.map((text, i) =>
      i === 0 ? text : text.replace(`Evidence Brief: Peer Support Workers HEE Knowledge Management Team, January 2021 Page ${i + 1} of ${total}`, ''),
    );
    expect(squeeze(textOf({ role: '', text: [], objects: [], children: root }))).toBe(squeeze(pages.join('')));
  });
});

describe('the Word document is structured for screen readers too', () => {
  it('has heading styles that never skip a level, the logo with alternative text, a language and a title', async () => {
    const docx = await readDocx(brief2021().docx);
    // Each paragraph style's outline level (0 is Heading 1), through its basedOn chain.
    const styles = new Map(all(docx.styles, 'w:style').map((s) => [attr(s, 'w:styleId'), s]));
    const outline = (id: string | undefined): number | undefined => {
      const style = id ? styles.get(id) : undefined;
      if (!style) return undefined;
      const own = attr(all(style, 'w:outlineLvl')[0], 'w:val');
      return own !== undefined ? Number(own) + 1 : outline(attr(all(style, 'w:basedOn')[0], 'w:val'));
    };
    const levels = all(docx.document, 'w:p').flatMap((p) => {
      const level = outline(styleOf(p));
      return level === undefined ? [] : [level];
    });
    expect(levels.length).toBe(149);
    expect(new Set(levels)).toEqual(new Set([1, 2, 3]));
    levels.reduce((previous, level) => {
      expect(level).toBeLessThanOrEqual(previous + 1);
      return level;
    }, 0);
    expect(attr(all(docx.document, 'wp:docPr')[0], 'descr')).toBe('Knowledge Management');
    expect(docx.core).toContain('<dc:language>en-GB</dc:language>');
    expect(docx.core).toContain('<dc:title>Evidence Brief: Peer Support Workers</dc:title>');
  });
});
