import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeOutput } from '../output/writeOutput.js';
import type { FileHashes } from './fileHashes.js';

/** What the last successful build of each brief was made from, kept beside its documents. */
export interface Manifest {
  format: 1;
  briefs: Record<string, ManifestEntry>;
}

export interface ManifestEntry {
  /** The program that built it ("brief 0.1.0"): a new version rebuilds everything. */
  program: string;
  /** sha256 of every file the build read, by absolute path. */
  dependencies: Record<string, string>;
  outputs: string[];
}

export const MANIFEST_NAME = '.brief-manifest.json';

export async function readManifest(outputDir: string): Promise<Manifest> {
  try {
    const manifest = JSON.parse(await readFile(join(outputDir, MANIFEST_NAME), 'utf8')) as Manifest;
    if (manifest.format === 1 && typeof manifest.briefs === 'object') return manifest;
  } catch {
    // No manifest yet, or an unreadable one: everything is built, and a good one written.
  }
  return { format: 1, briefs: {} };
}

export async function writeManifest(outputDir: string, manifest: Manifest): Promise<void> {
  await writeOutput(join(outputDir, MANIFEST_NAME), Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`));
}

/** A brief is up to date when the same program built it from files that are all unchanged, and its documents are still there. */
export async function isUpToDate(entry: ManifestEntry | undefined, program: string, hashes: FileHashes): Promise<boolean> {
  if (!entry || entry.program !== program) return false;
  const unchanged = await Promise.all(Object.entries(entry.dependencies).map(async ([path, hash]) => (await hashes.of(path)) === hash));
  if (!unchanged.every(Boolean)) return false;
  const present = await Promise.all(entry.outputs.map((path) => stat(path).then(() => true, () => false)));
  return present.every(Boolean);
}

export async function manifestEntry(program: string, dependencies: string[], outputs: string[], hashes: FileHashes): Promise<ManifestEntry> {
  const hashed: Record<string, string> = {};
  for (const path of [...new Set(dependencies)].sort()) {
    const hash = await hashes.of(path);
    if (hash) hashed[path] = hash;
  }
  return { program, dependencies: hashed, outputs };
}
