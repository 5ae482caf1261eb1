import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { displayPath } from '../diagnostics/displayPath.js';

/** A brief file as the user will see it named, and where it really is. */
export interface BriefFile {
  path: string;
  file: string;
}

export class NoBriefsFolderError extends Error {}

/**
 * The files a command works on: the paths given (a folder stands for the .json files in it),
 * or, with none, every .json file in briefs/ under the current folder. A brief may be named
 * without ".json", and by its name alone when it is in briefs/ (see briefPath).
 * Paths that do not exist are passed through, so that loading reports them like any other file.
 */
export async function briefFiles(paths: readonly string[], cwd = process.cwd()): Promise<BriefFile[]> {
  if (paths.length === 0) {
    const folder = join(cwd, 'briefs');
    if (!(await isFolder(folder))) {
      throw new NoBriefsFolderError(`there is no briefs/ folder in ${cwd}: run brief in the project folder, or name the brief files to use`);
    }
    return jsonFilesIn(folder, cwd);
  }
  const files: BriefFile[] = [];
  for (const given of paths) {
    const path = await briefPath(given, cwd);
    // A folder named like a brief is a brief file that is wrong, not a folder of briefs.
    if ((await isFolder(path)) && !path.endsWith('.json')) files.push(...(await jsonFilesIn(path, cwd)));
    else files.push({ path, file: displayPath(path, cwd) });
  }
  return files;
}

/**
 * Where a brief named on the command line is, as an absolute path: what was typed, if it
 * exists; else with ".json" added ("briefs/x" for briefs/x.json); else, for a bare name
 * ("x" or "x.json"), the brief of that name in briefs/. A name that is none of these is
 * returned as typed, so that the "no such file" message names what the user typed.
 */
export async function briefPath(given: string, cwd = process.cwd()): Promise<string> {
  const typed = resolve(cwd, given);
  const candidates = [typed];
  if (!given.endsWith('.json')) candidates.push(`${typed}.json`);
  if (!/[/\\]/.test(given)) candidates.push(join(cwd, 'briefs', withJson(given)));
  for (const candidate of candidates) if (await exists(candidate)) return candidate;
  return typed;
}

/** A brief's file name: the name with ".json" added unless it ends so already. */
export function withJson(name: string): string {
  return name.endsWith('.json') ? name : `${name}.json`;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function jsonFilesIn(folder: string, cwd: string): Promise<BriefFile[]> {
  const names = (await readdir(folder)).filter((name) => name.endsWith('.json')).sort();
  return names.map((name) => {
    const path = join(folder, name);
    return { path, file: displayPath(path, cwd) };
  });
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
