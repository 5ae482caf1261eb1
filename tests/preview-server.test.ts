import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeHTML } from 'entities';
import { sendRaw } from './helpers/http.js';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/diagnostics/diagnostic.js';
import type { BuildResult } from '../src/pipeline/buildBrief.js';
import { escapeHtml } from '../src/preview/pages.js';
import { type Previewing, startPreview } from '../src/preview/preview.js';
import { PreviewRefused } from '../src/preview/server.js';
import { projectRoot, spawnBrief } from './helpers/cli.js';

const minimal = readFileSync('tests/fixtures/valid/minimal.json', 'utf8');
const withTopic = (topic: string) => minimal.replace('"topic": "Test Topic"', `"topic": "${topic}"`);
/** minimal.json with a date the schema refuses, on line 17, column 19. */
const badDate = minimal.replace('"date": "March 2020"', '"date": "Mar 2020"');
const SECRET = 'SECRET-OUTSIDE-THE-OUTPUT-FOLDER';

/** A project in a temporary folder: briefs/a.json, copies of templates/ and schema/, and a secret file beside output/. */
function makeProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'brief-preview-'));
  cpSync('templates', join(root, 'templates'), { recursive: true });
  cpSync('schema', join(root, 'schema'), { recursive: true });
  mkdirSync(join(root, 'briefs'));
  writeFileSync(join(root, 'briefs', 'a.json'), minimal);
  writeFileSync(join(root, 'secret.txt'), SECRET);
  return root;
}

/** A GET with the path and headers sent exactly as written, every byte of the answer kept. */
const rawGet = (url: string, path: string, headers: Record<string, string> = {}) => sendRaw(url, { path, headers, encoding: 'latin1' });

/** A page's text as a reader sees it: tags dropped, character references decoded (by entities). */
const textOf = (html: string) => decodeHTML(html.replace(/<[^>]+>/g, ''));

