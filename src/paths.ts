import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The folder brief is installed in (the one with package.json), wherever it is run from. */
export const packageRoot = fileURLToPath(new URL('..', import.meta.url));

export const briefSchemaPath = join(packageRoot, 'schema', 'brief.schema.json');
