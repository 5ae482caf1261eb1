/** Where a command's lines go: results to stdout, errors to stderr (replaceable in tests). */
export interface Output {
  info(line: string): void;
  error(line: string): void;
  /** A status line that the next one replaces, on a terminal; elsewhere (cron mail, logs) nothing. */
  progress?(line: string): void;
  /** Prefix lines with the time: for logs read later, not for a person watching a terminal. */
  timestamps?: boolean;
}

const onTerminal = Boolean(process.stdout.isTTY);
let progressShown = false;
const clearProgress = () => {
  if (progressShown) process.stdout.write('\r\x1b[K');
  progressShown = false;
};

export const consoleOutput: Output = {
  info: (line) => {
    clearProgress();
    process.stdout.write(`${line}\n`);
  },
  error: (line) => {
    clearProgress();
    process.stderr.write(`brief: ${line}\n`);
  },
  progress: (line) => {
    if (!onTerminal) return;
    process.stdout.write(`\r\x1b[K${line.slice(0, (process.stdout.columns ?? 80) - 1)}`);
    progressShown = true;
  },
  timestamps: !onTerminal,
};
