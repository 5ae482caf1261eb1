/** A 1-based line and column in a text. */
export interface TextPosition {
  line: number;
  column: number;
}

/** Line and column of a character offset; a CRLF counts as one line end. */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
