import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Run `brief <args>` in this process and collect what it prints. */
export async function runBrief(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['node', 'brief', ...args], {
    info: (line) => out.push(...line.split('\n')),
    error: (line) => err.push(`brief: ${line}`),
  });
  return { code, out, err };
}

/** Run the installed command (bin/brief.js, compiled dist/) as a user would, in `cwd`. */
export function spawnBrief(args: string[], cwd = projectRoot): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [`${projectRoot}bin/brief.js`, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
