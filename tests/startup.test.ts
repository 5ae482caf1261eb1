import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binNodeOptions } from '../scripts/binNodeOptions.mjs';
import { projectRoot } from './helpers/cli.js';

const bin = join(projectRoot, 'bin', 'brief.js');
const shebangOptions = binNodeOptions();

describe('the bundled program and its code cache (npm run build)', () => {
  it.each(['brief.cjs', 'build-worker.cjs'])('has a code cache for %s that V8 accepts, under the options bin/brief.js runs with', (name) => {
    const buildId = readFileSync(join(projectRoot, 'dist', 'build-id'), 'latin1').trim();
    const cache = readFileSync(join(projectRoot, 'dist', `${name}.cache`));
    expect(cache.subarray(0, buildId.length).toString('latin1')).toBe(buildId);
    const check = `
      const { readFileSync } = require('node:fs'); const Module = require('node:module'); const { Script } = require('node:vm');
      const bundle = ${JSON.stringify(join(projectRoot, 'dist', name))};
      const script = new Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData: readFileSync(bundle + '.cache').subarray(${buildId.length}) });
      process.stdout.write(String(script.cachedDataRejected));`;
    expect(execFileSync(process.execPath, [...shebangOptions, '-e', check], { encoding: 'utf8' })).toBe('false');
  });

  it("has no dynamic import() left in the command's bundle, which bin/brief.js runs without a module loader", () => {
    const bundle = readFileSync(join(projectRoot, 'dist', 'brief.cjs'), 'utf8');
    expect(bundle.length).toBeGreaterThan(1_000_000);
    expect(bundle.match(/[^\w.$]import\(/g) ?? []).toEqual([]);
  });

  it.each(['brief.cjs', 'build-worker.cjs', 'docx-worker.cjs'])('keeps %s to ASCII, so that V8 holds its source at one byte a character', (name) => {
    const bundle = readFileSync(join(projectRoot, 'dist', name));
    expect(bundle.length).toBeGreaterThan(100_000);
    expect(bundle.findIndex((byte) => byte > 0x7f)).toBe(-1);
  });

  it('is measured by npm run bench under the same Node options', () => {
    const { scripts } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const options = /^node (.*?) --import tsx /.exec(scripts.bench ?? '')?.[1]?.split(' ');
    expect(options).toEqual(shebangOptions);
  });

  it('ignores a damaged cache or one from another build, and runs as well without it', () => {
    // A copy of the installed program whose cache can be spoilt without touching the real one.
    const copy = mkdtempSync(join(tmpdir(), 'brief-install-'));
    for (const part of ['bin', 'dist', 'package.json']) cpSync(join(projectRoot, part), join(copy, part), { recursive: true });
    for (const part of ['node_modules', 'templates', 'schema']) symlinkSync(join(projectRoot, part), join(copy, part));
    const buildId = readFileSync(join(copy, 'dist', 'build-id'), 'latin1').trim();
    const realCache = readFileSync(join(copy, 'dist', 'brief.cjs.cache'));
    const spoilt = [
      Buffer.concat([Buffer.from(buildId, 'latin1'), Buffer.from('not code at all, just some bytes '.repeat(100))]),
      Buffer.concat([Buffer.from('0123456789abcdef', 'latin1'), realCache.subarray(buildId.length)]),
      realCache.subarray(0, realCache.length / 2),
    ];
    for (const cache of spoilt) {
      writeFileSync(join(copy, 'dist', 'brief.cjs.cache'), cache);
      const run = spawnSync(process.execPath, [...shebangOptions, join(copy, 'bin', 'brief.js'), 'validate', join(projectRoot, 'briefs', 'peer-support-workers-2021-01.json')], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('valid (31 contents headings, 118 entries)');
    }
    // The workers of a batch load their own bundle and cache.
    const briefs = join(copy, 'briefs');
    mkdirSync(briefs);
    for (const name of ['a.json', 'b.json']) cpSync(join(projectRoot, 'briefs', 'peer-support-workers-2021-01.json'), join(briefs, name));
    writeFileSync(join(copy, 'dist', 'build-worker.cjs.cache'), spoilt[0] as Buffer);
    const batch = spawnSync(process.execPath, [...shebangOptions, join(copy, 'bin', 'brief.js'), 'build', '--concurrency', '2'], { cwd: copy, encoding: 'utf8' });
    expect(batch.status).toBe(0);
    expect(batch.stdout).toContain('2 briefs: 2 built, 0 unchanged (skipped), 0 failed');
    for (const name of ['a', 'b']) expect(readFileSync(join(copy, 'output', `${name}.pdf`)).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
