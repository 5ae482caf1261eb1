import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The Node options on bin/brief.js's first line: the code cache must be made under them (V8
 * refuses a cache made under other heap options), and the benchmark runs the command with them.
 */
export function binNodeOptions() {
  const bin = readFileSync(fileURLToPath(new URL('../bin/brief.js', import.meta.url)), 'utf8');
  return (/^#!.*\bnode\b(.*)$/m.exec(bin)?.[1] ?? '').trim().split(/\s+/).filter(Boolean);
}
