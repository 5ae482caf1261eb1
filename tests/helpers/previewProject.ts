import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PreviewOptions, type Previewing, startPreview } from '../../src/preview/preview.js';
import { defaultAppDir } from '../../src/studio/server/routes.js';

/** A temporary project for brief preview and brief studio: copies of templates/ and schema/, and an empty briefs/. Its folder. */
export function previewProject(prefix: string): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  cpSync('templates', join(root, 'templates'), { recursive: true });
  cpSync('schema', join(root, 'schema'), { recursive: true });
  mkdirSync(join(root, 'briefs'));
  return root;
}

type Extra = Omit<PreviewOptions, 'briefsDir' | 'templatesRoot' | 'schemaRoot' | 'outputDir' | 'port' | 'studio'>;

/**
 * brief preview over the project at `root` (its briefs/, templates/, schema/, output/), on a free
 * port; with `studio`, brief studio, its page served from `appDir` (default: the built dist/studio/).
 * Resolves once the first builds are done.
 */
export async function startPreviewIn(root: string, extra: Extra, studio?: { appDir?: string }): Promise<Previewing> {
  const previewing = await startPreview({
    briefsDir: join(root, 'briefs'),
    templatesRoot: join(root, 'templates'),
    schemaRoot: join(root, 'schema'),
    outputDir: join(root, 'output'),
    port: 0,
    ...extra,
    ...(studio && {
      studio: {
        briefsDir: join(root, 'briefs'),
        templatesRoot: join(root, 'templates'),
        schemaPath: join(root, 'schema', 'brief.schema.json'),
        appDir: studio.appDir ?? defaultAppDir(process.cwd()),
      },
    }),
  });
  await previewing.ready;
  return previewing;
}
