/** The brief's inline markup written around a selection: **bold**, *italic*, [text](https://...). */
export type Mark = 'bold' | 'italic' | 'link';

export interface Marked {
  value: string;
  /** The selection to leave afterwards: the text marked, or for a link the address to type over. */
  start: number;
  end: number;
}

export function applyMark(value: string, start: number, end: number, mark: Mark): Marked {
  const before = value.slice(0, start);
  const text = value.slice(start, end) || (mark === 'link' ? 'link text' : 'text');
  const after = value.slice(end);
  if (mark === 'link') {
    const address = 'https://';
    const written = `[${text}](${address})`;
    const at = before.length + text.length + 3;
    return { value: before + written + after, start: at, end: at + address.length };
  }
  const fence = mark === 'bold' ? '**' : '*';
  return { value: `${before}${fence}${text}${fence}${after}`, start: start + fence.length, end: start + fence.length + text.length };
}
