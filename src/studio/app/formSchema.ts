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
  plainWords(out);
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

/**
 * The form's own words where the schema's are written for people editing JSON (`{"list": [...]}`,
 * "one string each", "login-required"): the same meaning, in the words of the page.
 */
const PLAIN_WORDS: [path: string[], description: string][] = [
  [['$defs', 'blocks'], 'One or more paragraphs; each can be a paragraph of text or a bullet list.'],
  [['$defs', 'bulletList', 'properties', 'list'], 'The items of the list, one per box.'],
  [
    ['$defs', 'entries'],
    'The references of this section in the order they are published (newest first, as a rule). A note between entries can stand among them.',
  ],
  [['$defs', 'entry', 'properties', 'title'], 'The title of the publication, exactly as published. It is printed as a link when the entry has one.'],
  [
    ['$defs', 'entry', 'properties', 'doi'],
    'The publication\'s DOI (Digital Object Identifier), without "https://doi.org/", e.g. "10.1186/s12913-020-05678-9". Printed as a https://doi.org/ link: as the title\'s link when the entry has no link of its own, else after the source.',
  ],
  [['$defs', 'entry', 'properties', 'summary'], 'What the publication says: paragraphs, and bullet lists.'],
  [
    ['$defs', 'entry', 'properties', 'access'],
    'How a reader gets the full text: free to read (no marker; the same as leaving it empty), abstract only (marked "Abstract only*"), or log in required (marked "Athens log in required*" with Athens as its login service, or "Log in required*" without one).',
  ],
  [
    ['$defs', 'entry', 'properties', 'loginService'],
    'The login the reader needs, e.g. "Athens" (marked "Athens log in required*"). Leave it empty when the source names none (marked "Log in required*").',
  ],
  [
    ['$defs', 'entry', 'properties', 'date'],
    'When the publication appeared, as it should be printed: type it (2020, March 2020, 16 July 2025, Spring 2018, updated 15 August 2025, published online 21 May 2020, or n.d. when it has no date), or choose a month and year.',
  ],
  [
    ['properties', 'about'],
    'The short blurb on the title page that says what an evidence brief is. Bold, italic and links are allowed (the buttons above the box).',
  ],
];

function plainWords(schema: Json): void {
  for (const [path, description] of PLAIN_WORDS) {
    const node = path.reduce<Json | undefined>((at, key) => at?.[key] as Json | undefined, schema);
    if (node) node.description = description;
  }
}

type Ui = Record<string, unknown>;

/** A list's items titled by their place ("Entry 2", not rjsf's "Entries-2"), without the asterisk of a required field. */
const numbered =
  (word: (item: unknown) => string, ui: Ui = {}) =>
  (item: unknown, index: number): Ui => ({
    ...ui,
    'ui:title': `${word(item)} ${index + 1}`,
    'ui:options': { ...(ui['ui:options'] as Ui | undefined), item: true },
  });

/** Paragraphs: each a paragraph or a bullet list, chosen with a plain labelled choice; the buttons say "Add paragraph". */
const blocks = {
  'ui:options': { itemLabel: 'paragraph' },
  items: numbered((item) => (typeof item === 'object' && item !== null ? 'Bullet list' : 'Paragraph'), {
    'ui:options': { choice: 'Paragraph or bullet list' },
    anyOf: [{ 'ui:label': false }, { 'ui:label': false, list: { 'ui:options': { itemLabel: 'list item' }, items: numbered(() => 'List item') } }],
  }),
};

const entry = {
  'ui:label': false,
  date: { 'ui:widget': 'briefDate' },
  access: { 'ui:enumNames': ['Free to read (no marker)', 'Abstract only*', 'Log in required*'] },
  summary: blocks,
};

const entries = {
  'ui:options': { itemLabel: 'entry', copyable: true },
  items: numbered((item) => (typeof item === 'object' && item !== null && 'note' in item ? 'Note' : 'Entry'), {
    'ui:options': { choice: 'Entry or note' },
    anyOf: [entry, { 'ui:label': false, note: blocks }],
  }),
};

/** The layout of the form: names for the list buttons and items, the date picker, fields an editor leaves alone hidden. */
export const uiSchema = {
  'ui:submitButtonOptions': { norender: true },
  $schema: { 'ui:widget': 'hidden' },
  about: {},
  note: blocks,
  sections: {
    'ui:options': { itemLabel: 'section', copyable: true },
    items: numbered(() => 'Section', {
      note: blocks,
      entries,
      subsections: {
        'ui:options': { itemLabel: 'subsection', copyable: true },
        items: numbered(() => 'Subsection', { note: blocks, entries }),
      },
    }),
  },
  closingNote: { body: blocks },
};
