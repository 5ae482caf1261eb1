import { Packer, type File } from 'docx';
import { unzipSync } from 'fflate';

type PartData = string | Uint8Array | ArrayBuffer;
interface PartCompiler {
  compile(file: File): Map<string, PartData>;
}

/** docx's own compiler, which Packer keeps privately; null if a docx update has moved it (covered by a test). */
export function docxCompiler(): PartCompiler | null {
  const compiler = (Packer as unknown as { compiler?: Partial<PartCompiler> }).compiler;
  return typeof compiler?.compile === 'function' ? (compiler as PartCompiler) : null;
}

/** A file of the Word package: its XML as text, as docx's compiler makes it, or its bytes (images). */
export type PackagePart = string | Uint8Array;

/**
 * The files of the Word package by path, in the order they go into the zip. Taken from docx's
 * compiler before docx zips them: `makeReproducible` rewrites some of them and zips them
 * itself, so docx's own compression (in JavaScript: with that, about a tenth of a cold build)
 * would be undone and done again. The XML stays text until it is zipped (the main part is
 * some 300 KB, and `makeReproducible` rewrites it as text). Should docx stop keeping its
 * compiler there, its zip is unpacked instead, and every file comes as bytes.
 */
export async function docxParts(word: File, compiler: PartCompiler | null = docxCompiler()): Promise<Record<string, PackagePart>> {
  if (!compiler) return unzipSync(new Uint8Array(await Packer.toBuffer(word)));
  const files: Record<string, PackagePart> = {};
  for (const [path, data] of compiler.compile(word)) {
    files[path] =
      typeof data === 'string' ? data : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
  }
  return files;
}
