import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { displayPath } from '../diagnostics/displayPath.js';
import lockfile from 'proper-lockfile';
import { naming } from '../output/fileErrors.js';
import { removeStrayTemporaries } from '../output/strayTemporaries.js';

/** Who holds a build lock: written into the lock so that a second run can say. */
export interface LockOwner {
  pid: number;
  host: string;
  started: string;
  command: string;
}

export class LockHeldError extends Error {
  constructor(
    readonly owner: LockOwner | undefined,
    readonly lockPath: string,
  ) {
    // Named by what holds it: a watcher runs until someone stops it, a build ends by itself.
    const what = owner?.command ?? 'another brief build';
    const then =
      owner?.command === 'brief watch' ? 'stop it (Ctrl-C where it runs), or build into another folder with --output' : 'try again when it has finished';
    super(
      owner
        ? `${what} is already writing into ${displayPath(dirname(lockPath))}: process ${owner.pid} on ${owner.host}, started ${owner.started}; ${then}`
        : `another brief build is already writing into ${displayPath(dirname(lockPath))} (it holds ${lockPath}); ${then}`,
    );
  }
}

export const LOCK_NAME = '.brief.lock';

/**
 * Make sure two builds into the same output folder never overlap. proper-lockfile makes the
 * lock (a folder, created atomically) and keeps it fresh while the build runs; a lock that
 * has not been kept fresh for a while, or whose process on this machine is gone, was left by
 * a build that was killed, and is taken over.
 *
 * Who holds the lock is written beside it (proper-lockfile watches the lock folder's time).
 * A run first writes a claim under its own process number, then takes the lock, then writes
 * the owner file and removes the claims: so a lock without an owner file (its run was killed
 * between taking it and naming itself) can still be told apart from one whose run is naming
 * itself at that moment, by whether any claimant is alive.
 */
export async function acquireBuildLock(outputDir: string, command: string, say: (line: string) => void): Promise<() => Promise<void>> {
  // A read-only or full disk, or no permission: named plainly, with the folder (never "did not expect").
  return naming(outputDir, 'take the lock on this output folder', () => takeLock(outputDir, command, say));
}

/**
 * `brief build` and `brief watch` both hold this lock on their output folder for as long as
 * they write there, so neither ever removes the other's temporary files: whoever takes the
 * lock removes those left by a run (of either) that was stopped, as no one else can be writing.
 */
async function takeLock(outputDir: string, command: string, say: (line: string) => void): Promise<() => Promise<void>> {
  await mkdir(outputDir, { recursive: true });
  const lockPath = join(outputDir, LOCK_NAME);
  const ownerPath = `${lockPath}.owner.json`;
  const owner: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString(), command };
  const claimPath = join(outputDir, claimName(process.pid));
  await writeFile(claimPath, JSON.stringify(owner));
  const options = { lockfilePath: lockPath, realpath: false, stale: 30_000, update: 10_000, retries: 0, onCompromised: () => undefined };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(outputDir, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') {
      await rm(claimPath, { force: true });
      throw error;
    }
    const holder = await lockHolder(outputDir, ownerPath, lockPath);
    if (holder.alive) {
      await rm(claimPath, { force: true });
      throw new LockHeldError(holder.owner, lockPath);
    }
    say(
      holder.owner
        ? `a lock left by a build that stopped (process ${holder.owner.pid}, started ${holder.owner.started}) was found and taken over`
        : 'a lock left by a build that stopped was found and taken over',
    );
    await rm(lockPath, { recursive: true, force: true });
    release = await lockfile.lock(outputDir, options);
  }
  await writeFile(ownerPath, JSON.stringify(owner));
  // This run's claim, and those of runs killed before they could take the lock (a run that is
  // waiting for it will be refused, and needs its claim no more).
  for (const name of await readdir(outputDir)) {
    if (CLAIM.test(name)) await rm(join(outputDir, name), { force: true });
  }
  const stray = await removeStrayTemporaries(outputDir);
  if (stray > 0) say(`removed ${stray} unfinished temporary file${stray === 1 ? '' : 's'} left by a build or watcher that was stopped`);
  return async () => {
    await rm(ownerPath, { force: true });
    await release().catch(() => undefined); // already gone: nothing left to release
  };
}

const CLAIM = /^\.brief\.lock\.owner\.\d+\.json$/;
const claimName = (pid: number) => `${LOCK_NAME}.owner.${pid}.json`;

/** Who holds a lock that another run has, and whether that run is still going. */
async function lockHolder(outputDir: string, ownerPath: string, lockPath: string): Promise<{ owner: LockOwner | undefined; alive: boolean }> {
  const named = await readOwner(ownerPath);
  if (named) return { owner: named, alive: isRunning(named) };
  // No owner file: the run that took the lock is naming itself now (its claim is alive), or was killed before it could.
  const claims = await Promise.all(
    (await readdir(outputDir)).filter((n) => CLAIM.test(n) && n !== claimName(process.pid)).map((n) => readOwner(join(outputDir, n))),
  );
  const live = claims.find((claim) => claim && isRunning(claim));
  if (live) return { owner: live, alive: true };
  // It may have finished naming itself meanwhile.
  const renamed = await readOwner(ownerPath);
  if (renamed) return { owner: renamed, alive: isRunning(renamed) };
  // A lock made with no claim beside it (by an older brief) is trusted for a few seconds.
  const dead = claims.find((claim) => claim !== undefined);
  const old = await stat(lockPath).then(
    (s) => Date.now() - s.mtimeMs > 5_000,
    () => true,
  );
  return { owner: dead, alive: !dead && !old };
}

function isRunning(owner: LockOwner): boolean {
  return owner.host !== hostname() || isAlive(owner.pid);
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
