import { basename } from 'node:path';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { displayPath } from '../diagnostics/displayPath.js';
import type { BuildResult } from '../pipeline/buildBrief.js';

/** What the preview knows of one brief: its last build, and its last good one. */
export interface BriefStatus {
  /** The file name without .json: the brief's name in the preview's addresses and in output/. */
  name: string;
  /** The brief's file as the command line names it (relative to where the preview was started). */
  file: string;
  /** The brief's file, absolute: where the studio reads and saves it. */
  path: string;
  /** When its last build finished, and whether it wrote the documents. */
  builtAt: Date;
  ok: boolean;
  /** When its documents were last written in this preview, and the PDF's pages then. */
  lastGoodAt?: Date;
  pages?: number;
  /** The lines `brief build` prints for its warnings and problems (file:line:column  pointer  message). */
  warnings: string[];
  problems: string[];
}

/** The brief's name in addresses and in the output folder: its file name without .json, as outputPaths names its documents. */
export const briefName = (briefPath: string) => basename(briefPath, '.json');

/** Every brief the preview has seen built, by name; told of each build and deletion by the watcher. */
export class BriefStatuses {
  private readonly byName = new Map<string, BriefStatus>();

  /** Record a build's outcome; returns the brief's status now. */
  built(briefPath: string, result: BuildResult, at = new Date()): BriefStatus {
    const name = briefName(briefPath);
    const before = this.byName.get(name);
    const pdf = result.ok ? result.outputs.find((o) => o.path.endsWith('.pdf')) : undefined;
    const status: BriefStatus = {
      name,
      file: displayPath(briefPath),
      path: briefPath,
      builtAt: at,
      ok: result.ok,
      // A failed build replaces nothing: the last good build's time and pages still describe the documents.
      lastGoodAt: result.ok ? at : before?.lastGoodAt,
      pages: result.ok ? pdf?.pages : before?.pages,
      warnings: result.warnings.map(formatDiagnostic),
      problems: result.ok ? [] : result.diagnostics.map(formatDiagnostic),
    };
    this.byName.set(name, status);
    return status;
  }

  deleted(briefPath: string): void {
    this.byName.delete(briefName(briefPath));
  }

  /** The brief of this name, if it is one the preview watches; names are looked up exactly, never read as paths. */
  get(name: string): BriefStatus | undefined {
    return this.byName.get(name);
  }

  /** Every brief, by name. */
  all(): BriefStatus[] {
    return [...this.byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}
