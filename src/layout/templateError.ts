/** A layout, partial or theme pattern that cannot be used, located in its file. */
export class TemplateError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

/** Handlebars' own words, made plain, with the place it gives (strict-mode and parse errors carry it). */
export function explainHandlebarsError(error: unknown, file: string, source: string): TemplateError {
  if (error instanceof TemplateError) return error;
  const raw = (error as Error).message ?? String(error);
  const e = error as { lineNumber?: number; column?: number };
  const missingField = /^"(.+)" not defined in .*? - (\d+):(\d+)$/.exec(raw);
  if (missingField) {
    return new TemplateError(
      file,
      `the template uses {{${missingField[1]}}}, which is not a field here (a typo, or a field of another part of the brief?)`,
      Number(missingField[2]),
      Number(missingField[3]) + 1,
    );
  }
  const parse = /^Parse error on line (\d+):\n.*\n.*\n(.*)$/s.exec(raw);
  const unclosed = parse && /got 'EOF'/.test(raw) ? lastUnclosedBlock(source) : undefined;
  if (unclosed) {
    return new TemplateError(
      file,
      `the block {{#${unclosed.name}}} is never closed: add {{/${unclosed.name}}} where it should end`,
      unclosed.line,
      unclosed.column,
    );
  }
  if (parse) {
    return new TemplateError(
      file,
      `the template is not valid Handlebars (an unclosed {{#...}} block or a stray brace?): ${parse[2]?.split('\n')[0]}`,
      Number(parse[1]),
    );
  }
  const partial = /^The partial (.+) could not be found$/.exec(raw);
  if (partial) {
    const line = source.split('\n').findIndex((l) => new RegExp(`{{~?>\\s*${partial[1]}\\b`).test(l));
    return new TemplateError(
      file,
      `the template includes the partial "${partial[1]}", but there is no templates/partials/${partial[1]}.hbs`,
      line >= 0 ? line + 1 : undefined,
    );
  }
  return new TemplateError(file, raw.replace(/ - \d+:\d+$/, ''), e.lineNumber, e.column === undefined ? undefined : e.column + 1);
}

/** The innermost {{#block}} still open at the end of a template, where Handlebars only says "EOF". */
function lastUnclosedBlock(source: string): { name: string; line: number; column: number } | undefined {
  const open: { name: string; line: number; column: number }[] = [];
  source.split('\n').forEach((text, index) => {
    for (const match of text.matchAll(/{{~?([#/])\s*([\w-]+)/g)) {
      if (match[1] === '#') open.push({ name: match[2] as string, line: index + 1, column: (match.index ?? 0) + 1 });
      else if (open.at(-1)?.name === match[2]) open.pop();
    }
  });
  return open.at(-1);
}
