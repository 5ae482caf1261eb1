import pdfmake from 'pdfmake';
import type { WriterTheme } from '../../../theme/types.js';
import { shareTextLayoutAcrossDocuments } from './sharedTextLayout.js';
import { installStyleLookups } from './styleLookups.js';
import { letUnbreakableBlocksFlow } from './unbreakableFlow.js';

interface VirtualFs {
  existsSync(name: string): boolean;
  writeFileSync(name: string, data: Buffer): void;
}

let configured = false;

/**
 * pdfmake is a process-wide singleton. Configure it once: it may read nothing from the disk
 * or the network (every font and image is handed to it in memory, from the theme), and it
 * knows each theme's fonts by a virtual file name.
 */
export function pdfmakeFor(theme: WriterTheme): typeof pdfmake {
  if (!configured) {
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    shareTextLayoutAcrossDocuments(theme.fontData.normal);
    installStyleLookups();
    letUnbreakableBlocksFlow();
    configured = true;
  }
  const vfs = (pdfmake as unknown as { virtualfs: VirtualFs }).virtualfs;
  const files = Object.fromEntries(
    Object.entries(theme.fontData).map(([style, data]) => {
      const name = `themes/${theme.id}/${style}.font`;
      // Content can change under the same theme name (a watcher reloads an edited theme).
      vfs.writeFileSync(name, data);
      return [style, name];
    }),
  );
  pdfmake.addFonts({ [fontName(theme)]: files as unknown as Parameters<typeof pdfmake.addFonts>[0][string] });
  return pdfmake;
}

/** The family name pdfmake knows a theme's font by (unique per theme). */
export function fontName(theme: WriterTheme): string {
  return `${theme.id}:${theme.font.family}`;
}
