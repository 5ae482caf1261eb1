import type { ApiDiagnostic } from '../api.js';

/** The form's id of the field a JSON pointer names ("/sections/0/title" → "root_sections_0_title"). */
export function fieldId(pointer: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return ['root', ...parts].join('_');
}

/** The field a problem belongs beside: a missing field's own place (`"title" is missing` at an entry → its title). */
export function fieldPointer(d: ApiDiagnostic): string {
  const missing = /^"([^"]+)" is missing/.exec(d.message);
  return missing ? `${d.pointer}/${missing[1]}` : d.pointer;
}

export interface ErrorTree {
  __errors?: string[];
  [key: string]: ErrorTree | string[] | undefined;
}

/** Problems and warnings as the form's errors beside their fields (rjsf's extraErrors), in the command line's words. */
export function errorTree(problems: ApiDiagnostic[], warnings: ApiDiagnostic[]): ErrorTree {
  const tree: ErrorTree = {};
  const add = (d: ApiDiagnostic, prefix: string) => {
    let node = tree;
    for (const part of fieldPointer(d).split('/').slice(1)) {
      const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
      node[key] ??= {};
      node = node[key] as ErrorTree;
    }
    node.__errors = [...(node.__errors ?? []), `${prefix}${d.message}`];
  };
  for (const p of problems) add(p, 'Problem: ');
  for (const w of warnings) add(w, 'Warning: ');
  return tree;
}

/** Move focus to the field of a pointer: its input, or the first input inside it (a section, an entry). */
export function focusField(pointer: string): void {
  const id = fieldId(pointer);
  const exact = document.getElementById(id);
  const target =
    exact && /^(INPUT|TEXTAREA|SELECT)$/.test(exact.tagName)
      ? exact
      : (document.querySelector<HTMLElement>(`[id^="${CSS.escape(id)}_"]:is(input, textarea, select)`) ?? exact);
  if (!target) return;
  if (!/^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(target.tagName)) target.tabIndex = -1;
  target.scrollIntoView({ block: 'center' });
  target.focus();
}
