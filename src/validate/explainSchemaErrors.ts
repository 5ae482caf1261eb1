import type { ErrorObject } from 'ajv';
import { closest, distance } from 'fastest-levenshtein';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { pointerSegment, type SourceMap } from '../load/sourceMap.js';
import { CONTROL_PATTERN, controlCharacterMessage } from './textCharacters.js';

interface SchemaLike {
  title?: string;
  description?: string;
  properties?: Record<string, SchemaLike>;
  type?: string | string[];
}

/**
 * Turn ajv's errors into one plain-English diagnostic each, located in the file.
 * ajv speaks of keywords and JSON pointers; a person needs the line, the field they typed,
 * what is wrong with it and what is allowed instead.
 */
export function explainSchemaErrors(errors: readonly ErrorObject[], file: string, sourceMap: SourceMap): Diagnostic[] {
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const error of errors) {
    const explained = explain(error);
    if (!explained) continue;
    const key = `${explained.pointer}\u0000${explained.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const location = locate(sourceMap, explained.pointer, explained.atKey);
    diagnostics.push({ file, line: location.line, column: location.column, pointer: explained.pointer || '/', message: explained.message });
  }
  return diagnostics;
}

interface Explained {
  pointer: string;
  message: string;
  /** Point at the property's name rather than its value. */
  atKey?: boolean;
}

function explain(error: ErrorObject): Explained | undefined {
  const pointer = error.instancePath;
  const parent = (error.parentSchema ?? {}) as SchemaLike;
  const name = nameOf(pointer);
  switch (error.keyword) {
    case 'if':
      return undefined; // the failing then/else branch reports the real problem
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      const help = parent.properties?.[missing];
      const what = help?.description ? ` (${help.description})` : '';
      return { pointer, message: `"${missing}" is missing: ${noun(parent, pointer)} needs one${what}` };
    }
    case 'additionalProperties': {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys(parent.properties ?? {});
      const suggestion = suggest(extra, allowed);
      const hint = suggestion ? `did you mean "${suggestion}"?` : `allowed here: ${allowed.map((p) => `"${p}"`).join(', ')}`;
      return { pointer: `${pointer}/${pointerSegment(extra)}`, message: `unknown property "${extra}" in ${noun(parent, pointer)}: ${hint}`, atKey: true };
    }
    case 'type': {
      const expected = (error.params as { type: string }).type;
      return { pointer, message: `${name} should be ${typeName(expected)}, not ${describeValue(error.data)}` };
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const suggestion = typeof error.data === 'string' ? suggest(error.data.toLowerCase().replace(/\s+/g, '-'), allowed) : undefined;
      const list = allowed.map((v) => `"${v}"`).join(', ');
      return { pointer, message: `${name} cannot be ${describeValue(error.data)}: use one of ${list}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}` };
    }
    case 'minLength':
      return { pointer, message: `${name} is empty: write something, or leave the property out if it is optional` };
    case 'minItems': {
      const limit = (error.params as { limit: number }).limit;
      return { pointer, message: `${name} is an empty list: it needs at least ${limit} item${limit === 1 ? '' : 's'}` };
    }
    case 'maxLength': {
      const limit = (error.params as { limit: number }).limit;
      const length = typeof error.data === 'string' ? error.data.length : 0;
      return {
        pointer,
        message: `${name} is ${length.toLocaleString('en-GB')} characters long: at most ${limit.toLocaleString('en-GB')} are allowed here (split it, or check for a runaway paste)`,
      };
    }
    case 'maxItems': {
      const limit = (error.params as { limit: number }).limit;
      const count = Array.isArray(error.data) ? error.data.length : 0;
      return { pointer, message: `${name} has ${count.toLocaleString('en-GB')} items: at most ${limit.toLocaleString('en-GB')} are allowed here` };
    }
    case 'errorMessage': {
      // Characters the schema refuses in text are named, with their code points (the schema's own
      // message cannot say which); the value is not quoted back, as it holds them.
      const pattern = (parent as { pattern?: string }).pattern;
      if (typeof error.data === 'string' && pattern === CONTROL_PATTERN) {
        const message = controlCharacterMessage(name, error.data);
        if (message) return { pointer, message };
      }
      // Messages written in the schema; a scalar is worth quoting back, a whole object is not.
      const scalar = error.data === null || typeof error.data !== 'object';
      return { pointer, message: `${name} ${error.message ?? 'is not allowed here'}${scalar ? `, not ${describeValue(error.data)}` : ''}` };
    }
    case 'calendarDate':
      return { pointer, message: `${name} ${error.message} (${describeValue(error.data)})` };
    case 'richText':
      return { pointer, message: `in ${name}, ${error.message ?? 'a link is not allowed'}` };
    default:
      return { pointer, message: `${name} ${error.message ?? 'is not allowed here'}` };
  }
}

/** How a message names the value at a pointer: the property's key, or the item's place in its list. */
function nameOf(pointer: string): string {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = segments.at(-1);
  if (last === undefined) return 'the brief';
  if (/^\d+$/.test(last)) {
    const list = segments.at(-2);
    return `item ${Number(last) + 1} of "${list}"`;
  }
  return `"${last}"`;
}

/** "an entry", "a section", "the brief": the kind of object an error is about. */
function noun(schema: SchemaLike, pointer: string): string {
  if (pointer === '') return 'the brief';
  const title = (schema.title ?? 'object').toLowerCase();
  return `${/^[aeiou]/.test(title) ? 'an' : 'a'} ${title}`;
}

function typeName(type: string): string {
  switch (type) {
    case 'string':
      return 'text in quotes';
    case 'array':
      return 'a list in [ ]';
    case 'object':
      return 'an object in { }';
    case 'number':
    case 'integer':
      return 'a number';
    case 'boolean':
      return 'true or false';
    default:
      return type;
  }
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return value === '' ? 'empty text ""' : JSON.stringify(shown);
  }
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return 'an object';
}

/** The allowed word a typo most likely meant, if any is close enough. */
function suggest(typed: string, allowed: readonly string[]): string | undefined {
  if (allowed.length === 0) return undefined;
  const exactIgnoringCase = allowed.find((a) => a.toLowerCase() === typed.toLowerCase());
  if (exactIgnoringCase) return exactIgnoringCase;
  const best = closest(typed, allowed as string[]);
  return distance(typed.toLowerCase(), best.toLowerCase()) <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

function locate(sourceMap: SourceMap, pointer: string, atKey = false): { line: number; column: number } {
  // A pointer to an unknown property exists in the file; a missing one does not, so fall back to its parent.
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
    const location = sourceMap.get(p);
    if (location) return (atKey && p === pointer && location.key) || location.value;
    if (p === '') return { line: 1, column: 1 };
  }
}
