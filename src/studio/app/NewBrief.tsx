/**
 * The "New brief" page: the brief's topic and its name (suggested from the topic and this month,
 * as the team names briefs: "nurse-retention-2026-11"), then POST /api/briefs, which makes what
 * `brief new` makes, and on to the new brief's editor.
 */
import { type FormEvent, useState } from 'react';
import type { ApiError, NewBriefResponse } from '../api.js';
import { call } from './client.js';

/** A name for a brief on a topic, published this month: lower-case words joined by hyphens, then the year and month. */
export function suggestedName(topic: string, now = new Date()): string {
  const words = topic
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return words === '' ? '' : `${words}-${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

export function NewBrief() {
  const [topic, setTopic] = useState('');
  const [typedName, setTypedName] = useState<string>();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [standardSections, setStandardSections] = useState(false);
  const name = typedName ?? suggestedName(topic);

  async function create(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setStatus('Creating…');
    const answer = await call<NewBriefResponse | ApiError>('POST', '/api/briefs', { name, title: topic, standardSections }).catch((error: Error) => ({
      status: 0,
      body: { message: `the studio did not answer (${error.message})` },
    }));
    if (answer.status === 201) {
      setStatus('Created: opening it…');
      location.assign(`/studio/${encodeURIComponent((answer.body as NewBriefResponse).name)}`);
      return;
    }
    setBusy(false);
    setStatus(`Not created: ${(answer.body as ApiError).message}.`);
  }

  return (
    <div className="page">
      <header className="bar">
        <nav aria-label="Studio">
          <a href="/">All briefs</a>
        </nav>
        <p className="status" role="status">
          {status}
        </p>
      </header>
      <main className="new-brief">
        <h1>New brief</h1>
        <p>It starts as brief new starts one: the team's usual top matter, the sections you choose below, and the closing note.</p>
        <form onSubmit={(e) => void create(e)}>
          <div className="form-group">
            <label htmlFor="new-topic">Topic</label>
            <p className="field-description" id="new-topic-help">
              The workforce topic, e.g. "Nurse Retention": the title is "Evidence Brief: Nurse Retention".
            </p>
            <input id="new-topic" type="text" required value={topic} aria-describedby="new-topic-help" onChange={(e) => setTopic(e.target.value)} />
          </div>
          <div className="form-group">
            <label htmlFor="new-name">File name</label>
            <p className="field-description" id="new-name-help">
              The brief's file in briefs/ and its documents' names: lower-case letters, digits and hyphens. Suggested from the topic and this month.
            </p>
            <input id="new-name" type="text" required value={name} aria-describedby="new-name-help" onChange={(e) => setTypedName(e.target.value)} />
          </div>
          <fieldset className="form-group">
            <legend>Start with</legend>
            <label>
              <input type="radio" name="start" checked={!standardSections} onChange={() => setStandardSections(false)} /> One section with an example entry to
              replace
            </label>
            <label>
              <input type="radio" name="start" checked={standardSections} onChange={() => setStandardSections(true)} /> The team's standard sections, empty
            </label>
          </fieldset>
          <button type="submit" className="primary" disabled={busy}>
            Create and open
          </button>
        </form>
      </main>
    </div>
  );
}
