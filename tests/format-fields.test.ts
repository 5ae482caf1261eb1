import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchBuild } from '../src/batch/batchBuild.js';
import type { Brief } from '../src/brief/types.js';
import { briefFiles } from '../src/pipeline/briefFiles.js';
import { all, paragraphText, readDocx } from './helpers/docx.js';
import { readPdf } from './helpers/pdf.js';
import { projectRoot } from './helpers/cli.js';

/** A brief with each field issue 17 added to the format: built once, both documents read back. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

const brief = (): Brief => {
  const minimal = JSON.parse(readFileSync(join(projectRoot, 'tests/fixtures/valid/minimal.json'), 'utf8')) as Brief;
  const { acknowledgement: _written, ...rest } = minimal;
  return {
    ...rest,
    $schema: join(projectRoot, 'schema/brief.schema.json'),
    note: ['This brief covers UK publications from 2015 onwards.'],
    sections: [
      {
        heading: 'Reports',
        entries: [
          {
            title: 'Santé mentale au travail',
            url: 'https://example.org/santé_mentale',
            doi: '10.1000/ex_2021.5',
            date: 'updated 15 August 2025',
            source: 'Example Journal',
            access: 'login-required',
          },
          { title: 'A report with a DOI only', doi: '10.1186/s12913-020-05678-9', date: '16 July 2025', source: 'BMC' },
        ],
      },
      { heading: 'Research', subsections: [{ heading: 'Qualitative', entries: [{ title: 'A study', date: 'published online 21 May 2020' }] }] },
    ],
  };
};

async function build(numberSections: boolean) {
  const root = mkdtempSync(join(tmpdir(), 'brief-format-'));
  mkdirSync(join(root, 'briefs'));
  writeFileSync(join(root, 'briefs', 'fields.json'), JSON.stringify(brief(), null, 2));
  const templatesRoot = join(root, 'templates');
  cpSync(join(projectRoot, 'templates'), templatesRoot, { recursive: true });
  const themeFile = join(templatesRoot, 'themes', 'hee', 'theme.json');
  const theme = JSON.parse(readFileSync(themeFile, 'utf8'));
  theme.$schema = join(projectRoot, 'schema/theme.schema.json');
  if (numberSections) theme.numberSections = true;
  writeFileSync(themeFile, JSON.stringify(theme, null, 2));
  const lines: string[] = [];
  const report = await batchBuild(
    await briefFiles([join(root, 'briefs')]),
    { outputDir: join(root, 'output'), templatesRoot, force: true },
    { info: (l) => lines.push(l), error: (l) => lines.push(l) },
  );
  if (report.summary.built !== 1) throw new Error(lines.join('\n'));
  const pdf = await readPdf(join(root, 'output', 'fields.pdf'));
  const docx = await readDocx(join(root, 'output', 'fields.docx'));
  return { pdf, docx, paragraphs: all(docx.document, 'w:p').map(paragraphText) };
}

describe('the fields of issue 17 in both documents', () => {
  let plain: Awaited<ReturnType<typeof build>>;
  let numbered: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    plain = await build(false);
    numbered = await build(true);
  }, 120_000);

  it('prints the brief-level note after the title, and the citation made from the fields', () => {
    const citation = 'Evidence Brief: Test Topic. A. Person. (January 2021). Health Education England.';
    expect(squeeze(plain.pdf.pages[0] as string)).toContain(squeeze(`Evidence Brief: Test Topic This brief covers UK publications from 2015 onwards.`));
    expect(squeeze(plain.pdf.pages[0] as string)).toContain(squeeze(citation));
    expect(plain.paragraphs).toContain('This brief covers UK publications from 2015 onwards.');
    expect(plain.paragraphs).toContain(citation);
  });

  it('prints full and qualified dates as written, the DOI after the source, and "Log in required*" where no service is named', () => {
    const source = 'updated 15 August 2025, Example Journal. https://doi.org/10.1000/ex_2021.5 Log in required*';
    expect(squeeze(plain.pdf.pages.join(' '))).toContain(squeeze(source));
    expect(plain.paragraphs).toContain(source);
    expect(plain.paragraphs).toContain('16 July 2025, BMC');
    expect(plain.paragraphs).toContain('published online 21 May 2020');
  });

  it('links titles by their url, written percent-encoded, or else by their DOI, the same in both documents', () => {
    const expected = ['https://example.org/sant%C3%A9_mentale', 'https://doi.org/10.1000/ex_2021.5', 'https://doi.org/10.1186/s12913-020-05678-9'];
    expect(plain.pdf.links.filter((l) => l.url).map((l) => l.url)).toEqual(expected);
    const targets = [...plain.docx.rels.matchAll(/Target="([^"]+)"\s+TargetMode="External"/g)].map((m) => m[1]);
    expect([...new Set(targets)].sort()).toEqual([...expected].sort());
  });

  it('numbers sections and subsections with the theme option, in the text, the contents and the bookmarks of both', () => {
    expect(plain.pdf.pages[1]).not.toMatch(/\b1 Reports/);
    expect(numbered.pdf.pages[1]).toContain('1 Reports 3 2 Research 3 2.1 Qualitative 3');
    expect(numbered.pdf.outline.map((b) => b.title)).toEqual(['Contents', '1 Reports', '2 Research', '*Help accessing articles or papers']);
    expect(numbered.pdf.outline[2]?.children.map((b) => b.title)).toEqual(['2.1 Qualitative']);
    for (const heading of ['1 Reports', '2 Research', '2.1 Qualitative']) expect(numbered.paragraphs).toContain(heading);
    expect(numbered.paragraphs.filter((p) => p.startsWith('2.1 Qualitative'))).toHaveLength(2); // the contents line and the heading
  });
});
