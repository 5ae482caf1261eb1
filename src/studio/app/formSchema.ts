/**
 * The brief schema made into the form's schema: the same titles, descriptions, enums and
 * examples, without what a form library cannot draw. An item that is "a paragraph or a bullet
 * list" (if/then/else in the schema) becomes a choice between the two (anyOf); the rule that a
 * login service goes only with "login-required" is the form's to show (theme.tsx), not a
 * schema's. The server validates every save with the command line's own checks, so the form
 * leaves out the keywords only brief's validator knows (errorMessage, richText, calendarDate).
 */
type Json = Record<string, unknown>;

const dropped = new Set(['errorMessage', 'calendarDate', 'if', 'then', 'else']);

function clean(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(clean);
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    // ("richText" is also the name of a definition: only the keyword, `richText: true`, goes.)
    if (dropped.has(key) || (key === 'richText' && value === true)) continue;
    // "Printable text" is checked by the server; in a form it would only be a second pattern.
    if (key === '$ref' && value === '#/$defs/printable') continue;
    out[key] = clean(value);
  }
  return out;
}

export function formSchema(schema: Json): Json {
  const out = clean(schema) as Json;
  delete out.$schema;
  delete out.$id;
  const defs = out.$defs as Record<string, Json>;
  delete defs.printable;
  // Text with inline markup: drawn with the Bold, Italic and Link buttons (theme.tsx).
  (defs.richText as Json).format = 'richtext';
  (defs.blocks as Json).items = {
    anyOf: [
      { title: 'Paragraph', $ref: '#/$defs/richText' },
      { title: 'Bullet list', $ref: '#/$defs/bulletList' },
    ],
  };
  (defs.entries as Json).items = {
    anyOf: [
      { title: 'Entry', $ref: '#/$defs/entry' },
      { title: 'Note between entries', $ref: '#/$defs/noteItem' },
    ],
  };
  return out;
}

/** What each list's buttons call one of its items ("Add entry", "Move section up"). */
const blocks = (item: string) => ({ 'ui:options': { itemLabel: item }, items: { list: { 'ui:options': { itemLabel: 'list item' } } } });

const dateHelp =
  'Type it as it should be printed, for example: 2020, March 2020, 16 July 2025, Spring 2018, updated 15 August 2025, published online 21 May 2020, or n.d. when it has no date.';

const entries = {
  'ui:options': { itemLabel: 'entry' },
  items: {
    date: { 'ui:help': dateHelp },
    summary: blocks('paragraph'),
    note: blocks('paragraph'),
  },
};

/** The layout of the form: names for the list buttons, help for the date, fields an editor leaves alone hidden. */
export const uiSchema = {
  'ui:submitButtonOptions': { norender: true },
  $schema: { 'ui:widget': 'hidden' },
  about: {},
  note: blocks('paragraph'),
  sections: {
    'ui:options': { itemLabel: 'section' },
    items: {
      note: blocks('paragraph'),
      entries,
      subsections: {
        'ui:options': { itemLabel: 'subsection' },
        items: { note: blocks('paragraph'), entries },
      },
    },
  },
  closingNote: { body: blocks('paragraph') },
};
