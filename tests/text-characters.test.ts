import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Brief } from '../src/brief/types.js';
import { buildBrief } from '../src/pipeline/buildBrief.js';
import { createBuildContext } from '../src/pipeline/buildContext.js';
import { runBrief } from './helpers/cli.js';
import { all, paragraphText, readDocx } from './helpers/docx.js';
import { readPdf } from './helpers/pdf.js';
import { asRead, codePoint, CONTROL, INVISIBLE, printableText, refusedIn, refusedWord, RIGHT_TO_LEFT, wordsOf } from './helpers/textArbitraries.js';

/**
 * Text a reader cannot search or copy, and characters that must not print (issue 15): each case
 * of tests/fixtures/cases/ with its right value, then a property over random text of the same
 * kinds (tests/helpers/textArbitraries.ts).
 */
const work = mkdtempSync(join(tmpdir(), 'brief-text-'));
const context = createBuildContext({ outputDir: join(work, 'out') });

/** A document's text for finding a brief's text in it: no white space (lines break anywhere), and a soft hyphen that ends a line joins its word again (how PDF marks a hyphen added by line breaking). */
const searchable = (text: string) => text.replace(/\u00ad\s+/g, '').replace(/\s+/g, '');
const withoutHyphens = (text: string) => text.replace(/-/g, '');
/** A brief's text as it must be found: as read (NFC, invisibles gone), no white space. */
const expected = (text: string) => asRead(text).replace(/\s+/g, '');

/**
 * A built brief's text: the PDF's as pdf.js reads it (as browsers show PDFs; it leaves soft hyphens
 * and word joiners out of what it reads) and as poppler's pdftotext reads it (which keeps them, so
 * a soft hyphen or word joiner drawn mid-line shows), and the Word document's.
 */
async function documentsOf(name: string): Promise<{ pdf: string; poppler: string; docx: string; author: unknown }> {
  const pdf = await readPdf(join(work, 'out', `${name}.pdf`));
  const docx = await readDocx(join(work, 'out', `${name}.docx`));
  return {
    pdf: searchable(pdf.pages.join(' ')),
    // Hyphens left out: poppler joins a word broken after a hyphen ("well-" / "being") and drops the hyphen.
    poppler: withoutHyphens(searchable(execFileSync('pdftotext', [join(work, 'out', `${name}.pdf`), '-'], { encoding: 'utf8' }))),
    // Word keeps zero-width spaces and word joiners as text (it handles them itself); soft hyphens are w:softHyphen, not text.
    docx: searchable(all(docx.document, 'w:p').map(paragraphText).join(' ').replace(INVISIBLE, '')),
    author: pdf.info.Author,
  };
}

async function build(name: string, brief: unknown) {
  const path = join(work, `${name}.json`);
  writeFileSync(path, JSON.stringify(brief, null, 2));
  return { path, result: await buildBrief({ path, file: path }, context) };
}

const caseBrief = (name: string) => JSON.parse(readFileSync(`tests/fixtures/cases/${name}.json`, 'utf8')) as Brief;
const entryTexts = (brief: Brief) => {
  const entry = brief.sections[0]?.entries?.[0] as { title: string; summary: string[] };
  return [entry.title, ...entry.summary];
};

