/** The studio's pages: `<div id="studio" data-brief="<name>">` becomes the form beside the preview, `data-page="new-brief"` the New brief page. */
import { createRoot } from 'react-dom/client';
import { NewBrief } from './NewBrief.js';
import { Studio } from './Studio.js';

const host = document.getElementById('studio');
if (host?.dataset.brief) createRoot(host).render(<Studio name={host.dataset.brief} />);
else if (host?.dataset.page === 'new-brief') createRoot(host).render(<NewBrief />);
