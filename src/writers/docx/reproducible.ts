import JSZip from 'jszip';

/**
 * docx stamps each file with the time it was made (in docProps/core.xml and on every zip
 * entry), gives hyperlinks random relationship ids, and numbers bookmarks and drawings from
 * counters that run on for the life of the process (so a watcher's second build would differ
 * from its first). Rewrite the dates with the document's own date and number the ids afresh,
 * so the same brief gives the same bytes; and record the document's language in its core properties.
 */
export async function makeReproducible(docx: Buffer, created: Date, language: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const stamp = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core = zip.file('docProps/core.xml');
  if (core) {
    const xml = (await core.async('string'))
      .replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`)
      .replace(/<dc:language>[^<]*<\/dc:language>/, '')
      .replace('</cp:coreProperties>', `<dc:language>${language}</dc:language></cp:coreProperties>`);
    zip.file('docProps/core.xml', xml);
  }
  await numberRelationshipIds(zip);
  await renumber(zip, 'word/document.xml', [/(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)"/g, /(<wp:docPr\b[^>]*?\bid=")(\d+)"/g]);
  const fixed = new Date(created.getTime() - created.getTimezoneOffset() * 60_000);
  for (const entry of Object.values(zip.files)) entry.date = fixed;
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** Replace random relationship ids (docx makes them for hyperlinks) with rIdLink1, rIdLink2, ... per part. */
async function numberRelationshipIds(zip: JSZip): Promise<void> {
  for (const relsPath of Object.keys(zip.files).filter((name) => name.endsWith('.rels'))) {
    const partPath = relsPath.replace(/_rels\/(.+)\.rels$/, '$1');
    const part = zip.file(partPath);
    let rels = await zip.file(relsPath)!.async('string');
    const random = [...rels.matchAll(/Id="(rId[^"]*[^\d"][^"]*)"/g)].map((m) => m[1] as string);
    if (random.length === 0 || !part) continue;
    let xml = await part.async('string');
    random.forEach((id, i) => {
      rels = rels.replaceAll(`"${id}"`, `"rIdLink${i + 1}"`);
      xml = xml.replaceAll(`"${id}"`, `"rIdLink${i + 1}"`);
    });
    zip.file(relsPath, rels);
    zip.file(partPath, xml);
  }
}

/** Number the ids that each pattern finds from 1, in order of first appearance (a bookmark's start and end share one). */
async function renumber(zip: JSZip, partPath: string, patterns: RegExp[]): Promise<void> {
  const part = zip.file(partPath);
  if (!part) return;
  let xml = await part.async('string');
  for (const pattern of patterns) {
    const ids = new Map<string, number>();
    xml = xml.replace(pattern, (_match, prefix: string, id: string) => {
      if (!ids.has(id)) ids.set(id, ids.size + 1);
      return `${prefix}${ids.get(id)}"`;
    });
  }
  zip.file(partPath, xml);
}
