/**
 * The import's progress line ("reading references.ris: 40,000 of 100,000 records"), on a
 * terminal only: written to stderr and rewritten in place, so that stdout (what was added) stays
 * clean for a pipe or a file. Where stderr is not a terminal there is none (undefined).
 */
export interface ProgressLine {
  /** Show this line in place of the last; at most ten times a second. */
  update(line: string): void;
  /** Remove the line, before the results are printed. */
  clear(): void;
}

export function progressLine(stream: { isTTY?: boolean; columns?: number; write(text: string): unknown } = process.stderr): ProgressLine | undefined {
  if (!stream.isTTY) return undefined;
  let shown = false;
  let last = 0;
  return {
    update(line) {
      const now = Date.now();
      if (shown && now - last < 100) return;
      last = now;
      stream.write(`\r\x1b[K${line.slice(0, (stream.columns ?? 80) - 1)}`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
