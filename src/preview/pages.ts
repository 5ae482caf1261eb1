import { escapeUTF8 } from 'entities';
import type { BriefStatus } from './briefStatus.js';
import { NEW_BRIEF_ADDRESS } from '../studio/server/editorPage.js';
import { DOCUMENT_KINDS, type DocumentExtension } from './documents.js';

/** Text made safe to put in HTML, in text or in a quoted attribute (& < > " ' escaped, by entities). */
export const escapeHtml = (text: string): string => escapeUTF8(text);

const time = (at: Date) => `<time datetime="${at.toISOString()}">${at.toTimeString().slice(0, 8)}</time>`;
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
export const briefAddress = (name: string) => `/briefs/${encodeURIComponent(name)}`;
/** The studio's editor page for a brief (brief studio only). */
export const studioAddress = (name: string) => `/studio/${encodeURIComponent(name)}`;
const editLink = (name: string) =>
  `<a class="edit" href="${studioAddress(name)}">Edit in the studio<span class="visually-hidden">: ${escapeHtml(name)}</span></a>`;
export const documentAddress = (name: string, extension: DocumentExtension) => `/output/${encodeURIComponent(`${name}.${extension}`)}`;

/** A whole page of the preview: its own style sheet and script (which reloads it after a build), never inline ones. */
function page(title: string, body: string, brief?: string): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/preview.css">
<script src="/preview.js" defer></script>
</head>
<body${brief === undefined ? '' : ` data-brief="${escapeHtml(brief)}"`}>
<a class="skip" href="#main">Skip to the main content</a>
<header><p class="service"><a href="/">Brief preview</a></p><p class="live" id="live" role="status"></p></header>
<main id="main">
${body}
</main>
</body>
</html>
`;
}

function documentLinks(status: BriefStatus, documents: DocumentExtension[], format: 'short' | 'long'): string {
  if (documents.length === 0) return 'none yet';
  const links = DOCUMENT_KINDS.filter((k) => documents.includes(k.extension)).map((k) => {
    // In the table, each link says whose document it is, for a screen reader listing the links.
    const label = format === 'short' ? `${k.extension.toUpperCase()}<span class="visually-hidden"> of ${escapeHtml(status.name)}</span>` : k.label;
    return `<li><a href="${documentAddress(status.name, k.extension)}">${label}</a></li>`;
  });
  return `<ul class="${format === 'short' ? 'inline' : 'documents'}">${links.join('')}</ul>`;
}

function lastBuild(status: BriefStatus): string {
  return status.ok ? `built at ${time(status.builtAt)}` : `<strong class="failed">not built</strong> at ${time(status.builtAt)}`;
}

/** The list of every brief watched: its last build, pages, warnings, problems and documents. `exposed`: others on the network can open it. */
export function listPage(
  statuses: BriefStatus[],
  documents: Map<string, DocumentExtension[]>,
  options: { ready: boolean; exposed: boolean; studio?: boolean },
): string {
  const where = options.exposed ? 'Other computers on the network can open these pages.' : 'Only this computer can open these pages.';
  const rows = statuses.map(
    (s) => `<tr>
<th scope="row"><a href="${briefAddress(s.name)}">${escapeHtml(s.name)}</a>${options.studio ? `<br>${editLink(s.name)}` : ''}</th>
<td>${lastBuild(s)}</td>
<td>${s.pages ?? '–'}</td>
<td>${s.warnings.length}</td>
<td>${s.problems.length}</td>
<td>${documentLinks(s, documents.get(s.name) ?? [], 'short')}</td>
</tr>`,
  );
  const table =
    statuses.length === 0
      ? `<p>${options.ready ? `No briefs found to preview.${options.studio ? ' Start one with New brief.' : ''}` : 'The briefs are being built: they will appear here in a moment.'}</p>`
      : `<table>
<caption>Briefs: ${statuses.length}</caption>
<thead><tr><th scope="col">Brief</th><th scope="col">Last build</th><th scope="col">Pages</th><th scope="col">Warnings</th><th scope="col">Problems</th><th scope="col">Documents</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
  return page(
    'Briefs – brief preview',
    `<h1>Briefs</h1>
<p>Each brief is built again when you save it, and these pages update by themselves. ${where}</p>
${options.studio ? `<p><a class="new-brief" href="${NEW_BRIEF_ADDRESS}">New brief</a></p>\n` : ''}${table}`,
  );
}

function diagnostics(id: string, heading: string, lines: string[], intro: string): string {
  if (lines.length === 0) return '';
  return `<section class="${id}" aria-labelledby="${id}-heading">
<h2 id="${id}-heading">${heading}</h2>
<p>${intro}</p>
<ul class="diagnostics">${lines.map((l) => `<li><code>${escapeHtml(l)}</code></li>`).join('')}</ul>
</section>`;
}

/** One brief's page: its problems and warnings (as brief build prints them), links to its documents, and its web page version. */
export function briefPage(status: BriefStatus, documents: DocumentExtension[], options: { studio?: boolean } = {}): string {
  const summary = status.ok
    ? `<p>Built at ${time(status.builtAt)}${status.pages === undefined ? '' : `: ${count(status.pages, 'page', 'pages')}`}.</p>`
    : `<p><strong class="failed">Not built</strong> at ${time(status.builtAt)}: ${count(status.problems.length, 'problem', 'problems')} to fix. ${
        status.lastGoodAt
          ? `The documents below are from the last good build, at ${time(status.lastGoodAt)}.`
          : 'The documents below, if any, are from an earlier build.'
      }</p>`;
  const problems = diagnostics('problems', 'Problems', status.problems, 'Fix these and save the brief: this page updates by itself.');
  const warnings = diagnostics('warnings', 'Warnings', status.warnings, 'Worth a look; they do not stop the brief being built.');
  // In a frame, not inline: the page is shown exactly as it will be published, with its own language,
  // title, headings and style sheet, none mixed with the preview's. No sandbox attribute: a sandboxed
  // frame shuts out the preview's own script (the scroll kept across reloads) and a checker such as
  // axe; the page's scripts, were there any, are stopped by the Content-Security-Policy it is served with.
  const frame = documents.includes('html')
    ? `<iframe src="${documentAddress(status.name, 'html')}" title="Web page version of ${escapeHtml(status.name)}"></iframe>`
    : `<p>There is no web page version of this brief yet.${documents.includes('pdf') ? ` <a href="${documentAddress(status.name, 'pdf')}">Open the PDF</a>.` : ''}</p>`;
  return page(
    `${status.name} – brief preview`,
    `<nav aria-label="Back"><a href="/">All briefs</a></nav>
<h1>${escapeHtml(status.name)}</h1>
<p class="file">From <code>${escapeHtml(status.file)}</code></p>
${options.studio ? `<p>${editLink(status.name)}</p>\n` : ''}${summary}
${problems}
${warnings}
<section aria-labelledby="documents-heading">
<h2 id="documents-heading">Documents</h2>
${documentLinks(status, documents, 'long')}
</section>
<section class="web-page" aria-labelledby="web-page-heading">
<h2 id="web-page-heading">Web page version</h2>
${frame}
</section>`,
    status.name,
  );
}

/** The page for an address the preview does not serve. */
export function notFoundPage(): string {
  return page('Not found – brief preview', '<h1>Not found</h1>\n<p>There is nothing at this address. <a href="/">See all the briefs</a>.</p>');
}
