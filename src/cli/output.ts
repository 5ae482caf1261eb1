/** Where a command's lines go: results to stdout, errors to stderr (replaceable in tests). */
export interface Output {
  info(line: string): void;
  error(line: string): void;
}

export const consoleOutput: Output = {
  info: (line) => process.stdout.write(`${line}\n`),
  error: (line) => process.stderr.write(`brief: ${line}\n`),
};
