import type { Output } from '../pipeline/output.js';

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
