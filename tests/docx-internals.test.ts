import { Document as WordDocument, ExternalHyperlink, Packer, Paragraph, TextRun } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { docxCompiler, docxParts } from '../src/writers/docx/engine/docxParts.js';
import { makeReproducible } from '../src/writers/docx/engine/reproducible.js';

const sample = () =>
  new WordDocument({
    creator: 'brief tests',
    sections: [
      {
        children: [
          new Paragraph({
            children: [new TextRun('Peer support – “workers”'), new ExternalHyperlink({ link: 'https://example.org/', children: [new TextRun('a link')] })],
          }),
        ],
      },
    ],
  });

/** What brief relies on inside docx; an upgrade that moves it must fail here, not slow every build quietly. */
describe('docx internals used by the Word writer', () => {
  it('docx is pinned to an exact version (the writer rewrites its XML and reads its compiler), and that version is installed', async () => {
    const { readFileSync } = await import('node:fs');
    const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    expect(dependencies.docx).toMatch(/^\d+\.\d+\.\d+$/);
    expect(JSON.parse(readFileSync('node_modules/docx/package.json', 'utf8')).version).toBe(dependencies.docx);
  });

  it("Packer keeps its compiler, so the writer takes the package's files before docx zips them", () => {
    expect(docxCompiler()).not.toBeNull();
  });

  it("the compiler's files are the files of docx's own zip: the same paths, in the same order, with the same contents", async () => {
    const zipped = unzipSync(new Uint8Array(await Packer.toBuffer(sample())));
    const parts = await docxParts(sample());
    expect(Object.keys(parts)).toEqual(Object.keys(zipped));
    expect(Object.keys(parts)).toContain('word/document.xml');
    // Relationship ids for hyperlinks are random (makeReproducible numbers them), and the core properties carry the time.
    const comparable = (part: string | Uint8Array | undefined) =>
      (typeof part === 'string' ? part : strFromU8(part ?? new Uint8Array()))
        .replace(/"rId(?!\d+")[^"]+"/g, '"rId*"')
        .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'time');
    for (const path of Object.keys(parts)) expect(comparable(parts[path]), path).toBe(comparable(zipped[path]));
    expect(parts['word/document.xml']).toContain('Peer support – “workers”');
  });

  it("without the compiler (a docx update that moves it), the files come from docx's own zip instead", async () => {
    const zipping = vi.spyOn(Packer, 'toBuffer');
    const parts = await docxParts(sample(), null);
    expect(zipping).toHaveBeenCalledTimes(1);
    zipping.mockRestore();
    expect(Object.keys(parts)).toEqual(Object.keys(await docxParts(sample())));
    expect(strFromU8(parts['word/document.xml'] as Uint8Array)).toContain('Peer support – “workers”');
  });

  it('gives the same .docx either way, to the byte', async () => {
    const created = new Date('2021-01-15T00:00:00Z');
    const fromCompiler = makeReproducible(await docxParts(sample()), created, 'en-GB');
    const fromZip = makeReproducible(await docxParts(sample(), null), created, 'en-GB');
    expect(fromCompiler.equals(fromZip)).toBe(true);
    const documentXml = strFromU8(unzipSync(new Uint8Array(fromCompiler))['word/document.xml'] as Uint8Array);
    expect(documentXml).toContain('Peer support – “workers”');
    expect(documentXml).toContain('r:id="rIdLink1"');
  });
});
