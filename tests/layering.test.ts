import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The boundaries of docs/architecture.md, checked on every import in src/: drivers sit above the
 * pipeline, and no module knows two stages' libraries.
 */
function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}
const imports = (path: string) =>
  [...readFileSync(path, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)(?:[^'";]*?from)?\s+'([^']+)'/g)].map((m) => m[1] as string);
const all = sources('src').map((path) => ({ path, imports: imports(path) }));
const offenders = (where: (path: string) => boolean, forbidden: (specifier: string) => boolean) =>
  all.filter((f) => where(f.path)).flatMap((f) => f.imports.filter(forbidden).map((i) => `${f.path} imports ${i}`));

describe('layering', () => {
  it('finds the imports it checks', () => {
    expect(all.length).toBeGreaterThan(50);
    expect(all.find((f) => f.path.endsWith('pipeline/buildBrief.ts'))?.imports).toContain('../layout/layoutBrief.js');
  });

  it('no module of the pipeline, the drivers below the command line, or the stages imports the command line', () => {
    expect(
      offenders(
        (p) => !p.startsWith('src/cli/'),
        (i) => /(^|\/)cli\//.test(i),
      ),
    ).toEqual([]);
  });

  it('the pipeline and its stages never import a driver (the engine, brief build, brief watch, brief preview) or the command line', () => {
    const driver = (path: string) => /^src\/(engine|batch|watch|preview|cli)\//.test(path);
    const found = all
      .filter((f) => !driver(f.path))
      .flatMap((f) => f.imports.filter((i) => i.startsWith('.') && driver(join(dirname(f.path), i))).map((i) => `${f.path} imports ${i}`));
    expect(all.filter((f) => !driver(f.path)).length).toBeGreaterThan(40);
    expect(found).toEqual([]);
  });

  it('each library belongs to its stage: pdfmake and pdfkit to the PDF writer, docx to the Word writer, Handlebars to layout', () => {
    expect(
      offenders(
        (p) => !p.startsWith('src/writers/pdf/'),
        (i) => /^(pdfmake|pdfkit)(\/|$)/.test(i),
      ),
    ).toEqual([]);
    expect(
      offenders(
        (p) => !p.startsWith('src/writers/docx/'),
        (i) => /^docx(\/|$)/.test(i),
      ),
    ).toEqual([]);
    expect(
      offenders(
        (p) => !p.startsWith('src/layout/'),
        (i) => /^handlebars(\/|$)/.test(i),
      ),
    ).toEqual([]);
  });

  it('the writers see the Document, never the brief, its layout or the other writer', () => {
    // A relative path through another stage's folder, from any depth (engine/ files are one deeper).
    expect(
      offenders(
        (p) => p.startsWith('src/writers/pdf/'),
        (i) => /^\.\.?\/.*(^|\/)(layout|brief|docx)\//.test(i),
      ),
    ).toEqual([]);
    expect(
      offenders(
        (p) => p.startsWith('src/writers/docx/'),
        (i) => /^\.\.?\/.*(^|\/)(layout|brief|pdf)\//.test(i),
      ),
    ).toEqual([]);
  });

  it("the HTML writer sees the Document, never the brief, its layout or another writer, and imports no other stage's library", () => {
    expect(all.filter((f) => f.path.startsWith('src/writers/html/')).length).toBeGreaterThan(3);
    expect(
      offenders(
        (p) => p.startsWith('src/writers/html/'),
        (i) =>
          /^\.\.?\/.*(^|\/)(layout|brief|pdf|docx|pipeline)\//.test(i) || /^(pdfmake|pdfkit|docx|handlebars|markdown-it|htmlparser2|fontkit)(\/|$)/.test(i),
      ),
    ).toEqual([]);
    // And no other writer imports it.
    expect(
      offenders(
        (p) => p.startsWith('src/writers/pdf/') || p.startsWith('src/writers/docx/'),
        (i) => /(^|\/)html\//.test(i),
      ),
    ).toEqual([]);
  });
});