async function until(condition: () => boolean, what: string, said: () => string = () => ''): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${said()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('brief preview: the server', () => {
  let root: string;
  let previewing: Previewing | undefined;
  let lines: string[];
  let builds: { brief: string; result: BuildResult; at: number }[];
  let deleted: string[];

  async function start(extra: { port?: number } = {}): Promise<Previewing> {
    root = makeProject();
    lines = [];
    builds = [];
    deleted = [];
    previewing = await startPreview({
      briefsDir: join(root, 'briefs'),
      templatesRoot: join(root, 'templates'),
      schemaRoot: join(root, 'schema'),
      outputDir: join(root, 'output'),
      out: { info: (l) => lines.push(l), error: (l) => lines.push(`error: ${l}`) },
      onBuilt: (brief, result) => builds.push({ brief, result, at: performance.now() }),
      onDeleted: (brief) => deleted.push(brief),
      port: extra.port ?? 0,
    });
    await previewing.ready;
    return previewing;
  }

  /** Save briefs/a.json and wait for its build; that build. */
  async function save(text: string): Promise<(typeof builds)[number]> {
    const count = builds.length;
    writeFileSync(join(root, 'briefs', 'a.json'), text);
    await until(
      () => builds.length > count,
      'a.json to be rebuilt',
      () => lines.join('\n'),
    );
    return builds.at(-1) as (typeof builds)[number];
  }

  afterEach(async () => {
    await previewing?.close();
    previewing = undefined;
    rmSync(root, { recursive: true, force: true });
  });

  it('lists the briefs and shows a brief’s page with its build, pages and documents', async () => {
    const { url } = await start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const first = builds[0]?.result;
    expect(first?.ok).toBe(true);
    const pages = first?.ok ? first.outputs.find((o) => o.path.endsWith('.pdf'))?.pages : undefined;

    const list = await fetch(url);
    expect(list.status).toBe(200);
    expect(list.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const listHtml = await list.text();
    expect(listHtml).toContain('<html lang="en-GB">');
    expect(listHtml).toContain('<script src="/preview.js" defer></script>');
    const row = /<tr>\s*<th scope="row"><a href="\/briefs\/a">a<\/a><\/th>([\s\S]*?)<\/tr>/.exec(listHtml)?.[1] ?? '';
    const cells = [...row.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => textOf(m[1] as string).trim());
    expect(cells[0]).toMatch(/^built at \d\d:\d\d:\d\d$/);
    expect(cells.slice(1, 4)).toEqual([String(pages), '0', '0']);
    expect(row).toContain('href="/output/a.pdf"');
    expect(row).toContain('href="/output/a.docx"');
    expect(textOf(listHtml)).toContain('Only this computer can open these pages.');

    const page = await fetch(`${url}briefs/a`);
    expect(page.status).toBe(200);
    const pageHtml = await page.text();
    expect(pageHtml).toContain('<body data-brief="a">');
    expect(textOf(pageHtml)).toMatch(new RegExp(`Built at \\d\\d:\\d\\d:\\d\\d: ${pages} pages\\.`));
    expect(pageHtml).toContain('<a href="/output/a.pdf">PDF</a>');
    expect(pageHtml).toContain('<a href="/output/a.docx">Word document (.docx)</a>');
    expect(pageHtml).toContain('<a href="/output/a.html">Web page (HTML)</a>');
    expect(pageHtml).toContain('<iframe src="/output/a.html" title="Web page version of a"></iframe>');

    const pdf = await fetch(`${url}output/a.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).equals(readFileSync(join(root, 'output', 'a.pdf')))).toBe(true);
    const web = await fetch(`${url}output/a.html`);
    expect(web.headers.get('content-type')).toBe('text/html; charset=utf-8');
    // The brief's page runs no script, whatever it held, and only the preview may frame it.
    expect(web.headers.get('content-security-policy')).toContain("script-src 'none'");
    expect(web.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(await web.text()).toBe(readFileSync(join(root, 'output', 'a.html'), 'utf8'));
    // The page's own script, which the brief's documents on disk never contain.
    expect(await (await fetch(`${url}preview.js`)).text()).toContain("new EventSource('/events')");
    expect(readFileSync(join(root, 'output', 'a.html'), 'utf8')).not.toContain('preview.js');

    // A brief built without a web page (a theme's or --format's choice): its PDF instead.
    rmSync(join(root, 'output', 'a.html'));
    const without = await (await fetch(`${url}briefs/a`)).text();
    expect(without).not.toContain('<iframe');
    expect(without).toContain('There is no web page version of this brief yet. <a href="/output/a.pdf">Open the PDF</a>.');
  });

  it('sends an event as soon as a save is built, and a broken save’s page shows its problems, with their lines, over the last good documents', async () => {
    const { url } = await start();
    const events: { data: string; at: number }[] = [];
    const stream = await fetch(`${url}events`);
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buffered = '';
    const reading = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffered += decoder.decode(value, { stream: true });
        for (let end = buffered.indexOf('\n\n'); end >= 0; end = buffered.indexOf('\n\n')) {
          events.push({ data: buffered.slice(0, end), at: performance.now() });
          buffered = buffered.slice(end + 2);
        }
      }
    })();

    const edited = await save(withTopic('Topic, edited'));
    await until(() => events.some((e) => e.data.startsWith('event: built')), 'the event after the save');
    const built = events.find((e) => e.data.startsWith('event: built'));
    expect(built?.data).toBe('event: built\ndata: {"brief":"a","ok":true}');
    // Told within a fraction of the half second the pages have to reload in.
    expect((built?.at ?? Infinity) - edited.at).toBeLessThan(200);

    const broken = await save(badDate);
    expect(broken.result.ok).toBe(false);
    await until(() => events.filter((e) => e.data.startsWith('event: built')).length === 2, 'the event after the broken save');
    expect(events.at(-1)?.data).toBe('event: built\ndata: {"brief":"a","ok":false}');
    const problems = broken.result.ok ? [] : broken.result.diagnostics;
    expect(problems.length).toBeGreaterThan(0);
    const html = await (await fetch(`${url}briefs/a`)).text();
    const text = textOf(html);
    expect(text).toMatch(/Not built at \d\d:\d\d:\d\d: 1 problem to fix\. The documents below are from the last good build, at \d\d:\d\d:\d\d\./);
    // Each problem as brief build prints it: file:line:column, the place in the brief, and what is wrong.
    for (const problem of problems) expect(html).toContain(`<li><code>${escapeHtml(formatDiagnostic(problem))}</code></li>`);
    expect(text).toContain(`${join(root, 'briefs', 'a.json')}:17:19  /sections/0/entries/0/date  "date" should be a year`);
    expect(html).toContain('<a href="/output/a.pdf">PDF</a>');
    const row = await (await fetch(url)).text();
    expect(textOf(row)).toMatch(/not built at \d\d:\d\d:\d\d\s*\d+\s*0\s*1/);

    // A brief added is listed; deleted, it leaves the list and its documents (left on disk) are no longer served.
    writeFileSync(join(root, 'briefs', 'b.json'), withTopic('Topic B'));
    await until(() => builds.some((b) => b.brief.endsWith('b.json')), 'b.json to be built');
    expect((await fetch(`${url}briefs/b`)).status).toBe(200);
    rmSync(join(root, 'briefs', 'b.json'));
    await until(() => deleted.length === 1, 'b.json to be seen deleted');
    await until(() => events.some((e) => e.data === 'event: deleted\ndata: {"brief":"b"}'), 'the event for the deletion');
    expect(existsSync(join(root, 'output', 'b.pdf'))).toBe(true);
    expect((await fetch(`${url}briefs/b`)).status).toBe(404);
    expect((await fetch(`${url}output/b.pdf`)).status).toBe(404);
    expect(await (await fetch(url)).text()).not.toContain('/briefs/b');

    await reader.cancel();
    await reading;
  });

  it('serves nothing outside the documents of the briefs it watches: traversal, absolute paths, links out of output/ and unknown names are refused', async () => {
    const { url } = await start();
    const output = join(root, 'output');
    // Named as the documents of a watched brief, but links to files outside output/.
    writeFileSync(join(root, 'briefs', 'c.json'), '{ not a brief');
    await until(() => builds.some((b) => b.brief.endsWith('c.json')), 'c.json to be tried');
    symlinkSync(join(root, 'secret.txt'), join(output, 'c.pdf'));
    symlinkSync('/etc/passwd', join(output, 'c.docx'));
    symlinkSync('../secret.txt', join(output, 'c.html'));
    // Files in output/ that are no watched brief's document.
    writeFileSync(join(output, 'zzz.pdf'), SECRET);
    writeFileSync(join(output, 'a.pdf.brief-1-1.tmp'), SECRET);
    const attempts = [
      '/output/..%2fsecret.txt',
      '/output/..%2F..%2Fsecret.txt',
      '/output/%2e%2e/secret.txt',
      '/output/%2e%2e%2fsecret.txt',
      '/output/%2E%2E%2Fsecret.txt',
      '/output/..%5csecret.txt',
      '/output/..%5c..%5csecret.txt',
      '/output/..\\secret.txt',
      '/output/../secret.txt',
      '/briefs/..%2f..%2fsecret.txt',
      '/briefs/%2e%2e',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      `/output/${encodeURIComponent(join(root, 'secret.txt'))}`,
      `/output/${join(root, 'secret.txt')}`,
      `/${join(root, 'secret.txt')}`,
      `//${join(root, 'secret.txt')}`,
      '/output/%2fetc%2fpasswd',
      '/etc/passwd',
      '/output/c.pdf',
      '/output/c.docx',
      '/output/c.html',
      '/output/zzz.pdf',
      '/output/a.pdf.brief-1-1.tmp',
      '/output/a.json',
      '/output/.brief-manifest.json',
      '/output/a.pdf%00.html',
      '/output/',
      '/output',
      '/briefs/',
      '/briefs/nobody',
      '/briefs/a/extra',
      '/schema/brief.schema.json',
      '/briefs/a.json',
      '/secret.txt',
    ];
    for (const path of attempts) {
      const answer = await rawGet(url, path);
      expect([400, 403, 404], `${path} answered ${answer.status}`).toContain(answer.status);
      expect(answer.text, path).not.toContain(SECRET);
      expect(answer.text, path).not.toContain('root:x:0');
      expect(answer.text, path).not.toContain('"$schema"');
    }
    // The list does not offer them either, and the real documents are still served.
    const list = await (await fetch(url)).text();
    expect(list).not.toContain('/output/c.');
    expect((await rawGet(url, '/output/a.pdf')).status).toBe(200);
    expect((await rawGet(url, '/output/a%2Epdf')).status).toBe(200);
    expect((await fetch(`${url}output/a.pdf`, { method: 'POST' })).status).toBe(405);
  });

  it('answers only requests addressed to this computer, and refuses to listen on another address without --host', async () => {
    const { url } = await start();
    const port = new URL(url).port;
    // A page on another site whose name was pointed at 127.0.0.1 (DNS rebinding) asks with its own name.
    for (const host of ['evil.example', `evil.example:${port}`, `192.168.1.10:${port}`]) {
      const answer = await rawGet(url, '/', { Host: host });
      expect(answer.status, host).toBe(403);
      expect(answer.text).not.toContain('/briefs/a');
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) expect((await rawGet(url, '/', { Host: host })).status, host).toBe(200);

    // Another address, not told that it was meant: refused before anything is built or locked.
    const refused = startPreview({
      briefsDir: join(root, 'briefs'),
      templatesRoot: join(root, 'templates'),
      schemaRoot: join(root, 'schema'),
      outputDir: join(root, 'output-2'),
      out: { info: () => undefined, error: () => undefined },
      host: '0.0.0.0',
      port: 0,
    });
    await expect(refused).rejects.toThrow(PreviewRefused);
    await expect(refused).rejects.toThrow("0.0.0.0 is not this computer's own address (127.0.0.1)");
    expect(existsSync(join(root, 'output-2'))).toBe(false);

    // The port in use: said plainly, with what to do.
    const taken = startPreview({
      briefsDir: join(root, 'briefs'),
      templatesRoot: join(root, 'templates'),
      schemaRoot: join(root, 'schema'),
      outputDir: join(root, 'output-3'),
      out: { info: () => undefined, error: () => undefined },
      port: Number(port),
    });
    await expect(taken).rejects.toThrow(
      `port ${port} on 127.0.0.1 is already in use (another brief preview?): choose another with --port, e.g. --port ${Number(port) + 1}`,
    );
    expect(existsSync(join(root, 'output-3'))).toBe(false);
  });
});

describe('brief preview from the command line', () => {
  let child: ChildProcessWithoutNullStreams | undefined;
  let root: string;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    child = undefined;
    rmSync(root, { recursive: true, force: true });
  });

  it('stops cleanly on Ctrl-C: the event streams ended, the server closed, the output folder free; exit 0, no stack trace', async () => {
    root = makeProject();
    const started = spawn(process.execPath, [`${projectRoot}bin/brief.js`, 'preview', '--port', '0', '--format', 'pdf,docx'], { cwd: root });
    child = started;
    let stdout = '';
    let stderr = '';
    started.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    started.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const exited = new Promise<number | null>((resolve) => started.on('exit', (code) => resolve(code)));
    await until(
      () => stdout.includes('(Ctrl-C to stop)'),
      'the preview to be ready',
      () => stdout + stderr,
    );
    const url = /preview: open (http:\/\/127\.0\.0\.1:\d+\/) in your browser \(only this computer can see it\)/.exec(stdout)?.[1] as string;
    expect(url).toBeDefined();
    expect(await (await fetch(url)).text()).toContain('href="/briefs/a"');
    // --format is brief watch's: only the documents asked for are made.
    expect(existsSync(join(root, 'output', 'a.pdf'))).toBe(true);
    expect(existsSync(join(root, 'output', 'a.html'))).toBe(false);
    // A page left open, listening for builds: its stream must not keep the preview from stopping.
    const stream = await fetch(`${url}events`);
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    // While it runs, it holds the output folder as brief watch does.
    expect(spawnBrief(['build'], root).code).toBe(3);

    started.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('stopping: finishing the build under way, if any\nstopped the preview\n');
    // The stream was ended by the preview, not left hanging.
    let ended = false;
    for (let i = 0; i < 10 && !ended; i++) ended = (await reader.read().catch(() => ({ done: true }))).done === true;
    expect(ended).toBe(true);
    await expect(fetch(url)).rejects.toThrow();
    // The lock is freed: a build into the same folder runs.
    expect(spawnBrief(['build'], root).code).toBe(0);
  });
});
