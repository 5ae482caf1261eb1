import { extname } from 'node:path';
import { imageSize } from 'image-size';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/**
 * At most 4,000 pixels a side. The schema lets a logo be printed at most 400 pt wide, and
 * no taller than a page (842 pt): 4,000 pixels is 720 dots an inch across the widest logo
 * and over 300 (print quality) down a whole page. A larger image only makes every PDF
 * heavier and slower to open (a 20,000-pixel-square logo made a 1.4 MB PDF whose first page
 * took 17 s to show), and decoding it to check it would take hundreds of megabytes.
 */
export const MAX_SIDE = 4000;

export type ImageFormat = 'PNG' | 'JPEG';

/** What a file name says the image is; undefined when it says neither (the contents decide). */
export function formatNamed(file: string): ImageFormat | undefined {
  const ext = extname(file).toLowerCase();
  return ext === '.png' ? 'PNG' : ext === '.jpg' || ext === '.jpeg' ? 'JPEG' : undefined;
}

export type ImageCheck = { ok: true } | { ok: false; reason: string; tooLarge?: boolean };

/**
 * Decode the whole image, as a viewer will, so that damage anywhere in it is found when
 * the theme loads: pdfkit copies a PNG's compressed data and a JPEG's as they are, without
 * decoding them, so a damaged logo would otherwise be built into every PDF unnoticed.
 */
export async function checkImage(data: Buffer, file: string): Promise<ImageCheck> {
  const named = formatNamed(file);
  const found = formatOf(data);
  if (found && found !== 'png' && found !== 'jpg') return { ok: false, reason: `it holds a ${found.toUpperCase()} image: brief reads PNG and JPEG` };
  const format: ImageFormat | undefined = found === 'png' ? 'PNG' : found === 'jpg' ? 'JPEG' : named;
  if (named && format !== named)
    return { ok: false, reason: `it holds a ${format} image: name the file .${format === 'PNG' ? 'png' : 'jpg'} (here and in theme.json)` };
  if (!format) return { ok: false, reason: 'it does not begin as a PNG or JPEG file does' };
  // The size from the header, before decoding: a huge image is refused without the memory its decoding would take.
  const size = sizeOf(data);
  if (size && (size.width > MAX_SIDE || size.height > MAX_SIDE)) {
    return {
      ok: false,
      tooLarge: true,
      reason: `it is ${count(size.width)} × ${count(size.height)} pixels: at most ${count(MAX_SIDE)} a side, which is 720 dots an inch across the widest logo a theme can print (400 pt); make it smaller`,
    };
  }
  const problem = format === 'PNG' ? await pngProblem(data) : jpegProblem(data);
  return problem ? { ok: false, reason: problem } : { ok: true };
}

/**
 * Formats image-size knows by a signature of their own. Others (TGA, ICO) it guesses from a
 * few loose bytes, which a damaged file can match by chance: those are not named.
 */
const SIGNED = new Set(['png', 'jpg', 'gif', 'webp', 'bmp', 'tiff', 'svg', 'heif', 'avif', 'jxl', 'jp2', 'psd', 'icns']);

/** The format the first bytes show, in image-size's names; undefined when they show none. */
function formatOf(data: Buffer): string | undefined {
  try {
    const { type } = imageSize(data);
    return type && SIGNED.has(type) ? type : undefined;
  } catch {
    return undefined;
  }
}

function sizeOf(data: Buffer): { width: number; height: number } | undefined {
  try {
    const { width, height } = imageSize(data);
    return width !== undefined && height !== undefined ? { width, height } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * pngjs checks every chunk's checksum, inflates the pixel data and undoes its filters. Its
 * asynchronous parser is used: the synchronous one reports "unrecognised content at end of
 * stream" in place of the first error it met.
 */
function pngProblem(data: Buffer): Promise<string | undefined> {
  return new Promise((resolve) => {
    const png = new PNG();
    let settled = false;
    const settle = (problem: string | undefined) => {
      if (settled) return;
      settled = true;
      resolve(problem);
    };
    png.on('error', (error: Error) => settle(pngReason(error, data)));
    png.parse(data, (error) => settle(error ? pngReason(error, data) : undefined));
  });
}

/** pngjs's messages, in plain words. */
function pngReason(error: Error | string, data: Buffer): string {
  const message = typeof error === 'string' ? error : error.message;
  const code = typeof error === 'string' ? undefined : (error as NodeJS.ErrnoException).code;
  if (message === 'Unexpected end of input') return `the file ends too soon, after ${count(data.length)} bytes (was it copied or downloaded only in part?)`;
  if (message === 'Invalid file signature') return 'it does not begin as a PNG file does';
  if (message.startsWith('Crc error')) return 'it is damaged: a part of it does not match its checksum';
  // Errors from zlib, inflating the pixel data.
  if (code?.startsWith('Z_')) return `its picture data is damaged (${message})`;
  return `it is damaged or of a kind brief cannot read (${message})`;
}

function jpegProblem(data: Buffer): string | undefined {
  try {
    // Limits as well as the header check above, in case a JPEG's header and frames disagree.
    jpeg.decode(data, { useTArray: true, formatAsRGBA: false, maxResolutionInMP: (MAX_SIDE * MAX_SIDE) / 1e6, maxMemoryUsageInMB: 256 });
    return undefined;
  } catch (error) {
    return `it is damaged or of a kind brief cannot read (${(error as Error).message})`;
  }
}

const count = (n: number) => n.toLocaleString('en-GB');