describe('the cases of issue 15', () => {
  it('soft-hyphens: builds; soft hyphens are invisible mid-line, a hyphen where a line breaks at one; every word in both documents', async () => {
    const brief = caseBrief('soft-hyphens');
    const { result } = await build('soft-hyphens', brief);
    expect(result.ok).toBe(true);
    const pdf = await readPdf(join(work, 'out', 'soft-hyphens.pdf'));
    const page = pdf.pages[2] as string;
    // Mid-line: no hyphen, no soft hyphen, no box; the word joiner and zero-width space print nothing.
    expect(page).toContain('Soft hyphens in the middle of a line: Gesundheitswesen and Krankenhaus should print as');
    expect(page).toContain('Softhyphen inside a title: Krankenhausverwaltung');
    expect(page).toContain('Zero-width space: peersupport and word joiner peersupport');
    // The long word breaks at a soft hyphen (pdf.js leaves out the soft hyphen that the drawn hyphen stands for).
    expect(page).toContain('Pflegewissenschaftler innenausbildungsordnungzusatz end.');
    // Ordinary hyphens after a soft hyphen extract as hyphens.
    expect(page).toContain('Zero-width space');
    expect(page).not.toMatch(/\u2060|\u200b/);
    const documents = await documentsOf('soft-hyphens');
    for (const text of entryTexts(brief)) {
      expect(documents.pdf).toContain(expected(text));
      expect(documents.poppler).toContain(withoutHyphens(expected(text)));
      expect(documents.docx).toContain(expected(text));
    }
    // Word's own optional hyphen, which Word and LibreOffice show only at a line's end.
    const docx = await readDocx(join(work, 'out', 'soft-hyphens.docx'));
    expect(all(docx.document, 'w:softHyphen').length).toBeGreaterThanOrEqual(14);
    expect(await docx.text('word/document.xml')).not.toContain('\u00ad');
  });

  it('soft-hyphens: the hyphen drawn at a line end is a hyphen on the page (pdftotext sees it, as U+00AD, only there)', async () => {
    const text = execFileSync('pdftotext', ['-f', '3', '-l', '3', join(work, 'out', 'soft-hyphens.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Pflegewissenschaftler\u00ad\ninnenausbildungsordnungzusatz end.');
    expect(text.match(/\u00ad/g)).toHaveLength(1);
    expect(text).toContain('Zero-width space');
  });

  it('decomposed-accents: builds; every word composed (NFC) in both documents and the metadata', async () => {
    const brief = caseBrief('decomposed-accents');
    const entry = brief.sections[0]?.entries?.[0] as { title: string };
    expect(entry.title.normalize('NFC')).not.toBe(entry.title); // the case is typed decomposed
    const { result } = await build('decomposed-accents', { ...brief, author: 'Zoë Dvořák'.normalize('NFD') });
    expect(result.ok).toBe(true);
    const documents = await documentsOf('decomposed-accents');
    for (const text of entryTexts(brief)) {
      expect(documents.pdf).toContain(expected(text));
      expect(documents.poppler).toContain(withoutHyphens(expected(text)));
      expect(documents.docx).toContain(expected(text));
    }
    expect(documents.pdf).toContain('Zürich'.normalize('NFC'));
    expect(documents.author).toBe('Zoë Dvořák'.normalize('NFC'));
  });

  it('control-characters: refused, each field with its place and its characters named', async () => {
    const file = 'tests/fixtures/cases/control-characters.json';
    const result = await runBrief('validate', file);
    expect(result.code).toBe(1);
    expect(result.out).toEqual([
      `${file}:18:20  /sections/0/entries/0/title  "title" has U+0008 (backspace), a control character: it would print as a box in the PDF and vanish from the Word document, gluing the words beside it. Delete it (such characters come with text copied from PDFs and old systems)`,
      `${file}:23:13  /sections/0/entries/0/summary/0  item 1 of "summary" has U+000B (vertical tab), U+0008 (backspace) and U+0001 (start of heading), control characters: they would print as boxes in the PDF and vanish from the Word document, gluing the words beside them. Delete them (such characters come with text copied from PDFs and old systems)`,
      `${file}: 2 problems`,
    ]);
  });

  it('hebrew-text: builds; right-to-left words set right to left, brackets beside them as a browser sets them; every word in both documents', async () => {
    const brief = caseBrief('hebrew-text');
    const { result } = await build('hebrew-text', brief);
    expect(result.ok).toBe(true);
    const [title, summary] = entryTexts(brief) as [string, string];
    // The Word document holds the text as typed (Word and LibreOffice order it themselves).
    const documents = await documentsOf('hebrew-text');
    expect(documents.docx).toContain(expected(title));
    expect(documents.docx).toContain(expected(summary));
    // Every word, whole, in the PDF's text as pdf.js and poppler read it.
    for (const word of [...wordsOf(title), ...wordsOf(summary)]) {
      expect(documents.pdf, word).toContain(word);
      expect(documents.poppler, word).toContain(withoutHyphens(word));
    }
    // poppler gives the title's right-to-left run back in typed order.
    const pdf = join(work, 'out', 'hebrew-text.pdf');
    expect(execFileSync('pdftotext', ['-f', '3', '-l', '3', pdf, '-'], { encoding: 'utf8' })).toContain(title);
    // Where each word is drawn: poppler's word boxes, glyphs as drawn (a right-to-left word's reversed).
    const boxes = [
      ...execFileSync('pdftotext', ['-f', '3', '-l', '3', '-bbox', pdf, '-'], { encoding: 'utf8' }).matchAll(
        /xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</g,
      ),
    ].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      right: Number(m[3]),
      word: m[4] as string,
    }));
    const at = (typed: string) => {
      const drawn = [typed, [...typed].reverse().join('')];
      const box = boxes.find((b) => drawn.includes(b.word));
      expect(box, `where "${typed}" is drawn`).toBeDefined();
      return box as { x: number; y: number; right: number };
    };
    // The title reads right to left: each word is drawn to the left of the word typed before it, on one line.
    const titleWords = title.split(' ');
    for (let i = 1; i < titleWords.length; i++) {
      expect(at(titleWords[i] as string).right, `"${titleWords[i]}" left of "${titleWords[i - 1]}"`).toBeLessThan(at(titleWords[i - 1] as string).x);
      expect(at(titleWords[i] as string).y).toBe(at(titleWords[0] as string).y);
    }
    // "… הבריאות (2020) and English": the year in brackets ends the right-to-left run, so it is drawn at its left end,
    // brackets the right way round; "and" follows the run on its right.
    expect(at('(2020)').right).toBeLessThan(at('הבריאות').x);
    expect(at('עובדי').right).toBeLessThan(at('and').x);
    expect(at('summary:').right).toBeLessThan(at('(2020)').x);
  });

  it('a NUL in the author is refused: it never reaches the documents’ metadata', async () => {
    const { result } = await build('nul-author', { ...caseBrief('soft-hyphens'), author: 'Alex\u0000Example' });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.diagnostics.map((d) => [d.line, d.column, d.pointer, d.message])).toEqual([
      [
        5,
        13,
        '/author',
        '"author" has U+0000 (null), a control character: it would print as a box in the PDF and vanish from the Word document, gluing the words beside it. Delete it (such characters come with text copied from PDFs and old systems)',
      ],
    ]);
  });
});

