import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceMap } from '../load/sourceMap.js';
import type { Theme } from './types.js';

/**
 * Characters in a brief that the theme's font cannot draw: each would print as an empty box,
 * so each is reported, by code point and name-able character, where it is in the brief.
 */
export function undrawableCharacters(data: unknown, theme: Theme, file: string, sourceMap: SourceMap): Diagnostic[] {
  const found: Diagnostic[] = [];
  const visit = (value: unknown, pointer: string) => {
    if (typeof value === 'string') {
      if (pointer === '/$schema' || pointer.endsWith('/url')) return; // never printed
      const missing = [...new Set(Array.from(value))].filter((c) => {
        const code = c.codePointAt(0) as number;
        return code > 0x20 && !/\s/u.test(c) && !theme.canDraw(code);
      });
      for (const c of missing) {
        const code = (c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0');
        found.push({
          file,
          ...(sourceMap.get(pointer)?.value ?? { line: 1, column: 1 }),
          pointer,
          message: `U+${code} ${c} in ${pointer} is not in the font ${theme.font.family}: it would print as an empty box; replace it, or use a theme whose font has it`,
        });
      }
    } else if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) visit(item, `${pointer}/${i}`);
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) visit(item, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    }
  };
  visit(data, '');
  return found;
}
