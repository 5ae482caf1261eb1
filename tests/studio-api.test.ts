import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sendRaw } from './helpers/http.js';
import { previewProject, startPreviewIn } from './helpers/previewProject.js';
import type { BriefResponse, ImportResponse, SaveConflict, SaveResponse, SortResponse } from '../src/studio/api.js';
import type { Previewing } from '../src/preview/preview.js';
import { runBrief } from './helpers/cli.js';

const minimal = readFileSync('tests/fixtures/valid/minimal.json', 'utf8');
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** A project in a temporary folder: briefs/a.json, copies of templates/ and schema/, and a front-end bundle in app/. */
function makeProject(): string {
  const root = previewProject('brief-studio-');
  writeFileSync(join(root, 'briefs', 'a.json'), minimal);
  mkdirSync(join(root, 'app'));
  writeFileSync(join(root, 'app', 'app.js'), 'export {};\n');
  return root;
}

/** A request with any method, body and headers, sent as written (JSON unless said). */
const send = (url: string, method: string, path: string, body?: string | Buffer, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
  sendRaw(url, { method, path, body, headers });

describe('brief studio: the JSON API', () => {
  let root: string;
  let studio: Previewing | undefined;
  const built: string[] = [];

  async function start(): Promise<Previewing> {
    root = makeProject();
    studio = await startPreviewIn(
      root,
      { out: { info: () => undefined, error: () => undefined }, onBuilt: (brief) => built.push(brief), formats: ['html'] },
      { appDir: join(root, 'app') },
    );
    return studio;
  }
  const json = async <T>(method: string, path: string, body?: unknown) => {
    const answer = await send((studio as Previewing).url, method, path, body === undefined ? undefined : JSON.stringify(body));
    return { status: answer.status, body: JSON.parse(answer.text) as T, type: answer.type };
  };
  const briefFile = () => join(root, 'briefs', 'a.json');

  afterEach(async () => {
    await studio?.close();
    studio = undefined;
    rmSync(root, { recursive: true, force: true });
  });

  it('GET a brief: its version is the sha256 of its bytes, with its text, parsed brief, problems and warnings; 404 for an unknown name', async () => {
    await start();
    const got = await json<BriefResponse>('GET', '/api/briefs/a');
    expect(got.status).toBe(200);
    expect(got.type).toMatch(/^application\/json/);
    expect(got.body).toMatchObject({ name: 'a', version: sha256(readFileSync(briefFile())), text: minimal, brief: JSON.parse(minimal), problems: [] });
    expect(Array.isArray(got.body.warnings)).toBe(true);
    const missing = await json<{ message: string }>('GET', '/api/briefs/nothing');
    expect(missing.status).toBe(404);
    expect(missing.body.message).toContain('"nothing"');
  });

  it('PUT with the right version writes JSON.stringify(brief, null, 2) + "\\n", keeping key order; with an old version, 409 and nothing written', async () => {
    await start();
    const { body: opened } = await json<BriefResponse>('GET', '/api/briefs/a');
    // Keys in an order no sorting would give, and a topic changed.
    const brief = { topic: 'Changed', ...(opened.brief as object) } as Record<string, unknown>;
    brief.topic = 'Changed “topic” – here';
    const saved = await json<SaveResponse>('PUT', '/api/briefs/a', { version: opened.version, brief });
    expect(saved.status).toBe(200);
    const expected = `${JSON.stringify(brief, null, 2)}\n`;
    expect(readFileSync(briefFile(), 'utf8')).toBe(expected);
    expect(Object.keys(JSON.parse(readFileSync(briefFile(), 'utf8')))[0]).toBe('topic');
    expect(saved.body).toEqual({ version: sha256(expected), problems: [], warnings: expect.any(Array) });

    const stale = await json<SaveConflict>('PUT', '/api/briefs/a', { version: opened.version, brief: { ...brief, topic: 'Lost' } });
    expect(stale.status).toBe(409);
    expect(stale.body).toEqual({ message: 'the file was changed elsewhere since you opened it', version: sha256(expected), brief, text: expected });
    expect(readFileSync(briefFile(), 'utf8')).toBe(expected);
  });

  it('PUT with schema problems still writes, and returns the problems with their pointers', async () => {
    await start();
    const { body: opened } = await json<BriefResponse>('GET', '/api/briefs/a');
    const brief = JSON.parse(minimal);
    brief.sections[0].entries[0].date = 'Mar 2020';
    const saved = await json<SaveResponse>('PUT', '/api/briefs/a', { version: opened.version, brief });
    expect(saved.status).toBe(200);
    expect(readFileSync(briefFile(), 'utf8')).toBe(`${JSON.stringify(brief, null, 2)}\n`);
    expect(saved.body.problems).toEqual([
      expect.objectContaining({ pointer: '/sections/0/entries/0/date', line: expect.any(Number), message: expect.stringContaining('"Mar 2020"') }),
    ]);
    // The same words as brief validate.
    const cli = await runBrief('validate', briefFile());
    expect(cli.out.join('\n')).toContain(saved.body.problems[0]?.message);
    const again = await json<BriefResponse>('GET', '/api/briefs/a');
    expect(again.body.problems.map((p) => p.message)).toEqual(saved.body.problems.map((p) => p.message));
  });

  it('a body that is not JSON, or without a brief, is 400; not JSON is 415; over 8 MB is 413', async () => {
    await start();
    const { url } = studio as Previewing;
    const { body: opened } = await json<BriefResponse>('GET', '/api/briefs/a');
    const notJson = await send(url, 'PUT', '/api/briefs/a', '{"version": ');
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.text).message).toBe('the request is not valid JSON');
    const noBrief = await json<{ message: string }>('PUT', '/api/briefs/a', { version: opened.version, brief: [1] });
    expect(noBrief.status).toBe(400);
    const form = await send(url, 'PUT', '/api/briefs/a', 'version=x', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect(JSON.parse(form.text)).toEqual({ message: expect.stringContaining('JSON') });
    const huge = await send(url, 'POST', '/api/sort', Buffer.alloc(8 * 1_048_576 + 1, 32));
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.text).message).toContain('8 MB');
    expect(readFileSync(briefFile(), 'utf8')).toBe(minimal);
  });

  it('a save that cannot be written is 500 with a message naming the file and why', async () => {
    await start();
    const { body: opened } = await json<BriefResponse>('GET', '/api/briefs/a');
    rmSync(briefFile());
    mkdirSync(briefFile());
    const failed = await json<{ message: string }>('PUT', '/api/briefs/a', { version: opened.version, brief: opened.brief });
    expect(failed.status).toBe(500);
    expect(failed.body.message).toMatch(/a\.json: .*there is a folder of that name in its place/);
    expect(failed.body.message).not.toMatch(/\n\s+at /);
  });

  it('POST /api/briefs creates the file brief new makes (with --standard-sections when asked), which the watcher then builds; 409 for an existing name, 400 for a bad one', async () => {
    await start();
    const made = await json<{ name: string }>('POST', '/api/briefs', { name: 'fresh', title: 'Fresh topic' });
    expect(made).toMatchObject({ status: 201, body: { name: 'fresh' } });
    const standard = await json<{ name: string }>('POST', '/api/briefs', { name: 'usual', title: 'Usual topic', standardSections: true });
    expect(standard).toMatchObject({ status: 201, body: { name: 'usual' } });
    expect((await json('POST', '/api/briefs', { name: 'other', title: 'Other', standardSections: 'yes' })).status).toBe(400);
    const cwd = mkdtempSync(join(tmpdir(), 'brief-new-'));
    const previous = process.cwd();
    try {
      process.chdir(cwd);
      expect((await runBrief('new', 'fresh', '--title', 'Fresh topic')).code).toBe(0);
      expect(readFileSync(join(root, 'briefs', 'fresh.json'), 'utf8')).toBe(readFileSync(join(cwd, 'briefs', 'fresh.json'), 'utf8'));
      expect((await runBrief('new', 'usual', '--title', 'Usual topic', '--standard-sections')).code).toBe(0);
      expect(readFileSync(join(root, 'briefs', 'usual.json'), 'utf8')).toBe(readFileSync(join(cwd, 'briefs', 'usual.json'), 'utf8'));
    } finally {
      process.chdir(previous);
      rmSync(cwd, { recursive: true, force: true });
    }
    expect((await json('POST', '/api/briefs', { name: 'fresh', title: 'Again' })).status).toBe(409);
    expect((await json('POST', '/api/briefs', { name: '../x', title: 'Bad' })).status).toBe(400);
    expect((await json<BriefResponse>('GET', '/api/briefs/fresh')).status).toBe(200);
    const deadline = Date.now() + 30_000;
    while (!built.some((b) => b.endsWith('fresh.json')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(built.some((b) => b.endsWith('fresh.json'))).toBe(true);
  });

  it('POST /api/import returns the brief with the entries added, and what was added; writes nothing', async () => {
    await start();
    const brief = JSON.parse(readFileSync('tests/fixtures/import/editions-brief.json', 'utf8'));
    const content = readFileSync('tests/fixtures/import/new-editions.ris').toString('base64');
    const imported = await json<ImportResponse>('POST', '/api/import', { brief, section: 'Section One', filename: 'refs.ris', content });
    expect(imported.status).toBe(200);
    expect(imported.body.added.map((a) => a.title)).toEqual(['NHS Staff Survey 2021: national results briefing', 'Mental health workforce plan: Part 3']);
    expect(imported.body.skipped).toEqual([]);
    expect(JSON.stringify(imported.body.brief)).toContain('Mental health workforce plan: Part 3');
    expect(readFileSync(briefFile(), 'utf8')).toBe(minimal);
    const unknown = await json<{ message: string }>('POST', '/api/import', { brief, section: 'Section One', filename: 'refs.txt', content });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('refs.txt');
  });

  it('POST /api/sort returns the brief newest first and what moved', async () => {
    await start();
    const brief = JSON.parse(minimal);
    const entry = brief.sections[0].entries[0];
    brief.sections[0].entries = [
      { ...entry, title: 'Older', date: 'March 2019' },
      { ...entry, title: 'Newer', date: 'March 2021' },
    ];
    const sorted = await json<SortResponse>('POST', '/api/sort', { brief });
    expect(sorted.status).toBe(200);
    expect(sorted.body.brief.sections[0]?.entries?.map((e) => (e as { title: string }).title)).toEqual(['Newer', 'Older']);
    expect(sorted.body.moved).toHaveLength(1);
  });

  it('GET /studio/<name> is the editor shell, /studio/ the New brief page; the bundle is served from its folder (404 when absent); the list links to it', async () => {
    await start();
    const { url } = studio as Previewing;
    const page = await send(url, 'GET', '/studio/a');
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
    expect(page.text).toContain('<title>Editing a – brief studio</title>');
    expect(page.text).toContain('<link rel="stylesheet" href="/studio/app.css">');
    expect(page.text).toContain('<div id="studio" data-brief="a"></div>');
    expect(page.text).toContain('<script type="module" src="/studio/app.js"></script>');
    expect((await send(url, 'GET', '/studio/nothing')).status).toBe(404);
    const script = await send(url, 'GET', '/studio/app.js');
    expect(script.status).toBe(200);
    expect(script.type).toMatch(/javascript/);
    expect((await send(url, 'GET', '/studio/app.css')).status).toBe(404);
    expect((await send(url, 'GET', '/')).text).toContain('href="/studio/a">Edit in the studio');
    // New brief: a link on the list to the studio's page for it, which the bundle fills in.
    expect((await send(url, 'GET', '/')).text).toContain('<a class="new-brief" href="/studio/">New brief</a>');
    const newPage = await send(url, 'GET', '/studio/');
    expect(newPage.status).toBe(200);
    expect(newPage.text).toContain('<title>New brief – brief studio</title>');
    expect(newPage.text).toContain('<div id="studio" data-page="new-brief"></div>');
    expect((await send(url, 'GET', '/briefs/a')).text).toContain('href="/studio/a">Edit in the studio');
    // Same host checks as the preview.
    expect((await send(url, 'GET', '/api/briefs/a', undefined, { Host: 'evil.example' })).status).toBe(403);
  });
});
