import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { packageRoot } from '../paths.js';
import { newAjv, precompiledDir, precompiledFile, schemaTextHash } from './schemaValidator.js';

/**
 * `npm run build`: every schema in schema/ compiled ahead of time into a module of ajv's
 * standalone code, with the hash of the schema text it was made from (compileSchema uses it
 * only for that exact text).
 */
mkdirSync(precompiledDir, { recursive: true });
const schemaRoot = join(packageRoot, 'schema');
for (const name of readdirSync(schemaRoot).filter((n) => n.endsWith('.schema.json'))) {
  const path = join(schemaRoot, name);
  const text = readFileSync(path, 'utf8');
  const ajv = newAjv({ source: true });
  ajv.addSchema(JSON.parse(text), 'schema');
  const code = standaloneCode.default(ajv, { validate: 'schema' });
  writeFileSync(precompiledFile(path), `${code}\nexports.schemaHash = ${JSON.stringify(schemaTextHash(text))};\n`);
}
