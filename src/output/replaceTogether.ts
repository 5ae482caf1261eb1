import { constants } from 'node:fs';
import { copyFile, link, lstat, mkdir, open, readlink, rename, rm, symlink } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { describeFileError } from './fileErrors.js';
import { temporaryPathFor, writeTemporary } from './temporaryFile.js';

export interface NewFile {
  path: string;
  data: Uint8Array;
}

/** What happened to each file when they could not all be replaced: one plain sentence each. */
export interface NotReplaced {
  ok: false;
  files: { path: string; message: string }[];
  /** False when every previous file is as it was (the usual case); true only if putting one back failed too. */
  changed: boolean;
}

type Previous = 'none' | 'file' | 'link' | 'folder' | 'unknown';

/**
 * Replace `files` as a set, or not at all: a brief's PDF and Word document must always be
 * from the same build. Every new file is first written whole beside its place (see
 * temporaryFile.ts); only then is each renamed into place. The previous files are kept (a
 * hard link, or a copy) until every rename has succeeded; if one fails, the files already
 * replaced are put back by rename, so each place holds its old file again, byte for byte.
 *
 * A symbolic link in a file's place is replaced by the new file, never followed (rename acts
 * on the link itself): a link must not let a build write outside the output folder.
 */
export async function replaceTogether(files: readonly NewFile[], { durable }: { durable: boolean }): Promise<{ ok: true } | NotReplaced> {
  const previous = new Map<string, Previous>();
  const refuse = (failed: string, error: unknown, changed = false): NotReplaced => ({
    ok: false,
    changed,
    files: files.map(({ path }) => ({ path, message: path === failed ? `cannot be written: ${describeFileError(error)}; ${kept(previous.get(path))}` : `${previous.get(path) === 'none' ? 'not written' : 'not replaced'} either, as ${basename(failed)} could not be: ${kept(previous.get(path))}` })),
  });

  let unreachable: { path: string; error: unknown } | undefined;
  for (const { path } of files) {
    try {
      await mkdir(dirname(path), { recursive: true });
      previous.set(path, await whatIsAt(path));
    } catch (error) {
      previous.set(path, 'unknown');
      unreachable ??= { path, error };
    }
  }
  if (unreachable) return refuse(unreachable.path, unreachable.error);
  const blocked = files.find(({ path }) => previous.get(path) === 'folder');
  if (blocked) return refuse(blocked.path, Object.assign(new Error('a folder'), { code: 'EISDIR' }));

  const temporaries: string[] = [];
  const backups = new Map<string, string>();
  const discard = async () => {
    for (const temporary of temporaries) await rm(temporary, { force: true }).catch(() => undefined);
    for (const backup of backups.values()) await rm(backup, { force: true }).catch(() => undefined);
  };
  for (const { path, data } of files) {
    try {
      temporaries.push(await writeTemporary(path, data, { durable }));
      const kind = previous.get(path);
      if (kind === 'file' || kind === 'link') backups.set(path, await keepPrevious(path, kind));
    } catch (error) {
      await discard();
      return refuse(path, error);
    }
  }

  for (const [i, { path }] of files.entries()) {
    try {
      await rename(temporaries[i] as string, path);
    } catch (error) {
      // Put back what this set has already replaced, newest first.
      const notPutBack = new Map<string, string>();
      for (const done of files.slice(0, i).reverse()) {
        const backup = backups.get(done.path);
        try {
          if (backup) await rename(backup, done.path);
          else await rm(done.path, { force: true });
        } catch (restoreError) {
          notPutBack.set(done.path, describeFileError(restoreError));
        }
        if (notPutBack.has(done.path)) notPutBack.set(done.path, `${notPutBack.get(done.path)}${backup ? `: it is kept beside it as ${basename(backup)} until the next build into this folder` : ''}`);
        backups.delete(done.path); // put back, or the only copy of the previous file: not to be removed now
      }
      temporaries.splice(0, i); // renamed into place already
      await discard();
      const result = refuse(path, error, notPutBack.size > 0);
      for (const file of result.files.slice(0, i)) {
        const reason = notPutBack.get(file.path);
        const had = previous.get(file.path) !== 'none';
        file.message =
          reason === undefined
            ? `${had ? 'was replaced, then put back as it was' : 'was written, then removed again'}, as ${basename(path)} could not be replaced: ${kept(previous.get(file.path))}`
            : `the new file is in place, though ${basename(path)} could not be replaced, because the previous file could not be put back: ${reason}`;
      }
      return result;
    }
  }
  temporaries.length = 0;
  await discard();
  if (durable) await syncFolders(files.map((f) => dirname(f.path)));
  return { ok: true };
}

function kept(previous: Previous | undefined): string {
  if (previous === 'folder') return 'the folder is left as it is';
  if (previous === 'unknown') return 'whatever is there is left as it is';
  return previous === 'none' || previous === undefined ? 'there was no previous file' : 'the previous file is unchanged';
}

async function whatIsAt(path: string): Promise<Previous> {
  try {
    const stats = await lstat(path);
    if (stats.isDirectory()) return 'folder';
    return stats.isSymbolicLink() ? 'link' : 'file';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'none';
    throw error;
  }
}

/**
 * Keep the file now at `path` under a second name, without touching it: a hard link (no
 * copying; the old bytes stay exactly as they were), or a copy where the disk has no hard
 * links. A symbolic link is kept as a link to the same place.
 */
async function keepPrevious(path: string, kind: 'file' | 'link'): Promise<string> {
  const backup = temporaryPathFor(path, 'old');
  if (kind === 'link') await symlink(await readlink(path), backup);
  else await link(path, backup).catch(() => copyFile(path, backup, constants.COPYFILE_EXCL));
  return backup;
}

/** A rename is only on disk once its folder is synced; some systems cannot open a folder for that, which is no fault. */
async function syncFolders(folders: string[]): Promise<void> {
  for (const folder of new Set(folders)) {
    const handle = await open(folder, 'r').catch(() => undefined);
    await handle?.sync().catch(() => undefined);
    await handle?.close();
  }
}
