/**
 * The character encoding of an export from a reference manager. EndNote on Windows writes
 * Windows-1252 by default and some tools write UTF-16, so a file is not simply read as UTF-8:
 * a byte order mark says UTF-8, UTF-16LE or UTF-16BE; without one, the bytes are UTF-8 if they
 * are valid UTF-8, else Windows-1252 (in which every byte is a character). UTF-8 and UTF-16 are
 * decoded by Node's TextDecoder; Windows-1252 by iconv-lite, because Node 20's TextDecoder
 * decodes "windows-1252" as Latin-1 (0x93 as the control U+0093, not the quotation mark U+201C).
 */
import iconv from 'iconv-lite';

export type TextEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252';

export interface DecodedText {
  /** The text, without its byte order mark. */
  text: string;
  encoding: TextEncoding;
  /** Whether the file began with a byte order mark (which set the encoding). */
  bom: boolean;
}

/** A file whose byte order mark names an encoding its bytes are not in. */
export class EncodingError extends Error {}

const BOMS: { bytes: number[]; encoding: TextEncoding; label: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'UTF-8', label: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'UTF-16LE', label: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'UTF-16BE', label: 'utf-16be' },
];

/**
 * The text of a file's bytes, and the encoding it was read in (see above).
 * Throws EncodingError when a byte order mark names an encoding the rest of the bytes are not in.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  for (const bom of BOMS) {
    if (!bom.bytes.every((b, i) => bytes[i] === b)) continue;
    try {
      // ignoreBOM: the mark is sliced off here, so that a second one (a real U+FEFF) is kept.
      const text = new TextDecoder(bom.label, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(bom.bytes.length));
      return { text, encoding: bom.encoding, bom: true };
    } catch {
      throw new EncodingError(`it begins with the byte order mark of ${bom.encoding}, but its bytes are not ${bom.encoding}`);
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'UTF-8', bom: false };
  } catch {
    return {
      text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252', { stripBOM: false }),
      encoding: 'Windows-1252',
      bom: false,
    };
  }
}

/** What to tell the user about how a file was read: undefined for plain UTF-8, else e.g. "read as Windows-1252 (not UTF-8)". */
export function describeEncoding(decoded: Pick<DecodedText, 'encoding' | 'bom'>): string | undefined {
  if (decoded.encoding === 'Windows-1252') return 'read as Windows-1252 (not UTF-8)';
  if (decoded.encoding !== 'UTF-8') return `read as ${decoded.encoding} (it begins with that byte order mark)`;
  return undefined;
}
