/** One problem found in a file, located for a person to find it in their editor. */
export interface Diagnostic {
  /** The file as the user named it (relative to where they ran the command, when inside it). */
  file: string;
  /** 1-based line and column; absent for problems of the file as a whole (not found, unreadable). */
  line?: number;
  column?: number;
  /** JSON pointer of the value concerned; empty for problems of the file as a whole (syntax). */
  pointer: string;
  /** Plain English: what is wrong and what is allowed. */
  message: string;
  /** A warning is worth a look but does not stop anything; without this, the problem is an error. */
  severity?: 'warning';
}

/** `briefs/x.json:12:9  /sections/3/entries/2/date  <message>` */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}:${d.column ?? 1}`;
  const message = d.severity === 'warning' ? `warning: ${d.message}` : d.message;
  return d.pointer ? `${where}  ${d.pointer}  ${message}` : `${where}  ${message}`;
}
