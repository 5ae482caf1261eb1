import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { describeEncoding } from '../../authoring/encoding.js';
import { planImport } from '../../authoring/importReferences.js';
import { createBrief } from '../../authoring/newBrief.js';
import { type ImportRecord, openReferences, ReferenceFormatError } from '../../authoring/references.js';
import { planSort } from '../../authoring/sortEntries.js';
import type { Brief } from '../../brief/types.js';
import { displayPath } from '../../diagnostics/displayPath.js';
import { describeFileError, isFileError } from '../../output/fileErrors.js';
import { writeOutput } from '../../output/writeOutput.js';
import { compileSchema, type SchemaValidator } from '../../validate/schemaValidator.js';
import type { BriefResponse, ImportResponse, NewBriefResponse, SaveConflict, SaveResponse, SortResponse } from '../api.js';
import { ApiFault, readJsonBody } from './body.js';
import { checkText, currentBrief, sha256 } from './briefState.js';

export interface ApiContext {
  /** The file of a brief the preview watches, by its name (undefined for any other name). */
  briefFile: (name: string) => string | undefined;
  /** Where POST /api/briefs creates briefs, as brief new does. */
  briefsDir: string;
  templatesRoot: string;
  /** schema/brief.schema.json: what GET /api/schema gives and every brief is checked against. */
  schemaPath: string;
}

type Json = (status: number, body: unknown, headers?: Record<string, string>) => void;

/** A brief's name, as brief new takes it: lower-case letters, digits and hyphens. */
const NAME = /^[a-z0-9][a-z0-9-]*$/;

/**
 * The studio's JSON API (types in src/studio/api.ts). A brief is found by its name among the
 * briefs the preview watches (or that the studio created), never by joining the name to a folder.
 */
