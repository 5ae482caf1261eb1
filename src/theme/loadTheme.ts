import { readFile, realpath } from 'node:fs/promises';
import { join, relative, isAbsolute, sep } from 'node:path';
import { displayPath as shown } from '../diagnostics/displayPath.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadJsonFile } from '../load/loadJsonFile.js';
import { explainSchemaErrors } from '../validate/explainSchemaErrors.js';
import type { SchemaValidator } from '../validate/schemaValidator.js';
import { checkFont } from './checkFont.js';
import { checkImage, formatNamed } from './checkImage.js';
import type { FontStyle, Theme, ThemeFile } from './types.js';

/** The styles as the theme schema's titles name them. */
const STYLE_NAMES: Record<FontStyle, string> = { normal: 'regular', bold: 'bold', italics: 'italic', bolditalics: 'bold italic' };

/**
 * A theme, or its problems. `files` are the font and image files it names, as far as the load
 * got, so that a watcher rebuilds when one of them is repaired, not only when theme.json is saved.
 */
/**
 * A memory of theme files (fonts, logos) that passed their checks, by their bytes, kept beyond
 * the process (src/engine/checkedAssets.ts): a file whose bytes passed before is not decoded in
 * full again (about 0.1 s of a cold build).
 */
export interface CheckedAssets {
  passed(data: Buffer): boolean;
  remember(data: Buffer): void;
}

export type ThemeResult = { ok: true; theme: Theme } | { ok: false; diagnostics: Diagnostic[]; files?: string[] };

/**
 * Load templates/themes/<id>/theme.json, check it against the theme schema, and read its
 * fonts and logo. Asset paths must stay inside the theme folder, links included.
 */
export async function loadTheme(
  templatesRoot: string,
  id: string,
  validator: SchemaValidator,
  displayRoot: string,
  checked?: CheckedAssets,
): Promise<ThemeResult> {
  const dir = join(templatesRoot, 'themes', id);
  const path = join(dir, 'theme.json');
  const file = shown(path, displayRoot);
  const loaded = await loadJsonFile(path, file);
  if (!loaded.ok) {
    const notFound = loaded.diagnostics[0]?.message.startsWith('no such file');
    return notFound
      ? {
          ok: false,
          diagnostics: [
            {
              file,
              pointer: '',
              message: `there is no theme "${id}": no such file (themes are folders in ${shown(join(templatesRoot, 'themes'), displayRoot)}/)`,
            },
          ],
        }
      : loaded;
  }
  if (!validator(loaded.loaded.data)) {
    return { ok: false, diagnostics: explainSchemaErrors(validator.errors ?? [], file, loaded.loaded.sourceMap) };
  }
  const settings = loaded.loaded.data as ThemeFile & { $schema?: string };
  const diagnostics: Diagnostic[] = [];
  const assetFiles: string[] = [];
  const readAsset = async (relativePath: string, pointer: string): Promise<{ path: string; data: Buffer } | undefined> => {
    const location = loaded.loaded.sourceMap.get(pointer)?.value;
    assetFiles.push(join(dir, relativePath));
    try {
      const real = await realpath(join(dir, relativePath));
      const inside = relative(await realpath(dir), real);
      if (inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
        diagnostics.push({
          file,
          ...location,
          pointer,
          message: `"${relativePath}" leads outside the theme folder: keep theme files inside ${shown(dir, displayRoot)}/`,
        });
        return undefined;
      }
      return { path: real, data: await readFile(real) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : `it cannot be read (${code})`;
      diagnostics.push({ file, ...location, pointer, message: `"${relativePath}" cannot be used: ${why}` });
      return undefined;
    }
  };
  const styles: FontStyle[] = ['normal', 'bold', 'italics', 'bolditalics'];
  const fonts = await Promise.all(styles.map((style) => readAsset(settings.font.files[style], `/font/files/${style}`)));
  const logo = await readAsset(settings.logo.file, '/logo/file');
  if (diagnostics.length > 0 || !logo || fonts.some((f) => !f)) return { ok: false, diagnostics, files: assetFiles };
  // Parse the fonts and decode the logo in full now, once per theme, so that a damaged file is
  // named here, with its place in theme.json, not met deep inside a writer or built in silently.
  const located = (pointer: string) => ({ file, ...loaded.loaded.sourceMap.get(pointer)?.value, pointer });
  const faces = styles.map((style, i) => {
    const data = fonts[i]?.data as Buffer;
    const font = checkFont(data, { opened: checked?.passed(data) });
    if (font.ok) return font.font;
    diagnostics.push({
      ...located(`/font/files/${style}`),
      message: `the ${STYLE_NAMES[style]} font ${settings.font.files[style]} is not a font brief can read (TrueType or OpenType): ${font.reason}`,
    });
    return undefined;
  });
  const image = checked?.passed(logo.data) ? ({ ok: true } as const) : await checkImage(logo.data, settings.logo.file);
  if (!image.ok) {
    const kind = formatNamed(settings.logo.file) ?? 'PNG or JPEG';
    const what = image.tooLarge ? 'is too large' : `is not a ${kind} image brief can read`;
    diagnostics.push({ ...located('/logo/file'), message: `the logo ${settings.logo.file} ${what}: ${image.reason}` });
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics, files: [...fonts, logo].map((f) => f?.path as string) };
  for (const asset of [...fonts, logo]) checked?.remember(asset?.data as Buffer);
  const fontData = Object.fromEntries(styles.map((style, i) => [style, fonts[i]?.data])) as Record<FontStyle, Buffer>;
  const drawable = new Map<number, boolean>();
  const canDraw = (codePoint: number) => {
    let yes = drawable.get(codePoint);
    if (yes === undefined) {
      yes = faces.every((face) => face?.hasGlyphForCodePoint(codePoint));
      drawable.set(codePoint, yes);
    }
    return yes;
  };
  const { $schema: _schema, ...themeSettings } = settings;
  return {
    ok: true,
    theme: { ...themeSettings, id, fontData, images: { logo: logo.data }, files: [path, ...fonts.map((f) => f?.path as string), logo.path], canDraw },
  };
}
