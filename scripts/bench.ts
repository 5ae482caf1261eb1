/**
 * `npm run bench`: how fast brief is where people feel it. Prints a table; targets are
 * checked and marked, but a benchmark never fails the build (timings belong here, not in tests).
 *
 *   watch: the median time from saving the 2021 brief to both new documents being written.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../src/paths.js';
import type { BuildResult } from '../src/pipeline/buildBrief.js';
import { watchBriefs } from '../src/watch/watchBriefs.js';

const BRIEF = join(packageRoot, 'briefs', 'peer-support-workers-2021-01.json');

interface Row {
  measure: string;
  value: string;
  target: string;
  met?: boolean;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** Save the brief again and again under a running watcher; time each save until both documents are written. */
async function watchRebuild(saves: number): Promise<Row> {
  const root = mkdtempSync(join(tmpdir(), 'brief-bench-'));
  mkdirSync(join(root, 'briefs'));
  const source = readFileSync(BRIEF, 'utf8');
  const briefPath = join(root, 'briefs', 'brief.json');
  writeFileSync(briefPath, source);
  let built: ((result: BuildResult) => void) | undefined;
  const watching = watchBriefs({
    briefsDir: join(root, 'briefs'),
    templatesRoot: join(packageRoot, 'templates'),
    schemaRoot: join(packageRoot, 'schema'),
    outputDir: join(root, 'output'),
    out: { info: () => undefined, error: (line) => console.error(line) },
    onBuilt: (_brief, result) => built?.(result),
  });
  await watching.ready;
  const times: number[] = [];
  for (let i = 0; i < saves; i++) {
    const done = new Promise<BuildResult>((resolve) => (built = resolve));
    const started = performance.now();
    writeFileSync(briefPath, source.replace('"topic": "Peer Support Workers"', `"topic": "Peer Support Workers ${i}"`));
    const result = await done;
    if (!result.ok) throw new Error('the benchmark brief failed to build');
    times.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 100));
  }
  await watching.close();
  rmSync(root, { recursive: true, force: true });
  const ms = median(times);
  return { measure: `watch: save of the 2021 brief to PDF + DOCX written (median of ${saves})`, value: `${ms.toFixed(0)} ms`, target: '<= 400 ms', met: ms <= 400 };
}

const rows: Row[] = [await watchRebuild(15)];
const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`brief benchmark, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} x ${cpu}\n`);
const width = Math.max(...rows.map((r) => r.measure.length));
console.log(`${'measure'.padEnd(width)}  ${'value'.padStart(10)}  target`);
for (const row of rows) {
  const mark = row.met === undefined ? '' : row.met ? '  met' : '  NOT MET';
  console.log(`${row.measure.padEnd(width)}  ${row.value.padStart(10)}  ${row.target}${mark}`);
}