export function studioApi(context: ApiContext) {
  let validator: SchemaValidator | undefined;
  const validate = () => {
    validator ??= compileSchema(context.schemaPath);
    return validator;
  };
  /** Briefs made by POST /api/briefs, known before the watcher's first build of them. */
  const created = new Map<string, string>();
  const pathOf = (name: string) => context.briefFile(name) ?? created.get(name);
  /** One save at a time per file: the version check and the write are never interleaved with another save's. */
  const saving = new Map<string, Promise<unknown>>();
  const oneAtATime = <T>(path: string, work: () => Promise<T>): Promise<T> => {
    const done = (saving.get(path) ?? Promise.resolve()).then(work, work);
    saving.set(
      path,
      done.catch(() => undefined),
    );
    return done;
  };

  const known = (name: string): string => {
    const path = pathOf(name);
    if (!path) throw new ApiFault(404, `there is no brief called "${name}" here`);
    return path;
  };

  const briefOf = (body: Record<string, unknown>): Brief => {
    const brief = body.brief;
    if (brief === null || typeof brief !== 'object' || Array.isArray(brief)) throw new ApiFault(400, 'the request has no brief in it (a JSON object)');
    return brief as Brief;
  };

  /** A brief from a request, checked as the command line checks one before importing or sorting into it. */
  const validBrief = (body: Record<string, unknown>, doing: string): Brief => {
    const brief = briefOf(body);
    const { problems } = checkText(`${JSON.stringify(brief, null, 2)}\n`, 'the brief', validate());
    if (problems.length > 0)
      throw new ApiFault(
        400,
        `the brief has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`} to fix before ${doing}: ${problems[0]?.message}`,
      );
    return brief;
  };

  async function getBrief(name: string, json: Json): Promise<void> {
    const path = known(name);
    const file = displayPath(path);
    const state = await readNaming(path, () => currentBrief(path, file, validate()));
    json(200, { name, ...state } satisfies BriefResponse);
  }

  async function putBrief(name: string, request: IncomingMessage, json: Json): Promise<void> {
    const path = known(name);
    const body = await readJsonBody(request);
    const brief = briefOf(body);
    if (typeof body.version !== 'string') throw new ApiFault(400, 'the request has no version: send the version the brief was opened at');
    const file = displayPath(path);
    await oneAtATime(path, async () => {
      const bytes = await readNaming(path, () => readFile(path));
      const version = sha256(bytes);
      if (version !== body.version) {
        const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
        let current: Brief | null = null;
        try {
          current = JSON.parse(text) as Brief;
        } catch {}
        json(409, { message: 'the file was changed elsewhere since you opened it', version, brief: current, text } satisfies SaveConflict);
        return;
      }
      const text = `${JSON.stringify(brief, null, 2)}\n`;
      const written = Buffer.from(text);
      try {
        await writeOutput(path, written);
      } catch (error) {
        if (isFileError(error)) throw new ApiFault(500, `${file}: cannot save it: ${describeFileError(error)}; your changes are still in the page`);
        throw error;
      }
      json(200, { version: sha256(written), ...checkText(text, file, validate()) } satisfies SaveResponse);
    });
  }

  async function newBrief(request: IncomingMessage, json: Json): Promise<void> {
    const body = await readJsonBody(request);
    const { name, title, standardSections = false } = body;
    if (typeof name !== 'string' || !NAME.test(name))
      throw new ApiFault(
        400,
        `"${String(name ?? '')}" cannot be a brief's name: use lower-case letters, digits and hyphens, e.g. "nursing-associates-2026-11"`,
      );
    if (typeof title !== 'string' || title.trim() === '') throw new ApiFault(400, 'a new brief needs a title (its topic)');
    if (typeof standardSections !== 'boolean') throw new ApiFault(400, 'standardSections is true or false: start with the standard sections or not');
    const path = resolve(context.briefsDir, `${name}.json`);
    try {
      await createBrief(path, title, context.templatesRoot, new Date(), { standardSections });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST')
        throw new ApiFault(409, `${displayPath(path)} already exists; a new brief never replaces one: choose another name`);
      if (isFileError(error)) throw new ApiFault(500, `${displayPath(path)}: cannot create it: ${describeFileError(error)}`);
      throw error;
    }
    created.set(name, path);
    json(201, { name } satisfies NewBriefResponse);
  }

  async function importReferences(request: IncomingMessage, json: Json): Promise<void> {
    const body = await readJsonBody(request);
    const { section, filename, content } = body;
    if (typeof section !== 'string' || section.trim() === '') throw new ApiFault(400, 'say which section to import into (its heading)');
    if (typeof filename !== 'string' || typeof content !== 'string') throw new ApiFault(400, 'the request needs the export: its file name and its content');
    const brief = validBrief(body, 'importing into it');
    const shown = basename(filename);
    // openReferences reads a file: the export goes to a private temporary folder, removed at once.
    const folder = await mkdtemp(join(tmpdir(), 'brief-studio-'));
    let records: ImportRecord[];
    let opened: Awaited<ReturnType<typeof openReferences>>;
    try {
      const path = join(folder, `export${extname(shown).toLowerCase()}`);
      await writeFile(path, Buffer.from(content, 'base64'));
      try {
        opened = await openReferences(path);
        records = await opened.read();
      } catch (error) {
        if (error instanceof ReferenceFormatError) throw new ApiFault(400, error.message.split(path).join(shown));
        throw error;
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
    const plan = planChecked(brief, records, section);
    const encoding = describeEncoding(opened.decoded);
    json(200, {
      brief: plan.brief,
      added: plan.outcomes.flatMap((o) => (o.kind === 'added' ? [{ title: o.entry.title, date: o.entry.date, source: o.entry.source }] : [])),
      skipped: plan.outcomes.flatMap((o) => (o.kind === 'skipped' ? [{ title: o.entry.title, why: o.why }] : [])),
      problems: [
        ...opened.notes.map((n) => ({ line: n.line, message: n.note })),
        ...plan.outcomes.flatMap((o) => (o.kind === 'refused' ? [{ line: o.record.line, message: `not imported: ${o.problem}` }] : [])),
      ],
      ...(encoding ? { encoding } : {}),
    } satisfies ImportResponse);
  }

  /** planImport, with an added entry the schema refuses turned into its record's problem (as brief import does). */
  function planChecked(brief: Brief, records: ImportRecord[], section: string) {
    const refuse = new Map<ImportRecord, string>();
    let plan = planImport(brief, records, section, refuse);
    const { problems } = checkText(`${JSON.stringify(plan.brief, null, 2)}\n`, 'the brief', validate());
    const added = plan.outcomes.filter((o) => o.kind === 'added');
    for (const d of problems) {
      const inEntry = d.pointer.startsWith(`${plan.entriesPointer}/`) ? /^\/(\d+)(.*)$/.exec(d.pointer.slice(plan.entriesPointer.length)) : null;
      const outcome = inEntry ? added[Number(inEntry[1]) - plan.firstAdded] : undefined;
      if (outcome && !refuse.has(outcome.record)) {
        const field = (inEntry?.[2] ?? '').replace(/^\//, '') || 'the entry';
        refuse.set(outcome.record, /^(should|must) /.test(d.message) ? `${field} ${d.message}` : `${field}: ${d.message}`);
      }
    }
    if (refuse.size > 0) plan = planImport(brief, records, section, refuse);
    return plan;
  }

  async function sort(request: IncomingMessage, json: Json): Promise<void> {
    const body = await readJsonBody(request);
    const plan = planSort(validBrief(body, 'sorting it'));
    json(200, { brief: plan.brief, moved: plan.moves } satisfies SortResponse);
  }

  /**
   * Answer an /api/ request; false when the path is not the API's. Errors are JSON `{ message }`
   * in plain words, never a stack trace.
   */
  async function handle(request: IncomingMessage, response: ServerResponse, path: string): Promise<boolean> {
    if (!path.startsWith('/api/')) return false;
    const json: Json = (status, body, headers = {}) => {
      const text = JSON.stringify(body);
      response.writeHead(status, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': Buffer.byteLength(text),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        ...headers,
      });
      response.end(request.method === 'HEAD' ? undefined : text);
    };
    const method = request.method ?? 'GET';
    const only = (...methods: string[]) => {
      if (!methods.includes(method)) throw new ApiFault(405, `${path} takes ${methods.join(' or ')}, not ${method}`);
    };
    try {
      // A page of another site may send a request here (it cannot read the answer): one that says it comes from elsewhere is refused.
      const origin = request.headers.origin;
      if (method !== 'GET' && method !== 'HEAD' && origin !== undefined && hostOfOrigin(origin) !== request.headers.host)
        throw new ApiFault(403, 'the studio answers only its own pages');
      if (path === '/api/schema') {
        only('GET', 'HEAD');
        const schema = await readFile(context.schemaPath, 'utf8');
        json(200, JSON.parse(schema));
      } else if (path === '/api/briefs') {
        only('POST');
        await newBrief(request, json);
      } else if (path === '/api/import') {
        only('POST');
        await importReferences(request, json);
      } else if (path === '/api/sort') {
        only('POST');
        await sort(request, json);
      } else {
        const match = /^\/api\/briefs\/([^/]+)$/.exec(path);
        const name = match ? decoded(match[1] as string) : undefined;
        if (name === undefined) throw new ApiFault(404, 'there is nothing at this address');
        only('GET', 'HEAD', 'PUT');
        if (method === 'PUT') await putBrief(name, request, json);
        else await getBrief(name, json);
      }
    } catch (error) {
      if (response.headersSent) response.destroy();
      else if (error instanceof ApiFault) json(error.status, { message: error.message }, error.status === 405 ? { Allow: allowed(path) } : {});
      else json(500, { message: 'brief studio met a fault it did not expect; nothing was saved by this request' });
      // The rest of a body refused early is not read: the connection is closed after the answer.
      if (!request.complete) request.resume();
    }
    return true;
  }

  /** Whether a name is a brief the studio can edit. */
  const knows = (name: string) => pathOf(name) !== undefined;
  return { handle, knows };
}

/** Read a brief's file, a file-system error becoming a 500 that names the file and says why. */
async function readNaming<T>(path: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isFileError(error)) throw new ApiFault(500, `${displayPath(path)}: cannot read it: ${describeFileError(error)}`);
    throw error;
  }
}

function allowed(path: string): string {
  if (path === '/api/schema') return 'GET, HEAD';
  if (path === '/api/briefs' || path === '/api/import' || path === '/api/sort') return 'POST';
  return 'GET, HEAD, PUT';
}

function hostOfOrigin(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

function decoded(piece: string): string | undefined {
  try {
    return decodeURIComponent(piece);
  } catch {
    return undefined;
  }
}
