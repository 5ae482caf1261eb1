import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

/** Who holds a build lock: written into the lock so that a second run can say. */
export interface LockOwner {
  pid: number;
  host: string;
  started: string;
  command: string;
}

export class LockHeldError extends Error {
  constructor(readonly owner: LockOwner | undefined, readonly lockPath: string) {
    super(
      owner
        ? `another brief build is running: process ${owner.pid} on ${owner.host}, started ${owner.started} (${owner.command}); try again when it has finished`
        : `another brief build is running (it holds ${lockPath}); try again when it has finished`,
    );
  }
}

export const LOCK_NAME = '.brief.lock';

/**
 * Make sure two builds into the same output folder never overlap. proper-lockfile makes the
 * lock (a folder, created atomically) and keeps it fresh while the build runs; a lock that
 * has not been kept fresh for a while, or whose process on this machine is gone, was left by
 * a build that was killed, and is taken over.
 */
export async function acquireBuildLock(outputDir: string, command: string, say: (line: string) => void): Promise<() => Promise<void>> {
  await mkdir(outputDir, { recursive: true });
  const lockPath = join(outputDir, LOCK_NAME);
  // Beside the lock, not in it: proper-lockfile watches the lock folder's modification time.
  const ownerPath = `${lockPath}.owner.json`;
  const options = { lockfilePath: lockPath, realpath: false, stale: 30_000, update: 10_000, retries: 0, onCompromised: () => undefined };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(outputDir, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    const owner = await readOwner(ownerPath);
    // A run writes its name into the lock at once; a lock still without one seconds later was left by a run killed in between.
    const nameless = !owner && (await stat(lockPath).then((s) => Date.now() - s.mtimeMs > 5_000, () => false));
    if (!nameless && (!owner || owner.host !== hostname() || isAlive(owner.pid))) throw new LockHeldError(owner, lockPath);
    say(owner ? `a lock left by a build that stopped (process ${owner.pid}, started ${owner.started}) was found and taken over` : 'a lock left by a build that stopped was found and taken over');
    await rm(lockPath, { recursive: true, force: true });
    release = await lockfile.lock(outputDir, options);
  }
  const owner: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString(), command };
  await writeFile(ownerPath, JSON.stringify(owner));
  return async () => {
    await rm(ownerPath, { force: true });
    await release().catch(() => undefined); // already gone: nothing left to release
  };
}

async function readOwner(ownerPath: string): Promise<LockOwner | undefined> {
  try {
    return JSON.parse(await readFile(ownerPath, 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
