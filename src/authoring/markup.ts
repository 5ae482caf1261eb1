import { decodeHTMLStrict } from 'entities';
import { Parser } from 'htmlparser2';

/**
 * Markup in imported text. Databases put HTML or JATS tags in titles and abstracts
 * ("<i>qualitative</i>", "H<sub>2</sub>O", "<jats:p>"), which are not part of the text; but a
 * "<" is as often a less-than sign ("n<50", "a<b", "(P<.05)"). So the text is read by an HTML
 * parser (htmlparser2), and only what it reads as a complete tag of a known markup element is
 * taken out: everything else, including what the parser would have swallowed as a broken tag,
 * is kept character for character.
 */

/** Elements that mark up a run of text; taken out, their content kept. */
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'bold', 'cite', 'code', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'italic', 'kbd', 'mark',
  'monospace', 'q', 's', 'samp', 'sc', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'tt', 'u', 'underline', 'var',
]); // biome-ignore format: a list of names reads better packed
/** Elements that separate blocks of text: taken out and replaced by a space, so words either side stay apart. */
const BLOCK = new Set(['br', 'hr', 'p', 'div', 'li', 'ul', 'ol', 'sec', 'title', 'abstract', 'blockquote', 'wbr']);

/** Whether a tag name is markup: a name above, or a namespaced JATS or MathML one ("jats:italic", "mml:math"). */
function markupName(name: string): 'inline' | 'block' | undefined {
  const local = name.replace(/^(jats|mml):/, '');
  if (BLOCK.has(local)) return 'block';
  if (INLINE.has(local) || local !== name) return 'inline';
  return undefined;
}

/**
 * `text` without its markup tags, with character references ("&amp;", "&#233;", ended by ";")
 * decoded and white space collapsed to single spaces (trimmed). Text that is not a tag is kept as
 * it is: "n<50 vs n>100" and "a<b" come back unchanged.
 */
export function plainText(text: string): string {
  if (!text.includes('<') && !text.includes('&')) return collapse(text);
  const spans: { start: number; end: number; block: boolean }[] = [];
  let attributesOk = true;
  const tag = (name: string, parser: Parser) => {
    const kind = markupName(name);
    const { startIndex: start, endIndex: end } = parser;
    // A real tag spans "<...>" in the text itself (an implied one, made up by the parser, does not).
    if (kind && attributesOk && text[start] === '<' && text[end] === '>') spans.push({ start, end: end + 1, block: kind === 'block' });
  };
  const parser: Parser = new Parser(
    {
      onopentagname: () => {
        attributesOk = true;
      },
      // "<b and c>" is not a bold tag: a real tag's attributes have values ("<span class=x>").
      onattribute: (_name, _value, quote) => {
        if (quote === undefined || quote === null) attributesOk = false;
      },
      onopentag: (name, _attributes, isImplied) => {
        if (!isImplied) tag(name, parser);
      },
      onclosetag: (name, isImplied) => {
        attributesOk = true;
        if (!isImplied) tag(name, parser);
      },
    },
    { decodeEntities: false, recognizeSelfClosing: true },
  );
  parser.end(text);
  let out = '';
  let at = 0;
  for (const span of spans.sort((a, b) => a.start - b.start)) {
    if (span.start < at) continue;
    out += decodeHTMLStrict(text.slice(at, span.start)) + (span.block ? ' ' : '');
    at = span.end;
  }
  out += decodeHTMLStrict(text.slice(at));
  return collapse(out);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
