/** Text made safe to put in HTML (as the preview's pages.ts does). */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The studio's page for one brief: a shell the front end's bundle (dist/studio/app.js) fills in. */
export function editorPage(name: string): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Editing ${escapeHtml(name)} – brief studio</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/studio/app.css">
<script type="module" src="/studio/app.js"></script>
</head>
<body>
<div id="studio" data-brief="${escapeHtml(name)}"></div>
</body>
</html>
`;
}
