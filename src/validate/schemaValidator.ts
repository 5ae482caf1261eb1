import { DATE_PATTERN, isBriefDate } from '../brief/dates.js';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { _, str, type KeywordCxt } from 'ajv';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import ajvErrorsModule from 'ajv-errors';
import { displayPath } from '../diagnostics/displayPath.js';
import { packageRoot } from '../paths.js';
import { ALLOWED_LINK, findLinks, type InlineLink } from '../richtext/inlineMarkup.js';

// Both plugins are CommonJS; under NodeNext their callable is the default export's default.
const addFormats = addFormatsModule.default;
const ajvErrors = ajvErrorsModule.default;

export type SchemaValidator = ValidateFunction & { errors?: ErrorObject[] | null };

/** Where `npm run build` puts the validators it compiled ahead of time (see precompileSchemas.ts). */
export const precompiledDir = join(packageRoot, 'dist', 'schemas');

/**
 * A JSON Schema file as a validator. Compiling a schema is slow (a tenth of a second in a new
 * process), so `npm run build` compiles the shipped schemas ahead of time into dist/schemas/;
 * one of those is used when it was made from exactly this schema text. Any other schema (an
 * edited one, a test's) is compiled here. Either way a caller compiles once, validates many times.
 */
export function compileSchema(schemaPath: string): SchemaValidator {
  try {
    const text = readFileSync(schemaPath, 'utf8');
    return precompiled(schemaPath, text) ?? newAjv().compile(JSON.parse(text));
  } catch (error) {
    throw new SchemaFileError(displayPath(schemaPath), `this schema cannot be used: ${(error as Error).message}`);
  }
}

/** A schema file that cannot be read, parsed or compiled; `file` as shown to the user. */
export class SchemaFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/** The ajv every brief schema is compiled with, here or ahead of time. */
export function newAjv(options: { source?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    code: { source: options.source ?? false },
  });
  addFormats(ajv, ['uri', 'email']);
  ajvErrors(ajv);
  ajv.addKeyword(richTextKeyword);
  ajv.addKeyword(calendarDateKeyword);
  return ajv;
}

/** The hash a precompiled validator records of the schema text it was made from. */
export function schemaTextHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The file name of a schema's precompiled validator. */
export function precompiledFile(schemaPath: string): string {
  return join(precompiledDir, `${basename(schemaPath, '.json')}.cjs`);
}

function precompiled(schemaPath: string, text: string): SchemaValidator | undefined {
  let module: { validate: SchemaValidator; schemaHash: string };
  try {
    module = createRequire(import.meta.url)(precompiledFile(schemaPath)) as typeof module;
  } catch {
    return undefined; // not built, or not a shipped schema
  }
  return module.schemaHash === schemaTextHash(text) ? module.validate : undefined;
}

/**
 * The `richText` keyword: links inside inline markup must go to the web or to an email. Its
 * check is written into the generated code as a call to `badLinks`, found through a global
 * symbol: that call then reads the same in a validator compiled here or ahead of time.
 */
const BAD_LINKS = 'brief.richText.badLinks';
(globalThis as Record<symbol, unknown>)[Symbol.for(BAD_LINKS)] = badLinks;

function badLinks(text: string): InlineLink[] {
  return findLinks(text).filter((link) => !ALLOWED_LINK.test(link.href));
}

const richTextKeyword = {
  keyword: 'richText',
  type: 'string' as const,
  schemaType: 'boolean' as const,
  error: {
    message: ({ params }: { params: Record<string, unknown> }) =>
      str`the link "${params.text as string}" goes to "${params.href as string}": links must start with https://, http:// or mailto:`,
    params: ({ params }: { params: Record<string, unknown> }) => _`{href: ${params.href as string}}`,
  },
  code(cxt: KeywordCxt) {
    if (!cxt.schema) return;
    const { gen, data } = cxt;
    const check = gen.scopeValue('func', { ref: badLinks, code: _`globalThis[Symbol.for(${BAD_LINKS})]` });
    const bad = gen.const('bad', _`${check}(${data})`);
    gen.forOf('link', bad, (link) => {
      cxt.setParams({ text: _`${link}.text`, href: _`${link}.href` });
      cxt.error();
    });
  },
};

/**
 * The `calendarDate` keyword: a date whose shape the schema's pattern accepts must also name a day
 * its month has ("31 February 2020" does not). Read by src/brief/dates.ts, found through a global
 * symbol as `badLinks` is (so a validator compiled ahead of time calls the same function).
 */
const IS_DATE = 'brief.calendarDate.isBriefDate';
(globalThis as Record<symbol, unknown>)[Symbol.for(IS_DATE)] = (text: string) => !DATE_SHAPE.test(text) || isBriefDate(text);
const DATE_SHAPE = new RegExp(DATE_PATTERN);

const calendarDateKeyword = {
  keyword: 'calendarDate',
  type: 'string' as const,
  schemaType: 'boolean' as const,
  error: {
    message: str`names a day its month does not have`,
  },
  code(cxt: KeywordCxt) {
    if (!cxt.schema) return;
    const { gen, data } = cxt;
    const check = gen.scopeValue('func', { ref: (globalThis as Record<symbol, unknown>)[Symbol.for(IS_DATE)], code: _`globalThis[Symbol.for(${IS_DATE})]` });
    cxt.fail(_`!${check}(${data})`);
  },
};
