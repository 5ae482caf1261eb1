import { execFileSync } from 'node:child_process';

/** One element of a PDF's structure tree, as poppler's pdfinfo prints it. */
export interface StructElement {
  role: string;
  /** Its own text, in order (not its children's). */
  text: string[];
  /** Object numbers of what it references besides text: link annotations (OBJR). */
  objects: number[];
  children: StructElement[];
  /** Its text and its children, in the order the tree has them (text may follow a child: a sentence's full stop after a link). */
  content?: (string | StructElement)[];
}

/** Read a PDF's structure tree with `pdfinfo -struct-text` (poppler-utils). */
export function readStructure(path: string): { tagged: boolean; root: StructElement[] } {
  let info: string;
  let struct: string;
  try {
    info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    struct = execFileSync('pdfinfo', ['-struct-text', path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error('pdfinfo is not installed: on Debian, apt-get install poppler-utils (.ci/run does this)');
    throw error;
  }
  const root: StructElement[] = [];
  const stack: { depth: number; element: StructElement }[] = [];
  for (const line of struct.split('\n')) {
    if (!line.trim()) continue;
    const depth = (line.length - line.trimStart().length) / 2;
    const content = line.trim();
    while (stack.length && (stack.at(-1) as { depth: number }).depth >= depth) stack.pop();
    const parent = stack.at(-1)?.element;
    if (content.startsWith('"')) {
      parent?.text.push(content.slice(1, -1)); // pdfinfo quotes the text but escapes nothing in it
      parent?.content?.push(content.slice(1, -1));
    } else if (/^Object \d+ \d+$/.test(content)) {
      parent?.objects.push(Number(content.split(' ')[1]));
    } else {
      const element: StructElement = { role: content.split(' ')[0] as string, text: [], objects: [], children: [], content: [] };
      (parent ? parent.children : root).push(element);
      parent?.content?.push(element);
      stack.push({ depth, element });
    }
  }
  return { tagged: /^Tagged:\s+yes$/m.test(info), root };
}

export function flattenStructure(elements: StructElement[]): StructElement[] {
  return elements.flatMap((e) => [e, ...flattenStructure(e.children)]);
}

/** All the text of an element and its descendants, in reading order. */
export function textOf(element: StructElement): string {
  const content = element.content ?? [...element.text, ...element.children];
  return content.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}
