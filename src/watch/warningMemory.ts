import { type Diagnostic, formatDiagnostic } from '../diagnostics/diagnostic.js';

/** What the watcher prints of a build's warnings: a note for the build's line, and the warning lines (if any). */
export interface WarningReport {
  /** Added to the build's line: " (2 warnings, unchanged)", or "". */
  note: string;
  /** The warnings, formatted, when they changed; "no warnings now" when the last ones are all gone. */
  lines: string[];
}

/**
 * Remembers each brief's warnings from its last build, so that `brief watch` prints them only
 * when they change: a save that leaves them as they were gets "(n warnings, unchanged)" on its
 * build line instead of the same lines again. Warnings are the same when they say the same
 * things (the same messages, as often each), wherever they are: a line added above a warning
 * moves it without changing it. A build that stopped before lint ran (a brief that could not be
 * read or was invalid) says nothing of warnings and leaves the memory as it was.
 */
export class WarningMemory {
  private readonly last = new Map<string, string>();

  report(briefPath: string, warnings: readonly Diagnostic[], linted: boolean): WarningReport {
    if (!linted) return { note: '', lines: [] };
    const said = JSON.stringify(warnings.map((w) => w.message).sort());
    const before = this.last.get(briefPath);
    this.last.set(briefPath, said);
    if (said === before) {
      return { note: warnings.length === 0 ? '' : ` (${warnings.length} warning${warnings.length === 1 ? '' : 's'}, unchanged)`, lines: [] };
    }
    if (warnings.length === 0) return { note: '', lines: before === undefined ? [] : ['no warnings now'] };
    return { note: '', lines: warnings.map(formatDiagnostic) };
  }

  forget(briefPath: string): void {
    this.last.delete(briefPath);
  }
}
