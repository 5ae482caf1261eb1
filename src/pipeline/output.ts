/** Where a command's lines go: results to stdout, errors to stderr (replaceable in tests). */
export interface Output {
  info(line: string): void;
  error(line: string): void;
  /** A status line that the next one replaces, on a terminal; elsewhere (cron mail, logs) nothing. */
  progress?(line: string): void;
  /** Prefix lines with the time: for logs read later, not for a person watching a terminal. */
  timestamps?: boolean;
}
