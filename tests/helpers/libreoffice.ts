import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/**
 * Render a .docx as a reader would see it, with LibreOffice (Debian: libreoffice-writer-nogui),
 * into a PDF in a fresh folder. Each call gets its own LibreOffice profile, so runs never collide.
 */
export function convertWithLibreOffice(docxPath: string): string {
  const outDir = mkdtempSync(join(tmpdir(), 'brief-lo-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${join(outDir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docxPath], {
      stdio: 'pipe',
      timeout: 120_000,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('LibreOffice (soffice) is not installed: on Debian, apt-get install libreoffice-writer-nogui (.ci/run does this)');
    }
    throw error;
  }
  return join(outDir, basename(docxPath).replace(/\.docx$/, '.pdf'));
}

/**
 * Render several .docx files with one LibreOffice run (it starts once: some 2 s saved a file),
 * into a fresh folder; the PDFs' paths, in the order given. Names must differ.
 */
export function convertAllWithLibreOffice(docxPaths: string[]): string[] {
  const outDir = mkdtempSync(join(tmpdir(), 'brief-lo-'));
  execFileSync('soffice', [`-env:UserInstallation=file://${join(outDir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...docxPaths], {
    stdio: 'pipe',
    timeout: 300_000,
  });
  return docxPaths.map((path) => join(outDir, basename(path).replace(/\.docx$/, '.pdf')));
}
