import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Templates } from '../layout/templates.js';
import { packageRoot } from '../paths.js';
import type { Theme } from '../theme/types.js';
import type { CheckedAssets } from '../theme/loadTheme.js';
import type { WordWriter } from './wordJob.js';
import { compileSchema, type SchemaValidator } from '../validate/schemaValidator.js';

/**
 * What every build needs and nothing in one brief changes: compiled schemas, compiled
 * templates, loaded themes. Made once per run (or per watcher) and reused, so that
 * building one more brief does only that brief's work.
 */
export interface BuildContext {
  briefValidator: SchemaValidator;
  themeValidator: SchemaValidator;
  templates: Templates;
  /** Themes by id, loaded on first use. */
  themes: Map<string, Theme>;
  templatesRoot: string;
  briefSchemaPath: string;
  themeSchemaPath: string;
  outputDir: string;
  /** "brief 0.1.0": written into each document's metadata. */
  creator: string;
  /** Wait for the disk to have each document (see writeOutput). */
  durable: boolean;
  /** Somewhere that writes the Word document while the PDF is drawn (a watcher's build has a thread for it). */
  wordWriter?: WordWriter;
  /** Theme files known to have passed their checks (the engine keeps these across processes). */
  checkedAssets?: CheckedAssets;
}

export function createBuildContext(options: {
  outputDir: string;
  templatesRoot?: string;
  schemaRoot?: string;
  durable?: boolean;
  wordWriter?: WordWriter;
  checkedAssets?: CheckedAssets;
}): BuildContext {
  const templatesRoot = options.templatesRoot ?? join(packageRoot, 'templates');
  const schemaRoot = options.schemaRoot ?? join(packageRoot, 'schema');
  const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  const briefSchemaPath = join(schemaRoot, 'brief.schema.json');
  const themeSchemaPath = join(schemaRoot, 'theme.schema.json');
  return {
    briefValidator: compileSchema(briefSchemaPath),
    themeValidator: compileSchema(themeSchemaPath),
    templates: new Templates(templatesRoot),
    themes: new Map(),
    templatesRoot,
    briefSchemaPath,
    themeSchemaPath,
    outputDir: options.outputDir,
    creator: `brief ${version}`,
    durable: options.durable ?? true,
    wordWriter: options.wordWriter,
    checkedAssets: options.checkedAssets,
  };
}
