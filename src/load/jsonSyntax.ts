import { parse as parseJsonAst } from '@humanwhocodes/momoa';
import { positionAt, type TextPosition } from './textPosition.js';

export interface SyntaxProblem extends TextPosition {
  message: string;
}

/**
 * Explain why `text` (which JSON.parse refused) is not valid JSON, in words for a person
 * who edits briefs by hand. momoa gives the place; the words come from looking at it.
 */
export function explainSyntaxError(text: string, jsonParseError: Error): SyntaxProblem {
  let offset: number | undefined;
  let endsTooSoon = false;
  try {
    parseJsonAst(text, { mode: 'json' });
  } catch (error) {
    offset = (error as { offset?: number }).offset;
    endsTooSoon = (error as Error).constructor.name === 'UnexpectedEOF';
  }
  if (offset === undefined) {
    // momoa is more lenient than JSON.parse about raw control characters in strings.
    const match = /position (\d+)/.exec(jsonParseError.message);
    const at = match ? Number(match[1]) : 0;
    const position = positionAt(text, at);
    const code = text.charCodeAt(at);
    if (code < 0x20) {
      return { ...position, message: `${controlName(code)} inside text in quotes: write it as ${controlEscape(code)}, or remove it` };
    }
    return { ...position, message: `this is not valid JSON here (${jsonParseError.message})` };
  }
  if (endsTooSoon) {
    return { ...positionAt(text, text.trimEnd().length), message: 'the file ends too soon: a closing } or ], or a closing quote, is missing' };
  }
  const quote = earlyClosingQuote(text, offset);
  if (quote !== undefined) return { ...positionAt(text, quote), message: STRAIGHT_QUOTE };
  return { ...positionAt(text, offset), message: describeAt(text, offset) };
}

const STRAIGHT_QUOTE =
  'a straight quote (") inside text ends the text here: type it as \\" (a backslash before the quote), or use curly quotes “ ” ‘ ’, which need no backslash';

/**
 * Where a straight quote typed inside text ended that text too soon ("The "big" picture"), or
 * undefined. The sign: text in quotes is followed, on the same line, by a word or number that
 * a later quote on that line closes. Pointing at the quote says what to change; the word after
 * it, which JSON.parse stops at, would be a puzzle.
 */
function earlyClosingQuote(text: string, offset: number): number | undefined {
  const here = text[offset] as string;
  if (!/[\p{L}\p{N}]/u.test(here)) return undefined;
  let before = offset - 1;
  while (before >= 0 && (text[before] === ' ' || text[before] === '\t')) before--;
  if (text[before] !== '"') return undefined;
  const restOfLine = text.slice(offset).split('\n', 1)[0] as string;
  return restOfLine.includes('"') ? before : undefined;
}

function describeAt(text: string, offset: number): string {
  const here = text[offset] as string;
  if (text.slice(offset + 1).trim() === '' && here !== '}' && here !== ']') {
    return `the file ends too soon, just after this "${here}": the rest of the brief, or a closing } or ], is missing`;
  }
  const before = previousNonSpace(text, offset);
  const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(offset))?.[0];
  if ((here === '}' || here === ']') && before === ',') {
    return `a comma before "${here}" has nothing after it: remove that last comma (JSON allows no comma after the last item)`;
  }
  if (here === ',' && (before === ',' || before === '[' || before === '{')) {
    return 'a comma with nothing before it: remove the extra comma';
  }
  if (here === '/' && (text[offset + 1] === '/' || text[offset + 1] === '*')) {
    return 'comments are not allowed in a JSON file: remove the comment';
  }
  if (here === "'") {
    return 'text must be in double quotes ("like this"), not single quotes';
  }
  if (word === 'NaN' || word === 'Infinity' || word === 'undefined') {
    return `${word} is not a value JSON allows: write a number, text in quotes, true, false or null`;
  }
  if (word !== undefined && before === '{') {
    return `property name ${word} must be in double quotes: "${word}"`;
  }
  if (word !== undefined && before === ',' && enclosingBracket(text, offset) === '{') {
    return `property name ${word} must be in double quotes: "${word}"`;
  }
  if (word !== undefined) {
    return `unexpected word "${word}": text must be in double quotes; the only bare words JSON allows are true, false and null`;
  }
  if (here === '\\') {
    return 'a backslash outside of text in quotes';
  }
  if (text[offset - 1] === '\\') {
    return `"\\${here}" is not an escape JSON knows: write \\\\ for a backslash, \\" for a quote, \\n for a new line`;
  }
  if ((here === '"' || /[\d{[tfn-]/.test(here)) && before !== undefined && /["\d\]}el]/.test(before)) {
    return 'a comma is missing before this';
  }
  if (before === '"' && here !== ':' && enclosingBracket(text, offset) === '{') {
    return `a colon ":" is missing between the property name and its value`;
  }
  if (/[}\]]/.test(here)) {
    return `unexpected "${here}": it closes nothing here; check the brackets around it`;
  }
  if (/\d/.test(here) && text[offset - 1] === '0') {
    return 'numbers cannot start with 0 in JSON; write dates and codes as text in quotes';
  }
  return `unexpected "${here}" here: this is not valid JSON`;
}

function previousNonSpace(text: string, offset: number): string | undefined {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text[i] as string;
    if (!/\s/.test(c)) return c;
  }
  return undefined;
}

/** The innermost unclosed { or [ before offset, ignoring brackets inside strings. */
function enclosingBracket(text: string, offset: number): string | undefined {
  const stack: string[] = [];
  let inString = false;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') stack.push(c);
    else if (c === '}' || c === ']') stack.pop();
  }
  return stack.at(-1);
}

function controlName(code: number): string {
  if (code === 10 || code === 13) return 'a line break';
  if (code === 9) return 'a tab';
  return `a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
}

function controlEscape(code: number): string {
  if (code === 10) return '\\n';
  if (code === 13) return '\\r';
  if (code === 9) return '\\t';
  return `\\u${code.toString(16).padStart(4, '0')}`;
}
