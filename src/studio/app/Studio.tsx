/**
 * The editor of one brief: the form (rjsf over the brief schema, theme.tsx) beside the preview of
 * its HTML page. Save sends the version the page opened; a change on disk since then is a
 * dialog, never a silent overwrite. Problems and warnings are shown beside their fields and in a
 * list at the top that moves focus to them.
 */
import Form from '@rjsf/core';
import type { ErrorSchema, RJSFSchema } from '@rjsf/utils';
import { type DragEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiDiagnostic, ApiError, Brief, BriefResponse, ImportResponse, SaveConflict, SaveResponse, SchemaResponse, SortResponse } from '../api.js';
import { base64, call } from './client.js';
import { guessFormat, PASTE_FORMATS } from './pasteFormat.js';
import { formSchema, uiSchema } from './formSchema.js';
import { History } from './history.js';
import { errorTree, fieldPointer, focusField } from './problems.js';
import { templates, widgets } from './theme.js';
import { shapeValidator as validator } from './validator.js';

interface Loaded {
  version: string;
  problems: ApiDiagnostic[];
  warnings: ApiDiagnostic[];
}

/** "1 problem", "2 problems". */
const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function Studio({ name }: { name: string }) {
  const [schema, setSchema] = useState<RJSFSchema>();
  const [brief, setBrief] = useState<Brief>();
  const [loaded, setLoaded] = useState<Loaded>();
  const [notReadable, setNotReadable] = useState<string>();
  const [status, setStatus] = useState('Opening…');
  const [conflict, setConflict] = useState<SaveConflict>();
  const [incoming, setIncoming] = useState<ImportResponse & { file: string; section: string }>();
  const [section, setSection] = useState('');
  const [pasted, setPasted] = useState('');
  const [pastedFormat, setPastedFormat] = useState('');
  const [, setTick] = useState(0);
  const history = useRef(new History<Brief | undefined>(undefined));
  const dialog = useRef<HTMLDialogElement>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  /** The brief as on disk (as opened, last saved or loaded from disk), as JSON: the page has unsaved changes when it differs. */
  const [onDisk, setOnDisk] = useState('');

  const open = useCallback(async () => {
    const [s, b] = await Promise.all([
      call<SchemaResponse>('GET', '/api/schema'),
      call<BriefResponse | ApiError>('GET', `/api/briefs/${encodeURIComponent(name)}`),
    ]);
    if (s.status !== 200 || b.status !== 200) {
      setStatus(`Could not open the brief: ${((b.status !== 200 ? b.body : s.body) as ApiError).message}`);
      return;
    }
    const answer = b.body as BriefResponse;
    setSchema(formSchema(s.body) as RJSFSchema);
    setLoaded({ version: answer.version, problems: answer.problems, warnings: answer.warnings });
    if (answer.brief === null) {
      setNotReadable(answer.text);
      setStatus('');
      return;
    }
    history.current.reset(answer.brief);
    setOnDisk(JSON.stringify(answer.brief));
    setBrief(answer.brief);
    setStatus('');
  }, [name]);

  useEffect(() => {
    void open();
  }, [open]);

  // The preview follows the builds of this brief (brief preview's event stream).
  useEffect(() => {
    const events = new EventSource('/events');
    const onBuilt = (event: MessageEvent) => {
      const data = JSON.parse(event.data) as { brief?: string };
      if (data.brief === name && frame.current) frame.current.src = `/output/${encodeURIComponent(name)}.html?t=${Date.now()}`;
    };
    events.addEventListener('built', onBuilt);
    return () => events.close();
  }, [name]);

  const change = (next: Brief, key = '') => {
    history.current.push(next, key);
    setBrief(next);
    setTick((t) => t + 1);
  };
  const undo = () => {
    setBrief(history.current.undo());
    setTick((t) => t + 1);
  };
  const redo = () => {
    setBrief(history.current.redo());
    setTick((t) => t + 1);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || dialog.current?.open) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        undo();
      } else if (key === 'y' || (key === 'z' && event.shiftKey)) {
        event.preventDefault();
        redo();
      } else if (key === 's') {
        event.preventDefault();
        void save();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  async function save(version = loaded?.version) {
    if (!brief || version === undefined) return;
    setStatus('Saving…');
    let answer: Awaited<ReturnType<typeof call<SaveResponse | SaveConflict | ApiError>>>;
    try {
      answer = await call<SaveResponse | SaveConflict | ApiError>('PUT', `/api/briefs/${encodeURIComponent(name)}`, { version, brief });
    } catch (error) {
      setStatus(`Not saved: the studio did not answer (${(error as Error).message}). Your changes are still here.`);
      return;
    }
    if (answer.status === 200) {
      const saved = answer.body as SaveResponse;
      setOnDisk(JSON.stringify(brief));
      setLoaded({ version: saved.version, problems: saved.problems, warnings: saved.warnings });
      const n = saved.problems.length;
      setStatus(n === 0 ? 'Saved' : `Saved, with ${n} ${n === 1 ? 'problem' : 'problems'} to fix before it can be built`);
    } else if (answer.status === 409) {
      setConflict(answer.body as SaveConflict);
      setStatus('Not saved: the brief was changed elsewhere.');
      dialog.current?.showModal();
    } else {
      setStatus(`Not saved: ${(answer.body as ApiError).message}. Your changes are still here.`);
    }
  }

  const loadOther = () => {
    dialog.current?.close();
    if (!conflict) return;
    setLoaded((l) => (l ? { ...l, version: conflict.version } : l));
    if (conflict.brief) {
      setOnDisk(JSON.stringify(conflict.brief));
      change(conflict.brief);
    }
    setConflict(undefined);
    setStatus('Loaded the version from disk (Undo brings your changes back).');
  };
  const keepMine = () => {
    dialog.current?.close();
    const version = conflict?.version;
    setConflict(undefined);
    void save(version);
  };

  async function sort() {
    if (!brief) return;
    const answer = await call<SortResponse | ApiError>('POST', '/api/sort', { brief });
    if (answer.status !== 200) return setStatus(`Not sorted: ${(answer.body as ApiError).message}`);
    const sorted = answer.body as SortResponse;
    change(sorted.brief);
    setStatus(sorted.moved.length === 0 ? 'Already newest first: nothing moved.' : `Sorted newest first: ${sorted.moved.length} moved (not saved yet).`);
  }

  /** Send an export to the importer (POST /api/import, as brief import reads it), and show what it would add and skip. */
  async function importExport(filename: string, content: string, shown: string) {
    if (!brief) return;
    const target = section || brief.sections[0]?.heading || 'Imported';
    setStatus(`Reading ${shown}…`);
    const answer = await call<ImportResponse | ApiError>('POST', '/api/import', { brief, section: target, filename, content }).catch((error: Error) => ({
      status: 0,
      body: { message: `the studio did not answer (${error.message})` },
    }));
    if (answer.status !== 200) return setStatus(`Could not import ${shown}: ${(answer.body as ApiError).message}`);
    setIncoming({ ...(answer.body as ImportResponse), file: shown, section: target });
    setStatus('');
  }
  async function importFile(file: File | undefined) {
    if (file) await importExport(file.name, await base64(file), file.name);
  }
  async function importPasted() {
    if (pasted.trim() === '') return setStatus('Nothing to import: paste an export into the box first.');
    const ending = PASTE_FORMATS.find((f) => f.name === (pastedFormat || guessFormat(pasted)))?.ending ?? '.ris';
    await importExport(`pasted${ending}`, base64(pasted), 'the pasted text');
  }
  const acceptImport = () => {
    if (!incoming) return;
    change(incoming.brief);
    setStatus(`Added ${incoming.added.length} from ${incoming.file} to "${incoming.section}" (not saved yet).`);
    setIncoming(undefined);
    setPasted('');
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    void importFile(event.dataTransfer.files[0]);
  };

  const unsaved = useMemo(() => brief !== undefined && JSON.stringify(brief) !== onDisk, [brief, onDisk]);
  // Leaving or reloading the page with changes not saved asks first (the browser's own question).
  useEffect(() => {
    if (!unsaved) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [unsaved]);

  const extraErrors = useMemo(() => errorTree(loaded?.problems ?? [], loaded?.warnings ?? []), [loaded]);
  const listed = [...(loaded?.problems ?? []).map((d) => ({ ...d, kind: 'Problem' })), ...(loaded?.warnings ?? []).map((d) => ({ ...d, kind: 'Warning' }))];

  return (
    <div className="studio">
      <header className="bar">
        <nav aria-label="Studio">
          <a href="/">All briefs</a> <a href="/studio/">New brief</a>
        </nav>
        <h1>
          Editing <span className="name">{name}</span>
        </h1>
        <div className="actions">
          <button type="button" className="primary" onClick={() => void save()} disabled={!brief}>
            Save
          </button>
          <button type="button" onClick={undo} aria-disabled={!history.current.canUndo} aria-keyshortcuts="Control+Z">
            Undo
          </button>
          <button type="button" onClick={redo} aria-disabled={!history.current.canRedo} aria-keyshortcuts="Control+Y">
            Redo
          </button>
          <button type="button" onClick={() => void sort()} disabled={!brief}>
            Sort newest first
          </button>
        </div>
        <p className="status" role="status">
          {unsaved && (status === '' || status.startsWith('Saved')) ? 'Unsaved changes' : status}
        </p>
      </header>
      <div className="split">
        <main className="editor" aria-labelledby="form-heading">
          <h2 id="form-heading" className="visually-hidden">
            The brief
          </h2>
          {listed.length > 0 && (
            <section className="problems" aria-labelledby="problems-heading">
              <h2 id="problems-heading" className={(loaded?.problems.length ?? 0) === 0 ? 'warnings-only' : undefined}>
                {count(loaded?.problems.length ?? 0, 'problem')}, {count(loaded?.warnings.length ?? 0, 'warning')}
              </h2>
              <ul>
                {listed.map((d) => (
                  <li key={`${d.kind}${d.pointer}${d.message}`}>
                    <button type="button" className={`link ${d.kind.toLowerCase()}`} onClick={() => focusField(fieldPointer(d))}>
                      {d.kind}: {d.message}
                      {d.line !== undefined ? ` (line ${d.line})` : ''}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {notReadable !== undefined && (
            <section className="problems">
              <h2>This brief is not readable JSON</h2>
              <p>Fix it in a text editor (brief validate says where), then open it here again.</p>
            </section>
          )}
          {brief && (
            <section className="import" aria-labelledby="import-heading" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
              <h2 id="import-heading">Import references</h2>
              <p>
                From a RIS, BibTeX, MEDLINE or CSL JSON export: choose the file, drop it here, or paste it. You see what will be added and what skipped before
                anything changes.
              </p>
              <label htmlFor="import-section">Into the section</label>
              <select id="import-section" value={section || brief.sections[0]?.heading} onChange={(e) => setSection(e.target.value)}>
                {brief.sections.map((s, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: headings may repeat while being typed
                  <option key={i} value={s.heading}>
                    {s.heading}
                  </option>
                ))}
              </select>
              <label htmlFor="import-file">Export file</label>
              <input
                id="import-file"
                type="file"
                accept=".ris,.bib,.nbib,.txt,.json"
                onChange={(e) => {
                  void importFile(e.target.files?.[0]);
                  e.target.value = '';
                }}
              />
              <label htmlFor="import-paste">Or paste the export here</label>
              <textarea
                id="import-paste"
                rows={4}
                value={pasted}
                aria-describedby="import-paste-help"
                onChange={(e) => {
                  setPasted(e.target.value);
                  setPastedFormat('');
                }}
              />
              <p id="import-paste-help" className="field-description">
                Copy the references from your reference manager or database (RIS, BibTeX, MEDLINE or CSL JSON) and paste them.
              </p>
              <div className="paste-actions">
                <label htmlFor="import-format">Format</label>
                <select id="import-format" className="narrow" value={pastedFormat || guessFormat(pasted)} onChange={(e) => setPastedFormat(e.target.value)}>
                  {PASTE_FORMATS.map((f) => (
                    <option key={f.name} value={f.name}>
                      {f.name}
                    </option>
                  ))}
                </select>
                <button type="button" onClick={() => void importPasted()}>
                  Import the pasted text
                </button>
              </div>
              {incoming && (
                <div className="incoming">
                  <h3>
                    From {incoming.file}: {incoming.added.length} to add to "{incoming.section}", {incoming.skipped.length + incoming.problems.length} skipped
                  </h3>
                  {incoming.encoding && <p>{incoming.encoding}</p>}
                  <ul>
                    {incoming.added.map((a, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: a list shown once
                      <li key={i}>
                        Add: {a.title}
                        {a.date ? `, ${a.date}` : ''}
                        {a.source ? `, ${a.source}` : ''}
                      </li>
                    ))}
                    {incoming.skipped.map((s, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: a list shown once
                      <li key={`s${i}`}>
                        Skip: {s.title} ({s.why})
                      </li>
                    ))}
                    {incoming.problems.map((p, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: a list shown once
                      <li key={`p${i}`}>
                        Skip{p.line !== undefined ? ` (line ${p.line})` : ''}: {p.message}
                      </li>
                    ))}
                  </ul>
                  <button type="button" className="primary" onClick={acceptImport} disabled={incoming.added.length === 0}>
                    Add them
                  </button>
                  <button type="button" onClick={() => setIncoming(undefined)}>
                    Cancel
                  </button>
                </div>
              )}
            </section>
          )}
          {schema && brief && (
            <Form
              schema={schema}
              uiSchema={uiSchema}
              formData={brief}
              validator={validator}
              templates={templates}
              widgets={widgets}
              extraErrors={extraErrors as ErrorSchema}
              noValidate
              experimental_defaultFormStateBehavior={{ arrayMinItems: { populate: 'requiredOnly' }, emptyObjectFields: 'skipEmptyDefaults' }}
              showErrorList={false}
              onChange={(event, id) => change(event.formData as Brief, id)}
            />
          )}
        </main>
        <aside className="preview" aria-labelledby="preview-heading">
          <h2 id="preview-heading">Preview</h2>
          <p className="hint">The HTML page as last built: it updates after each save that has no problems.</p>
          <iframe ref={frame} title={`Preview of ${name}`} src={`/output/${encodeURIComponent(name)}.html`} />
        </aside>
      </div>
      <dialog ref={dialog} aria-labelledby="conflict-heading" onClose={() => setConflict(undefined)}>
        <h2 id="conflict-heading">This brief was changed elsewhere since you opened it</h2>
        <p>Someone (or another program) saved the file after you opened it here. Your changes are not saved yet.</p>
        <button type="button" onClick={loadOther}>
          Load the other version
        </button>
        <button type="button" className="primary" onClick={keepMine}>
          Keep mine and save anyway
        </button>
      </dialog>
    </div>
  );
}
