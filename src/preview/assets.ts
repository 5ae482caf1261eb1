/**
 * The preview pages' own style sheet and script, served from memory at /preview.css and
 * /preview.js (separate files, so the pages' Content-Security-Policy allows no inline script).
 * They belong to the preview's pages only, never to a brief's documents.
 */

/** Colours meet WCAG 2.2 AA contrast on white (4.5:1 or more); focus is a yellow band with a dark edge, on every link. */
export const STYLE_SHEET = `
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; font-family: Arial, "Liberation Sans", sans-serif; font-size: 1rem; line-height: 1.5; color: #0b0c0c; background: #ffffff; }
header a { color: #ffffff; font-weight: bold; }
.service, .live { margin: 0; }
header { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.5rem; padding: 0.5rem 1rem; color: #ffffff; background: #005eb8; }
main { padding: 1rem; max-width: 80rem; }
a { color: #005eb8; }
a:focus-visible, iframe:focus-visible { outline: 3px solid transparent; color: #0b0c0c; background: #ffdd00; box-shadow: 0 -2px #ffdd00, 0 4px #0b0c0c; text-decoration: none; }
iframe:focus-visible { box-shadow: 0 0 0 4px #0b0c0c; }
.skip { position: absolute; left: -999rem; }
.skip:focus { position: static; display: inline-block; margin: 0.5rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
th, td { text-align: left; padding: 0.5rem; border-bottom: 1px solid #b1b4b6; vertical-align: top; }
ul.inline { list-style: none; margin: 0; padding: 0; display: flex; gap: 0.75rem; flex-wrap: wrap; }
.failed { color: #b10e1e; }
.problems, .warnings { border-left: 0.4rem solid #b10e1e; padding: 0.25rem 1rem; margin: 1rem 0; background: #fdf3f4; }
.warnings { border-left-color: #8a5300; background: #fdf8ef; }
.diagnostics { padding-left: 1.25rem; }
.diagnostics code { white-space: pre-wrap; word-break: break-word; }
code { font-family: "Liberation Mono", Consolas, monospace; }
.web-page iframe { width: 100%; height: 80vh; border: 1px solid #505a5f; }
`;

/**
 * Reload the page when the event stream says its brief was built (on the list, any brief), keeping
 * the web page version's scroll position; reload too when the stream comes back after the preview restarted.
 */
export const PAGE_SCRIPT = `'use strict';
(() => {
  const brief = document.body.dataset.brief;
  const frame = document.querySelector('iframe');
  const key = 'brief-preview-scroll:' + location.pathname;
  if (frame) {
    frame.addEventListener('load', () => {
      const doc = frame.contentDocument;
      if (!doc) return;
      const y = Number(sessionStorage.getItem(key));
      if (y) frame.contentWindow.scrollTo(0, y);
      sessionStorage.removeItem(key);
      // A link out of the brief opens beside the preview rather than inside its frame.
      for (const link of doc.querySelectorAll('a[href]')) {
        if (!link.getAttribute('href').startsWith('#')) { link.target = '_blank'; link.rel = 'noopener'; }
      }
    });
  }
  const reload = () => {
    if (frame && frame.contentWindow) sessionStorage.setItem(key, String(frame.contentWindow.scrollY));
    location.reload();
  };
  const live = document.getElementById('live');
  const say = (text, state) => { live.textContent = text; live.dataset.state = state; };
  const events = new EventSource('/events');
  let lost = false;
  events.addEventListener('error', () => {
    lost = true;
    say('Not updating: brief preview has stopped. Start it again and this page will update.', 'lost');
  });
  events.addEventListener('open', () => {
    if (lost) reload();
    else say('This page updates by itself when a brief is built.', 'open');
  });
  const onBrief = (event) => {
    const data = JSON.parse(event.data);
    if (brief === undefined || data.brief === brief) reload();
  };
  events.addEventListener('built', onBrief);
  events.addEventListener('deleted', onBrief);
})();
`;
