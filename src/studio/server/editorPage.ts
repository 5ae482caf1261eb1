import { escapeUTF8 as escapeHtml } from 'entities';

/** Where the studio's "New brief" page is: no brief can have this address (a brief's name is never empty). */
export const NEW_BRIEF_ADDRESS = '/studio/';

/** A page of the studio: a shell the front end's bundle (dist/studio/app.js) fills in, as `data` says. */
function shell(title: string, data: string): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/studio/app.css">
<script type="module" src="/studio/app.js"></script>
</head>
<body>
<div id="studio" ${data}></div>
</body>
</html>
`;
}

/** The studio's page for one brief: the form beside the preview. */
export function editorPage(name: string): string {
  return shell(`Editing ${name} – brief studio`, `data-brief="${escapeHtml(name)}"`);
}

/** The "New brief" page: a topic and a name, then the new brief's editor. */
export function newBriefPage(): string {
  return shell('New brief – brief studio', 'data-page="new-brief"');
}
