import { cpSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchBuild } from '../src/batch/batchBuild.js';
import { MANIFEST_NAME } from '../src/batch/manifest.js';
import { type BriefFile, briefFiles } from '../src/pipeline/briefFiles.js';

/** Something to do just after a brief's build has read it and written its documents, before the run records it. */
const during = { afterBuild: undefined as ((file: BriefFile) => void) | undefined };

const minimal = readFileSync('tests/fixtures/valid/minimal.json', 'utf8');
const withTopic = (topic: string) => minimal.replace('"topic": "Test Topic"', `"topic": "${topic}"`);

function makeProject(names: string[]) {
  const root = mkdtempSync(join(tmpdir(), 'brief-manifest-'));
  cpSync('templates', join(root, 'templates'), { recursive: true });
  for (const name of names) {
    mkdirSync(join(root, 'briefs', name, '..'), { recursive: true });
    writeFileSync(join(root, 'briefs', name), withTopic(name));
  }
  return root;
}

/** One run, one brief at a time, with what it said. */
async function run(root: string, paths = [join(root, 'briefs')]) {
  const lines: string[] = [];
  const report = await batchBuild(
    await briefFiles(paths),
    { outputDir: join(root, 'output'), templatesRoot: join(root, 'templates'), concurrency: 1, onBuilt: (file) => during.afterBuild?.(file) },
    { info: (l) => lines.push(l), error: (l) => lines.push(l) },
  );
  return { report, lines, statuses: report.briefs.map((b) => `${b.file.replace(/.*briefs\//, '')} ${b.status}`) };
}

describe('the manifest records what each build read and wrote', () => {
  it('a brief saved again during its build is built again on the next run', async () => {
    const root = makeProject(['a.json']);
    during.afterBuild = (file) => writeFileSync(file.path, withTopic('Saved during the build'));
    try {
      expect((await run(root)).statuses).toEqual(['a.json built']);
    } finally {
      during.afterBuild = undefined;
    }
    expect((await run(root)).statuses).toEqual(['a.json built']);
    expect((await run(root)).statuses).toEqual(['a.json skipped']);
  });

  it('is written after each brief, so a run that is stopped keeps the record of the briefs it finished', async () => {
    const root = makeProject(['a.json', 'b.json']);
    const recorded: string[][] = [];
    during.afterBuild = (file) => {
      if (!file.path.endsWith('b.json')) return;
      const manifest = JSON.parse(readFileSync(join(root, 'output', MANIFEST_NAME), 'utf8')) as { briefs: Record<string, unknown> };
      recorded.push(Object.keys(manifest.briefs).map((p) => p.replace(/.*\//, '')));
    };
    try {
      await run(root);
    } finally {
      during.afterBuild = undefined;
    }
    expect(recorded).toEqual([['a.json']]); // while b was being built, a was already on record
  });

  it('a skip checks each document: a changed, removed, folder or linked one is built again', async () => {
    const root = makeProject(['a.json', 'b.json', 'c.json', 'd.json']);
    await run(root);
    expect((await run(root)).statuses).toEqual(['a.json skipped', 'b.json skipped', 'c.json skipped', 'd.json skipped']);
    const output = (name: string) => join(root, 'output', name);
    // a: same size, other bytes
    const pdf = readFileSync(output('a.pdf'));
    pdf.writeUInt8(pdf.readUInt8(pdf.length - 20) ^ 1, pdf.length - 20);
    writeFileSync(output('a.pdf'), pdf);
    // b: its .docx removed
    rmSync(output('b.docx'));
    // c: a folder where its PDF was
    rmSync(output('c.pdf'));
    mkdirSync(output('c.pdf'));
    // d: its PDF a link to a copy of the same bytes, elsewhere
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'brief-elsewhere-')), 'd.pdf');
    cpSync(output('d.pdf'), elsewhere);
    rmSync(output('d.pdf'));
    symlinkSync(elsewhere, output('d.pdf'));
    const copy = readFileSync(elsewhere);

    const again = await run(root);
    expect(again.statuses).toEqual(['a.json built', 'b.json built', 'c.json failed', 'd.json built']);
    expect(again.lines.join('\n')).toContain('c.pdf  cannot be written: there is a folder of that name in its place; the folder is left as it is');
    expect(lstatSync(output('d.pdf')).isFile()).toBe(true);
    expect(readFileSync(elsewhere).equals(copy)).toBe(true);
  });
});

describe('briefs that would write the same documents', () => {
  it('are both refused by name, neither built, and the others are', async () => {
    const root = makeProject(['2021/brief.json', '2022/brief.json', 'other.json']);
    const { report, lines, statuses } = await run(root, [join(root, 'briefs', '2021'), join(root, 'briefs', '2022'), join(root, 'briefs', 'other.json')]);
    expect(statuses).toEqual(['2021/brief.json failed', '2022/brief.json failed', 'other.json built']);
    expect(report.summary).toEqual({ built: 1, skipped: 0, failed: 2 });
    const refusal = lines.find((l) => l.includes('2021/brief.json and'));
    expect(refusal).toMatch(
      /2021\/brief\.json {2}.*2021\/brief\.json and .*2022\/brief\.json would both write .*output\/brief\.pdf and .*output\/brief\.docx: neither is built; rename one of them$/,
    );
    expect(lines.some((l) => /2022\/brief\.json and .*2021\/brief\.json would both write/.test(l))).toBe(true);
    expect(() => lstatSync(join(root, 'output', 'brief.pdf'))).toThrow(/ENOENT/);
  });
});
