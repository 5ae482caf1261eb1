import type { BriefFile } from '../pipeline/briefFiles.js';
import { displayPath } from '../diagnostics/displayPath.js';
import { outputPaths } from '../output/outputPaths.js';

/**
 * Briefs that would write the same documents (the same file name in two folders), each with
 * the message that refuses it: neither is built, as whichever finished last would silently
 * replace the other's. Names are compared without regard to case, as on the disks of Windows
 * and macOS, where output folders are often shared or copied.
 */
export function sameOutputs(files: readonly BriefFile[], outputDir: string): Map<string, string> {
  const byOutput = new Map<string, BriefFile[]>();
  for (const file of files) {
    const key = outputPaths(outputDir, file.path).pdf.toLowerCase();
    byOutput.set(key, [...(byOutput.get(key) ?? []), file]);
  }
  const refused = new Map<string, string>();
  for (const group of byOutput.values()) {
    if (group.length < 2) continue;
    const { pdf, docx } = outputPaths(outputDir, (group[0] as BriefFile).path);
    for (const file of group) {
      const others = group.filter((f) => f !== file).map((f) => f.file);
      refused.set(
        file.path,
        `${file.file} and ${others.join(' and ')} would both write ${displayPath(pdf)} and ${displayPath(docx)}: neither is built; rename one of them`,
      );
    }
  }
  return refused;
}
