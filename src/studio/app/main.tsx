/** The studio's editor page: `<div id="studio" data-brief="<name>">` becomes the form beside the preview. */
import { createRoot } from 'react-dom/client';
import { Studio } from './Studio.js';

const host = document.getElementById('studio');
if (host?.dataset.brief) createRoot(host).render(<Studio name={host.dataset.brief} />);
