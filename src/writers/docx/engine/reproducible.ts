import { Zip, type ZipInputFile } from 'fflate';
import { crc32, deflateRawSync } from 'node:zlib';
import type { PackagePart } from './docxParts.js';

/**
 * docx stamps each document with the time it was made (in docProps/core.xml), gives hyperlinks
 * random relationship ids, and numbers bookmarks and drawings from counters that run on for the
 * life of the process (so a watcher's second build would differ from its first). Rewrite the
 * date with the document's own date and number the ids afresh, so the same brief gives the same
 * bytes; record the document's language in its core properties; and zip the package's files
 * (`docxParts`), every entry dated with the document's date too. `files` is changed in place.
 */
export function makeReproducible(files: Record<string, PackagePart>, created: Date, language: string): Buffer {
  const text = (path: string) => {
    const part = files[path];
    return part === undefined || typeof part === 'string' ? part : Buffer.from(part.buffer, part.byteOffset, part.byteLength).toString('utf8');
  };
  const put = (path: string, xml: string) => (files[path] = xml);

  const stamp = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core = text('docProps/core.xml');
  if (core) {
    put(
      'docProps/core.xml',
      core
        .replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`)
        .replace(/<dc:language>[^<]*<\/dc:language>/, '')
        .replace('</cp:coreProperties>', `<dc:language>${language}</dc:language></cp:coreProperties>`),
    );
  }
  numberRelationshipIds(files, text, put);
  const documentXml = text('word/document.xml');
  if (documentXml) put('word/document.xml', renumber(documentXml, [/(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)"/g, /(<wp:docPr\b[^>]*?\bid=")(\d+)"/g]));

  // Zip times are local wall-clock times: give every entry the document's date as such.
  const mtime = new Date(created.getTime() + created.getTimezoneOffset() * 60_000);
  return zipWithNodeZlib(files, mtime);
}

/**
 * The files zipped by fflate, each compressed by Node's own zlib (fflate lets a file bring its
 * compressed data): five times quicker than fflate's JavaScript deflate in a new process.
 */
function zipWithNodeZlib(files: Record<string, PackagePart>, mtime: Date): Buffer {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  for (const [filename, part] of Object.entries(files)) {
    const data = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    const file: ZipInputFile = { filename, size: data.length, crc: crc32(data), compression: 8, mtime };
    zip.add(file);
    file.ondata?.(null, deflateRawSync(data, { level: 6 }), true);
  }
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(chunks);
}

/** Replace random relationship ids (docx makes them for hyperlinks) with rIdLink1, rIdLink2, ... per part. */
function numberRelationshipIds(files: Record<string, PackagePart>, text: (path: string) => string | undefined, put: (path: string, xml: string) => void): void {
  for (const relsPath of Object.keys(files).filter((name) => name.endsWith('.rels'))) {
    const partPath = relsPath.replace(/_rels\/(.+)\.rels$/, '$1');
    let rels = text(relsPath) as string;
    let part = text(partPath);
    const random = [...rels.matchAll(/Id="(rId[^"]*[^\d"][^"]*)"/g)].map((m) => m[1] as string);
    if (random.length === 0 || part === undefined) continue;
    random.forEach((id, i) => {
      rels = rels.replaceAll(`"${id}"`, `"rIdLink${i + 1}"`);
      part = (part as string).replaceAll(`"${id}"`, `"rIdLink${i + 1}"`);
    });
    put(relsPath, rels);
    put(partPath, part);
  }
}

/** Number the ids that each pattern finds from 1, in order of first appearance (a bookmark's start and end share one). */
function renumber(xml: string, patterns: RegExp[]): string {
  for (const pattern of patterns) {
    const ids = new Map<string, number>();
    xml = xml.replace(pattern, (_match, prefix: string, id: string) => {
      if (!ids.has(id)) ids.set(id, ids.size + 1);
      return `${prefix}${ids.get(id)}"`;
    });
  }
  return xml;
}