describe('the schema and the messages agree', () => {
  it("the schema's pattern for control characters is the one the messages name characters by, and the tests' own", async () => {
    const { CONTROL_PATTERN } = await import('../src/validate/textCharacters.js');
    const schema = JSON.parse(readFileSync('schema/brief.schema.json', 'utf8')) as { $defs: { printable: { allOf: { pattern: string }[] } } };
    expect(schema.$defs.printable.allOf.map((p) => p.pattern)).toContain(CONTROL_PATTERN);
    const schemaAllows = new RegExp(CONTROL_PATTERN, 'u');
    for (let code = 0; code < 0x3000; code++) {
      const c = String.fromCharCode(code);
      expect(schemaAllows.test(c), `U+${code.toString(16)}`).toBe(!CONTROL.test(c));
    }
  });
});

describe('a glyph the font draws for two characters', () => {
  it('is embedded once for each, so that each extracts as typed: space and no-break space, thin space and narrow no-break space, hyphen and a soft hyphen shown at a line end, Latin and Cyrillic schwa', async () => {
    const { createRequire } = await import('node:module');
    const { shareTextLayoutAcrossDocuments, SOFT_HYPHEN_SHOWN } = await import('../src/writers/pdf/engine/sharedTextLayout.js');
    const font = readFileSync('templates/themes/hee/fonts/Arimo-Regular.ttf');
    shareTextLayoutAcrossDocuments(font);
    const pdfkitRequire = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
    type Font = { encode(text: string): [string[], object[]]; unicode: number[][]; subset: { glyphs: number[] } };
    const PDFKitDocument = pdfkitRequire('pdfkit') as new (o: object) => { font(src: Buffer): unknown; _font: Font };
    const doc = new PDFKitDocument({ autoFirstPage: false });
    doc.font(font);
    // The first of each pair first, as a brief would have it: a no-break space before any space.
    // Latin and Cyrillic schwa (U+0259, U+04D9) share one too, and are shaped by fontkit, which hands back one glyph object for both.
    const text = `10\u00a0mg\u202fa\u2009b Pflege${SOFT_HYPHEN_SHOWN} well-being and more: \u0259 \u04d9`;
    const [hex] = doc._font.encode(text);
    const gids = hex.map((h) => parseInt(h, 16));
    const textOf = (gid: number) => String.fromCodePoint(...(doc._font.unicode[gid] as number[]));
    // Glyph by glyph, the text the PDF's ToUnicode map gives back is the text drawn (the shown soft hyphen's is U+00AD).
    expect(gids.map(textOf).join('')).toBe(text.replace(SOFT_HYPHEN_SHOWN, '\u00ad'));
    // Space and no-break space share Arimo's glyph 3, yet are two subset entries.
    const glyphOf = (c: string) => doc._font.subset.glyphs[gids[[...text].indexOf(c)] as number];
    expect(glyphOf(' ')).toBe(glyphOf('\u00a0'));
  });
});

