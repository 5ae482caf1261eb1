import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import ajvErrorsModule from 'ajv-errors';
import { ALLOWED_LINK, findLinks } from '../richtext/inlineMarkup.js';

// Both plugins are CommonJS; under NodeNext their callable is the default export's default.
const addFormats = addFormatsModule.default;
const ajvErrors = ajvErrorsModule.default;

export type SchemaValidator = ValidateFunction & { errors?: ErrorObject[] | null };

/**
 * Compile a JSON Schema file into a validator. Compiling is the slow part, so a caller
 * (a CLI run, a watcher) compiles once and validates many times.
 */
export function compileSchema(schemaPath: string): SchemaValidator {
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictTypes: false, strictRequired: false });
  addFormats(ajv, ['uri', 'email']);
  ajvErrors(ajv);
  ajv.addKeyword({
    keyword: 'richText',
    type: 'string',
    schemaType: 'boolean',
    errors: true,
    validate: checkRichText,
  });
  return ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
}

/** The `richText` keyword: links inside inline markup must go to the web or to an email. */
function checkRichText(this: unknown, enabled: boolean, text: string): boolean {
  if (!enabled) return true;
  const bad = findLinks(text).filter((link) => !ALLOWED_LINK.test(link.href));
  (checkRichText as { errors?: Partial<ErrorObject>[] }).errors = bad.map((link) => ({
    keyword: 'richText',
    message: `the link "${link.text}" goes to "${link.href}": links must start with https://, http:// or mailto:`,
    params: { href: link.href },
  }));
  return bad.length === 0;
}
