import type { ChildProcess } from 'node:child_process';

/**
 * Waits, without a fixed sleep, until `condition` holds (checked every 20 ms, for at most 20 s),
 * then for `idle` (a watcher's queue). The error names `what` and shows `said()` (the lines printed).
 */
export async function until(condition: () => boolean, what: string, said: () => string[], idle?: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; watcher said:\n${said().join('\n')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  await idle?.();
}

/** Collects a spawned `brief watch`'s standard output, and resolves once it says it is watching ("(Ctrl-C to stop)"), within 20 s. */
export function watchingStarted(child: ChildProcess): { started: Promise<void>; stdout: () => string } {
  let stdout = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  const started = new Promise<void>((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`no "watching" line: ${stdout}`)), 20_000);
    child.stdout?.on('data', () => {
      if (!stdout.includes('(Ctrl-C to stop)')) return;
      clearTimeout(timeout);
      resolve();
    });
  });
  return { started, stdout: () => stdout };
}