describe('property: text of every kind prints whole in both documents, or is refused with its place', () => {
  // The fields a reader sees in different places: metadata, running header, title page, contents, headings, links, paragraphs.
  // Every brief's texts are printable; about one in three then gets a refused word (one with a
  // control character) in one of its located fields, so that both outcomes are tried often.
  const fields = fc
    .record({
      topic: printableText(1, 6),
      author: printableText(1, 4),
      heading: printableText(1, 6),
      title: printableText(1, 10),
      source: printableText(1, 4),
      summary: fc.array(printableText(3, 60), { minLength: 1, maxLength: 3 }),
      note: printableText(2, 20),
      spoilt: fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.tuple(fc.nat(), refusedWord, fc.boolean()) }),
    })
    .map(({ spoilt, ...f }) => {
      if (!spoilt) return f;
      const [which, word, atEnd] = spoilt;
      const spoil = (text: string) => (atEnd ? `${text} ${word}` : `${word} ${text}`);
      const keys = ['topic', 'author', 'heading', 'title', 'summary'] as const;
      const key = keys[which % keys.length] as (typeof keys)[number];
      return key === 'summary' ? { ...f, summary: [spoil(f.summary[0] as string), ...f.summary.slice(1)] } : { ...f, [key]: spoil(f[key]) };
    });
  const runs = Number(process.env.BRIEF_TEXT_RUNS ?? 24);
  const seed = Number(process.env.BRIEF_TEXT_SEED ?? 15_2026);

  it('builds with every text in the PDF and the Word document (and the author in the metadata); a control character is refused, located and named', async () => {
    const base = caseBrief('soft-hyphens');
    let run = 0;
    const outcomes = { built: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fields, async (f) => {
        const name = `random-${run++}`;
        const brief = {
          ...base,
          topic: f.topic,
          author: f.author,
          sections: [{ heading: f.heading, entries: [{ title: f.title, url: 'https://example.org/a', date: '2020', source: f.source, summary: f.summary }] }],
          closingNote: { heading: 'Closing note', body: [f.note] },
        };
        const { path, result } = await build(name, brief);
        const located: [string, string][] = [
          ['/topic', f.topic],
          ['/author', f.author],
          ['/sections/0/heading', f.heading],
          ['/sections/0/entries/0/title', f.title],
          ...f.summary.map((s, i): [string, string] => [`/sections/0/entries/0/summary/${i}`, s]),
        ];
        const refused = located.filter(([, text]) => refusedIn(text).length > 0);
        outcomes[refused.length > 0 ? 'refused' : 'built']++;
        if (refused.length > 0) {
          expect(result.ok, 'a brief with refused characters must not build').toBe(false);
          const diagnostics = result.ok ? [] : result.diagnostics;
          for (const [pointer, text] of refused) {
            const found = diagnostics.filter((d) => d.pointer === pointer);
            expect(found.length, `a message for ${pointer}`).toBeGreaterThan(0);
            for (const d of found) expect(d.file === path && (d.line ?? 0) > 0 && (d.column ?? 0) > 0).toBe(true);
            // Every refused character of the field is named by its code point.
            for (const c of refusedIn(text)) expect(found.map((d) => d.message).join('\n')).toContain(codePoint(c));
          }
          return;
        }
        expect(result.ok, JSON.stringify(result.ok ? '' : result.diagnostics)).toBe(true);
        const documents = await documentsOf(name);
        // The author is in the metadata only.
        for (const [pointer, text] of [
          ...located.filter(([p]) => p !== '/author'),
          ['/sections/0/entries/0/source', f.source],
          ['/closingNote/body/0', f.note],
        ]) {
          if (RIGHT_TO_LEFT.test(text as string)) {
            // Right-to-left words are set right to left; readers give the words back, each in its own order of runs.
            for (const word of wordsOf(text as string)) {
              expect(documents.pdf, `PDF, ${pointer}: ${word} of ${JSON.stringify(text)}`).toContain(word);
              expect(documents.poppler, `PDF (pdftotext), ${pointer}: ${word} of ${JSON.stringify(text)}`).toContain(withoutHyphens(word));
            }
          } else {
            expect(documents.pdf, `PDF, ${pointer}: ${JSON.stringify(text)}`).toContain(expected(text as string));
            expect(documents.poppler, `PDF (pdftotext), ${pointer}: ${JSON.stringify(text)}`).toContain(withoutHyphens(expected(text as string)));
          }
          expect(documents.docx, `Word, ${pointer}: ${JSON.stringify(text)}`).toContain(expected(text as string));
        }
        expect(documents.author, 'the author in the metadata, composed').toBe(f.author.normalize('NFC'));
      }),
      { numRuns: runs, seed },
    );
    // Both outcomes were tried (a generator that only ever made one would prove half as much).
    expect(outcomes.built).toBeGreaterThan(runs / 2);
    expect(outcomes.refused).toBeGreaterThan(0);
  }, 300_000);
});
