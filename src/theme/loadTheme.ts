import { readFile, realpath } from 'node:fs/promises';
import { join, relative, isAbsolute, sep } from 'node:path';
import { displayPath as shown } from '../diagnostics/displayPath.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadJsonFile } from '../load/loadJsonFile.js';
import { explainSchemaErrors } from '../validate/explainSchemaErrors.js';
import type { SchemaValidator } from '../validate/schemaValidator.js';
import * as fontkit from 'fontkit';
import { imageSize } from 'image-size';
import type { FontStyle, Theme, ThemeFile } from './types.js';

export type ThemeResult = { ok: true; theme: Theme } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Load templates/themes/<id>/theme.json, check it against the theme schema, and read its
 * fonts and logo. Asset paths must stay inside the theme folder, links included.
 */
export async function loadTheme(templatesRoot: string, id: string, validator: SchemaValidator, displayRoot: string): Promise<ThemeResult> {
  const dir = join(templatesRoot, 'themes', id);
  const path = join(dir, 'theme.json');
  const file = shown(path, displayRoot);
  const loaded = await loadJsonFile(path, file);
  if (!loaded.ok) {
    const notFound = loaded.diagnostics[0]?.message.startsWith('no such file');
    return notFound
      ? { ok: false, diagnostics: [{ file, pointer: '', message: `there is no theme "${id}": no such file (themes are folders in ${shown(join(templatesRoot, 'themes'), displayRoot)}/)` }] }
      : loaded;
  }
  if (!validator(loaded.loaded.data)) {
    return { ok: false, diagnostics: explainSchemaErrors(validator.errors ?? [], file, loaded.loaded.sourceMap) };
  }
  const settings = loaded.loaded.data as ThemeFile & { $schema?: string };
  const diagnostics: Diagnostic[] = [];
  const readAsset = async (relativePath: string, pointer: string): Promise<{ path: string; data: Buffer } | undefined> => {
    const location = loaded.loaded.sourceMap.get(pointer)?.value;
    try {
      const real = await realpath(join(dir, relativePath));
      const inside = relative(await realpath(dir), real);
      if (inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
        diagnostics.push({ file, ...location, pointer, message: `"${relativePath}" leads outside the theme folder: keep theme files inside ${shown(dir, displayRoot)}/` });
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
  if (diagnostics.length > 0 || !logo || fonts.some((f) => !f)) return { ok: false, diagnostics };
  // Open the fonts and the logo now, so that a broken file is named here, not deep inside a writer.
  const located = (pointer: string) => ({ file, ...loaded.loaded.sourceMap.get(pointer)?.value, pointer });
  const faces = styles.map((style, i) => {
    try {
      const face = fontkit.create(fonts[i]?.data as Buffer) as fontkit.Font;
      if (typeof face.hasGlyphForCodePoint !== 'function') throw new Error('it holds several fonts (a collection)');
      return face;
    } catch (error) {
      diagnostics.push({ ...located(`/font/files/${style}`), message: `"${settings.font.files[style]}" is not a font brief can use (TrueType or OpenType): ${(error as Error).message}` });
      return undefined;
    }
  });
  try {
    const { type } = imageSize(logo.data);
    if (type !== 'png' && type !== 'jpg') throw new Error(`it is ${type ?? 'not an image'}`);
  } catch (error) {
    diagnostics.push({ ...located('/logo/file'), message: `"${settings.logo.file}" is not a PNG or JPEG image: ${(error as Error).message}` });
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
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
