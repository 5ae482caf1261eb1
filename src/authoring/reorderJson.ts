import { parse as parseJsonAst, type AnyNode } from '@humanwhocodes/momoa';
import { pointerSegment } from '../load/sourceMap.js';

/**
 * The text of a JSON document with the elements of some of its arrays in a new order, and every
 * other byte as it was: each element's text is moved whole into another element's place, and the
 * commas, line breaks and indentation between elements stay where they are. So a brief keeps its
 * formatting, however it was written, and only the moved entries change place.
 *
 * `orders`: the JSON pointer of an array ("/sections/0/entries") -> for each place, the index of
 * the element to put there (a permutation of 0..n-1). Throws if a pointer names no array or an
 * order is not a permutation of its elements: callers make both from the same text, so that is a bug.
 */
export function reorderArrays(text: string, orders: ReadonlyMap<string, readonly number[]>): string {
  const root = parseJsonAst(text, { mode: 'json' }).body;
  const splices: { start: number; end: number; text: string }[] = [];
  for (const [pointer, order] of orders) {
    const array = nodeAt(root, pointer);
    if (array?.type !== 'Array') throw new Error(`reorderArrays: ${pointer} is not an array`);
    const spans = array.elements.map((element) => [element.value.loc.start.offset, element.value.loc.end.offset] as const);
    if (order.length !== spans.length || new Set(order).size !== spans.length || order.some((i) => !(i in spans))) {
      throw new Error(`reorderArrays: the order for ${pointer} is not a permutation of its ${spans.length} elements`);
    }
    order.forEach((from, place) => {
      const [start, end] = spans[place] as readonly [number, number];
      const [fromStart, fromEnd] = spans[from] as readonly [number, number];
      if (from !== place) splices.push({ start, end, text: text.slice(fromStart, fromEnd) });
    });
  }
  // Pieces of the original between the splices, in order: one pass, however many entries move.
  const pieces: string[] = [];
  let at = 0;
  for (const { start, end, text: replacement } of splices.sort((a, b) => a.start - b.start)) {
    pieces.push(text.slice(at, start), replacement);
    at = end;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}

function nodeAt(root: AnyNode, pointer: string): AnyNode | undefined {
  let node: AnyNode | undefined = root;
  for (const segment of pointer.split('/').slice(1)) {
    if (node?.type === 'Object') node = node.members.find((m) => pointerSegment(m.name.type === 'String' ? m.name.value : m.name.name) === segment)?.value;
    else if (node?.type === 'Array') node = node.elements[Number(segment)]?.value;
    else return undefined;
  }
  return node;
}
