import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { naming } from '../output/fileErrors.js';
import { writeOutput } from '../output/writeOutput.js';
import type { Format } from '../output/outputPaths.js';
import { sameFormats } from '../pipeline/formats.js';
import type { FileHashes } from './fileHashes.js';

/** What the last successful build of each brief was made from and wrote, kept beside its documents. */
export interface Manifest {
  format: 2;
  briefs: Record<string, ManifestEntry>;
}

export interface ManifestEntry {
  /** The program that built it ("brief 0.1.0"): a new version rebuilds everything. */
  program: string;
  /** sha256 of every file the build read, by absolute path: of the bytes it read, where it says (the brief). */
  dependencies: Record<string, string>;
  /** Each document as written: a skip checks that the file still holds exactly these bytes. */
  outputs: { format: Format; path: string; bytes: number; sha256: string }[];
  /**
   * Who chose the formats written: `--format` ("option"), or the theme (its formats, or all): a
   * run that chooses otherwise builds the brief again, unless its --format names exactly the
   * formats written. (An entry without it, from before there were formats, is built again.)
   */
  formatsBy: 'option' | 'theme';
}

export const MANIFEST_NAME = '.brief-manifest.json';

export async function readManifest(outputDir: string): Promise<Manifest> {
  try {
    const manifest = JSON.parse(await readFile(join(outputDir, MANIFEST_NAME), 'utf8')) as Manifest;
    if (manifest.format === 2 && typeof manifest.briefs === 'object') return manifest;
  } catch {
    // No manifest yet, or an unreadable one: everything is built, and a good one written.
  }
  // (A manifest of format 1 did not record the documents' hashes: its briefs are built again.)
  return { format: 2, briefs: {} };
}

/**
 * Write the manifest whole (temporary file, then rename). It is written after each brief, so
 * a run that is stopped keeps the record of every brief it finished; not synced each time
 * (`durable` for the last write only): a manifest lost to a power cut only means rebuilding.
 */
export async function writeManifest(outputDir: string, manifest: Manifest, { durable = true }: { durable?: boolean } = {}): Promise<void> {
  const path = join(outputDir, MANIFEST_NAME);
  await naming(path, 'be written (the record of what was built)', () => writeOutput(path, Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`), { durable }));
}

/**
 * A brief is up to date when the same program built it from files that are all unchanged, in
 * the formats this run asks for (`formats`, from --format; when not given, the theme's, which
 * is among the files), and each of its documents is still there as written: a regular file
 * (not a folder, not a link) of the same size and hash.
 */
export async function isUpToDate(entry: ManifestEntry | undefined, program: string, hashes: FileHashes, formats?: readonly Format[]): Promise<boolean> {
  if (!entry || entry.program !== program || !Array.isArray(entry.outputs)) return false;
  if (!chosenAlike(entry, formats)) return false;
  const unchanged = await Promise.all(Object.entries(entry.dependencies).map(async ([path, hash]) => (await hashes.of(path)) === hash));
  if (!unchanged.every(Boolean)) return false;
  const intact = await Promise.all(entry.outputs.map((output) => isAsWritten(output, hashes)));
  return intact.every(Boolean);
}

/** Whether the entry's documents are those this run asks for: exactly the formats --format names, or (without it) the theme's. */
function chosenAlike(entry: ManifestEntry, formats: readonly Format[] | undefined): boolean {
  return formats
    ? sameFormats(
        formats,
        entry.outputs.map((o) => o.format),
      )
    : entry.formatsBy === 'theme';
}

async function isAsWritten(output: ManifestEntry['outputs'][number], hashes: FileHashes): Promise<boolean> {
  const stats = await lstat(output.path).catch(() => undefined);
  if (!stats?.isFile() || stats.size !== output.bytes) return false;
  return (await hashes.of(output.path)) === output.sha256;
}

/**
 * The entry for a brief just built. `read` holds the hashes of the bytes the build itself read
 * (a brief saved again during its build is then recorded as it was read, and built again next
 * time); other files' hashes come from `hashes`, which the run takes before building.
 */
export async function manifestEntry(
  program: string,
  dependencies: string[],
  read: Record<string, string>,
  outputs: ManifestEntry['outputs'],
  hashes: FileHashes,
  formatsBy: ManifestEntry['formatsBy'],
): Promise<ManifestEntry> {
  const hashed: Record<string, string> = {};
  for (const path of [...new Set(dependencies)].sort()) {
    const hash = read[path] ?? (await hashes.of(path));
    if (hash) hashed[path] = hash;
  }
  return { program, dependencies: hashed, outputs, formatsBy };
}
