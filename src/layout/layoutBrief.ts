import type { Brief } from '../brief/types.js';
import { displayPath } from '../diagnostics/displayPath.js';
import type { Theme } from '../theme/types.js';
import { briefView } from './viewModel.js';
import type { Templates } from './templates.js';

export const DEFAULT_LAYOUT = 'evidence-brief';

/** The layout stage: a Brief and its theme through the Handlebars layout, to markup. Throws TemplateError. */
export function layoutBrief(brief: Brief, theme: Theme, templates: Templates): string {
  const view = briefView(brief, { numberSections: theme.numberSections ?? false });
  const themeFile = displayPath(`${templates.root}/themes/${theme.id}/theme.json`);
  const header = templates.pattern(`${themeFile} (header)`, theme.header)(view);
  const footer = templates.pattern(`${themeFile} (footer)`, theme.footer)(view);
  return templates.render(brief.layout ?? DEFAULT_LAYOUT, { ...view, header, footer, logo: { alt: theme.logo.alt, width: theme.logo.width } });
}
