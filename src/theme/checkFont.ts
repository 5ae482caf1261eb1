import * as fontkit from 'fontkit';

export type FontCheck = { ok: true; font: fontkit.Font } | { ok: false; reason: string };

/** Tables pdfkit reads from every font it embeds (metrics, character map, names, flags). */
const REQUIRED = ['head', 'hhea', 'maxp', 'hmtx', 'cmap', 'post', 'name'];
/** Tables read when they are there: OpenType layout (shaping other scripts than Latin) and the hinting a subset copies. */
const OPTIONAL = ['OS/2', 'loca', 'GDEF', 'GSUB', 'GPOS', 'kern', 'cvt ', 'fpgm', 'prep', 'CFF ', 'CFF2'];

interface TableEntry {
  offset: number;
  length: number;
}

/**
 * Open a font file and check, before any document is made, what pdfkit will later read
 * from it: a damaged font otherwise fails deep inside the PDF writer, naming no file, or is
 * embedded broken. fontkit decodes tables only when asked and swallows a table it cannot
 * decode (the getter gives undefined), so each table is asked for and the answer checked.
 * Glyph outlines are not decoded one by one (some 450 ms a font): every table lying inside
 * the file, and every glyph's place inside `glyf`, is what a subset needs to copy them.
 * `opened`: these bytes passed before (see CheckedAssets in loadTheme.ts), so the font is only opened.
 */
export function checkFont(data: Buffer, { opened = false }: { opened?: boolean } = {}): FontCheck {
  let font: fontkit.Font;
  try {
    font = fontkit.create(data) as fontkit.Font;
  } catch (error) {
    return {
      ok: false,
      reason: error instanceof RangeError ? endsTooSoon(data, 'inside its table of contents') : 'it does not begin as a TrueType or OpenType font does',
    };
  }
  // A .ttc or .dfont holds several fonts; pdfkit needs one.
  if (typeof font.hasGlyphForCodePoint !== 'function') return { ok: false, reason: 'it holds several fonts (a collection): use a file with one font' };
  // These very bytes passed every check below before (CheckedAssets): opening them is enough.
  if (opened) return { ok: true, font };
  const face = font as unknown as Record<string, unknown> & { directory: { tables: Record<string, TableEntry> }; type: string; numGlyphs: number };
  const tables = face.directory.tables;
  // WOFF and WOFF2 store their tables compressed, so their directory's lengths are not sizes in the file.
  if (face.type === 'TTF') {
    // In the file's order, so that the table named is the one where the file was cut.
    const inOrder = Object.entries(tables).sort(([, a], [, b]) => a.offset - b.offset);
    const cut = inOrder.find(([, table]) => table.offset + table.length > data.length);
    if (cut) {
      const [tag, table] = cut;
      const where = table.offset < data.length ? 'inside' : 'before';
      return { ok: false, reason: endsTooSoon(data, `${where} its ${tag.trim()} table, which runs to byte ${count(table.offset + table.length)}`) };
    }
  }
  for (const tag of REQUIRED) {
    if (!(tag in tables)) return { ok: false, reason: `it has no ${tag} table, which every TrueType or OpenType font has` };
  }
  for (const tag of [...REQUIRED, ...OPTIONAL]) {
    if (!(tag in tables)) continue;
    try {
      if (face[tag] === undefined) return { ok: false, reason: `its ${tag.trim()} table is damaged` };
    } catch (error) {
      return { ok: false, reason: `its ${tag.trim()} table is damaged (${(error as Error).message})` };
    }
  }
  if ('glyf' in tables) {
    const glyphs = glyphPlaces(face.loca as { offsets?: number[] } | undefined, tables.glyf as TableEntry, face.numGlyphs);
    if (glyphs) return { ok: false, reason: glyphs };
  } else if (!('CFF ' in tables) && !('CFF2' in tables)) {
    return { ok: false, reason: 'it has no glyph outlines (no glyf or CFF table)' };
  }
  return { ok: true, font };
}

/** Where each glyph's outline lies in `glyf` (the loca table): every one must lie inside it, in order. */
function glyphPlaces(loca: { offsets?: number[] } | undefined, glyf: TableEntry, numGlyphs: number): string | undefined {
  const offsets = loca?.offsets;
  if (!offsets || offsets.length < numGlyphs + 1) return 'its loca table (where each glyph lies) is missing or too short';
  for (let i = 1; i <= numGlyphs; i++) {
    const start = offsets[i - 1] as number;
    const end = offsets[i] as number;
    if (end < start || end > glyf.length) return `its loca table is damaged: glyph ${i - 1} lies outside the glyf table`;
  }
  return undefined;
}

function endsTooSoon(data: Buffer, where: string): string {
  return `the file ends too soon, after ${count(data.length)} bytes, ${where} (was it copied or downloaded only in part?)`;
}

const count = (n: number) => n.toLocaleString('en-GB');
