import { parse as parseJsonAst, type AnyNode } from '@humanwhocodes/momoa';
import type { TextPosition } from './textPosition.js';

/** Where a JSON value (and, for object members, its key) starts in the text. */
export interface SourceLocation {
  value: TextPosition;
  key?: TextPosition;
}

/** JSON pointer -> location, for every value in a document. */
export type SourceMap = Map<string, SourceLocation>;

/** Escape one JSON pointer segment (RFC 6901). */
export function pointerSegment(name: string | number): string {
  return String(name).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A property that appears more than once in one object: JSON.parse silently keeps the last. */
export interface DuplicateKey {
  pointer: string;
  name: string;
  first: TextPosition;
  again: TextPosition;
}

/** Build the source map of a text that is known to be valid JSON. */
export function buildSourceMap(text: string): SourceMap {
  return mapJson(text).map;
}

/** The source map, and every duplicated property name, in one pass over the text. */
export function mapJson(text: string): { map: SourceMap; duplicates: DuplicateKey[] } {
  const map: SourceMap = new Map();
  const duplicates: DuplicateKey[] = [];
  const visit = (node: AnyNode, pointer: string, key?: TextPosition): void => {
    const { line, column } = node.loc.start;
    map.set(pointer, key ? { value: { line, column }, key } : { value: { line, column } });
    if (node.type === 'Object') {
      const seen = new Map<string, TextPosition>();
      for (const member of node.members) {
        const name = member.name.type === 'String' ? member.name.value : member.name.name;
        const keyStart = member.name.loc.start;
        const first = seen.get(name);
        if (first) duplicates.push({ pointer: `${pointer}/${pointerSegment(name)}`, name, first, again: { line: keyStart.line, column: keyStart.column } });
        else seen.set(name, { line: keyStart.line, column: keyStart.column });
        visit(member.value, `${pointer}/${pointerSegment(name)}`, { line: keyStart.line, column: keyStart.column });
      }
    } else if (node.type === 'Array') {
      for (const [index, element] of node.elements.entries()) visit(element.value, `${pointer}/${index}`);
    }
  };
  visit(parseJsonAst(text, { mode: 'json' }).body, '');
  return { map, duplicates };
}
