import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { embeddedFontPrototype, pdfkitOwn, shareTextLayoutAcrossDocuments } from '../src/writers/pdf/engine/sharedTextLayout.js';
import { pdfmakeGetStyleProperty, styleContextStack, styleLookup, type StyleStack } from '../src/writers/pdf/engine/styleLookups.js';

const font = readFileSync('templates/themes/hee/fonts/Arimo-Regular.ttf');

/** What brief relies on inside pdfmake/pdfkit; an upgrade that moves any of it must fail here, loudly. */
describe('pdfkit internals used by the PDF writer', () => {
  it('pdfmake and its pdfkit are pinned to exact versions, and pdfmake uses the one pdfkit the writer adjusts', async () => {
    const { existsSync } = await import('node:fs');
    const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    expect(dependencies.pdfmake).toMatch(/^\d+\.\d+\.\d+$/);
    expect(dependencies.pdfkit).toMatch(/^\d+\.\d+\.\d+$/);
    expect(JSON.parse(readFileSync('node_modules/pdfkit/package.json', 'utf8')).version).toBe(dependencies.pdfkit);
    // A second copy under pdfmake would be the one pdfmake draws with, untouched by the writer.
    expect(existsSync('node_modules/pdfmake/node_modules/pdfkit')).toBe(false);
  });

  it("pdfkit's EmbeddedFont shapes words through layoutCached(text), and knows its font's name and checksum", () => {
    const prototype = embeddedFontPrototype(font) as unknown as Record<string, unknown>;
    expect(typeof prototype.layoutCached).toBe('function');
    expect(typeof prototype.layout).toBe('function');
    expect(typeof prototype.encode).toBe('function');
  });

  it('a shaped word gives the glyph ids, widths and code points that pdfkit embeds', async () => {
    const { createRequire } = await import('node:module');
    const pdfkitRequire = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
    const PDFKitDocument = pdfkitRequire('pdfkit') as new (
      o: object,
    ) => {
      font(src: Buffer): unknown;
      _font: {
        font: { postscriptName: string; head: { checkSumAdjustment: number } };
        layoutCached(t: string): { glyphs: { id: number; advanceWidth: number; codePoints: number[] }[]; advanceWidth: number };
      };
    };
    const doc = new PDFKitDocument({ autoFirstPage: false });
    doc.font(font);
    expect(doc._font.font.postscriptName).toBe('Arimo');
    expect(typeof doc._font.font.head.checkSumAdjustment).toBe('number');
    const subset = (doc._font as unknown as { subset: { glyphs: unknown; encode: unknown } }).subset;
    expect(Array.isArray(subset.glyphs)).toBe(true);
    expect(typeof subset.encode).toBe('function');
    const run = doc._font.layoutCached('Brief ');
    expect(run.glyphs.map((g) => g.codePoints)).toEqual([[66], [114], [105], [101], [102], [32]]);
    expect(run.glyphs.every((g) => Number.isInteger(g.id) && g.advanceWidth > 0)).toBe(true);
    expect(run.advanceWidth).toBeGreaterThan(0);
  });
});

describe('the shared cache of shaped words', () => {
  it("encodes text for drawing as pdfkit's own encode does: the same glyph ids, positions, widths and code points", async () => {
    const { createRequire } = await import('node:module');
    const pdfkitRequire = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
    type Font = { encode(text: string): [string[], object[]]; widths: unknown[]; unicode: unknown[]; subset: { glyphs: number[] } };
    const PDFKitDocument = pdfkitRequire('pdfkit') as new (o: object) => { font(src: Buffer): unknown; _font: Font };
    shareTextLayoutAcrossDocuments(font);
    const pdfkitEncode = pdfkitOwn.encode as unknown as Font['encode'];
    expect(typeof pdfkitEncode).toBe('function');
    const fontOf = () => {
      const doc = new PDFKitDocument({ autoFirstPage: false });
      doc.font(font);
      return doc._font;
    };
    // Words, spaces and tabs in any order (runs of them, leading and trailing), Latin and not.
    const piece = fc.constantFrom('Peer', 'support', 'workers,', '(2021)', 'café', 'Ωμέγα', 'שלום', '—', ' ', '  ', '\t', '');
    fc.assert(
      fc.property(
        fc.array(
          fc.array(piece, { maxLength: 12 }).map((p) => p.join('')),
          { minLength: 1, maxLength: 6 },
        ),
        (texts) => {
          const ours = fontOf();
          const theirs = fontOf();
          expect(ours.encode).not.toBe(pdfkitEncode);
          for (const text of texts) expect(ours.encode(text)).toStrictEqual(pdfkitEncode.call(theirs, text));
          expect(ours.subset.glyphs).toEqual(theirs.subset.glyphs);
          expect(ours.widths).toEqual(theirs.widths);
          expect(ours.unicode).toEqual(theirs.unicode);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps no font alive: a document and its font can be collected once it is done with', async () => {
    const { setFlagsFromString } = await import('node:v8');
    const { runInNewContext } = await import('node:vm');
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const { createRequire } = await import('node:module');
    const { shareTextLayoutAcrossDocuments } = await import('../src/writers/pdf/engine/sharedTextLayout.js');
    shareTextLayoutAcrossDocuments(font);
    const pdfkitRequire = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
    const PDFKitDocument = pdfkitRequire('pdfkit') as new (
      o: object,
    ) => { font(src: Buffer): unknown; _font: { font: object; layoutCached(t: string): unknown } };
    const fontRef = (() => {
      const doc = new PDFKitDocument({ autoFirstPage: false });
      doc.font(font);
      doc._font.layoutCached(`word-${Math.random()} `); // a word no document has shaped before
      return new WeakRef(doc._font.font);
    })();
    for (let i = 0; i < 5 && fontRef.deref(); i++) {
      await new Promise((r) => setTimeout(r, 10));
      gc();
    }
    expect(fontRef.deref()).toBeUndefined();
  });
});

describe('Latin words set glyph by glyph, as Word sets them', () => {
  type Run = { glyphs: { id: number; advanceWidth: number }[]; positions: { xAdvance: number; xOffset: number }[]; advanceWidth: number };
  async function fonts() {
    const { createRequire } = await import('node:module');
    const { shareTextLayoutAcrossDocuments } = await import('../src/writers/pdf/engine/sharedTextLayout.js');
    shareTextLayoutAcrossDocuments(font);
    const pdfkitRequire = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
    const PDFKitDocument = pdfkitRequire('pdfkit') as new (
      o: object,
    ) => { font(src: Buffer): unknown; _font: { font: { layout(t: string): Run; unitsPerEm: number }; layoutCached(t: string): Run } };
    const doc = new PDFKitDocument({ autoFirstPage: false });
    doc.font(font);
    return doc._font;
  }

  it('has no kerning: each glyph advances by its own width, though the font would kern the pair', async () => {
    const embedded = await fonts();
    const word = 'AVATAR ';
    const scale = 1000 / embedded.font.unitsPerEm;
    const shaped = embedded.font.layout(word);
    // The font itself kerns "AV": fontkit's shaping moves the V closer.
    expect(shaped.positions[0]?.xAdvance).toBeLessThan((shaped.glyphs[0]?.advanceWidth as number) - 1);
    const run = embedded.layoutCached(word);
    for (const [i, position] of run.positions.entries()) expect(position.xAdvance).toBeCloseTo((run.glyphs[i]?.advanceWidth as number) * scale, 6);
    const sum = run.glyphs.reduce((total, glyph) => total + glyph.advanceWidth * scale, 0);
    expect(run.advanceWidth).toBeCloseTo(sum, 6);
  });

  it('still shapes text outside Latin with fontkit: a combining accent is placed over its letter', async () => {
    const embedded = await fonts();
    const run = embedded.layoutCached('Cafe\u0301 ');
    // Unshaped, the accent would stand where the e ends; shaped, it is moved back over the e.
    expect(run.glyphs).toHaveLength(6);
    expect(run.positions[4]?.xOffset).toBeLessThan(0);
  });
});

describe('words drawn as one run of text', () => {
  it('are joined only on properties that cover all that pdfmake reads of a word when it draws it', async () => {
    const { createRequire } = await import('node:module');
    const { DRAWN_BY, PLACED_BY } = await import('../src/writers/pdf/engine/textRuns.js');
    const pdfmakeRequire = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
    const drawing = ['./Renderer.js', './TextDecorator.js'].map((file) => readFileSync(pdfmakeRequire.resolve(file), 'utf8')).join('\n');
    const read = new Set([...drawing.matchAll(/\b(?:inline|inlines\[\w+\])\.(\w+)/g)].map((m) => m[1] as string));
    expect(read.size).toBeGreaterThan(15);
    expect([...read].filter((property) => !(DRAWN_BY as readonly string[]).includes(property) && !(PLACED_BY as readonly string[]).includes(property))).toEqual(
      [],
    );
  });

  it('joins adjacent words drawn alike, and keeps apart words that differ or have a gap between them', async () => {
    const { joinWordsDrawnAlike } = await import('../src/writers/pdf/engine/textRuns.js');
    const word = (text: string, x: number, extra: object = {}) => ({ text, x, width: text.length * 5, font: 'f', fontSize: 10, color: 'black', ...extra });
    const joined = joinWordsDrawnAlike([
      word('The ', 0),
      word('NHS ', 20),
      word('Long ', 40, { color: 'blue' }),
      word('Term ', 65, { color: 'blue' }),
      word('Plan', 100, { color: 'blue' }),
    ]);
    expect(joined.map((w) => [w.text, w.x, w.width])).toEqual([
      ['The NHS ', 0, 40],
      ['Long Term ', 40, 50],
      ['Plan', 100, 20],
    ]);
  });
});

describe("pdfmake's Renderer, which the tagging renderer replaces", () => {
  it('is read by the Printer at render time, and has the methods the tagging renderer wraps', async () => {
    const { createRequire } = await import('node:module');
    const pdfmakeRequire = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
    const printer = readFileSync(pdfmakeRequire.resolve('./Printer.js'), 'utf8');
    expect(printer).toContain('new _Renderer.default(');
    const { installTaggingRenderer, pdfmakeRendererModule } = await import('../src/writers/pdf/engine/taggedRenderer.js');
    const base = pdfmakeRendererModule().default;
    installTaggingRenderer();
    const tagging = pdfmakeRendererModule().default;
    for (const method of ['renderLine', 'renderVector', 'renderImage', 'renderPages']) {
      expect(typeof (tagging.prototype as unknown as Record<string, unknown>)[method], method).toBe('function');
    }
    expect(tagging.name).toBe('TaggingRenderer');
    expect(tagging.prototype instanceof (base.name === 'TaggingRenderer' ? Object.getPrototypeOf(base) : base)).toBe(true);
    const line = readFileSync(pdfmakeRequire.resolve('./Line.js'), 'utf8');
    expect(line).toMatch(/getHeight\(\)/);
    expect(line).toMatch(/getAscenderHeight\(\)/);
  });
});

describe("pdfmake's style look-up, answered without allocating (styleLookups.ts)", () => {
  const properties = ['font', 'bold', 'color', 'link'] as const;
  const value = fc.constantFrom(undefined, null, false, true, 0, 9, '', 'red');
  const styleObject = fc.dictionary(fc.constantFrom(...properties), value, { maxKeys: 4 });
  const name = fc.constantFrom('heading', 'quote', 'missing');
  const setup = fc.record({
    // Named styles, some extending others (and one extending itself, which pdfmake stops).
    dictionary: fc.record({ heading: fc.record({ color: value, extends: fc.constantFrom(undefined, 'quote', ['quote', 'heading']) }), quote: styleObject }),
    defaultStyle: fc.option(styleObject, { nil: undefined }),
    overrides: fc.array(fc.oneof(styleObject, name), { maxLength: 5 }),
    item: fc.oneof(
      fc.constant('a plain string'),
      fc.record({
        own: styleObject,
        style: fc.option(fc.oneof(name, fc.array(name, { maxLength: 2 })), { nil: undefined }),
        section: fc.constantFrom(undefined, {}),
      }),
    ),
    defaultValue: value,
  });
  type Setup = typeof setup extends fc.Arbitrary<infer T> ? T : never;
  const StyleContextStack = styleContextStack as unknown as new (dictionary: object, defaultStyle?: object) => StyleStack & { push(o: unknown): void };
  const stackOf = (s: Setup) => {
    const stack = new StyleContextStack(s.dictionary, s.defaultStyle);
    for (const o of s.overrides) stack.push(o);
    return stack;
  };
  const itemOf = (s: Setup) =>
    typeof s.item === 'string'
      ? s.item
      : { ...s.item.own, ...(s.item.style === undefined ? {} : { style: s.item.style }), ...(s.item.section === undefined ? {} : { section: s.item.section }) };

  it('gives the same answer as pdfmake for every property, and leaves the stack as it was', () => {
    const lookUp = styleLookup(pdfmakeGetStyleProperty);
    fc.assert(
      fc.property(setup, (s) => {
        for (const property of properties) {
          const stack = stackOf(s);
          const before = [...stack.styleOverrides];
          expect(lookUp(itemOf(s), stack, property, s.defaultValue)).toStrictEqual(pdfmakeGetStyleProperty(itemOf(s), stackOf(s), property, s.defaultValue));
          expect(stack.styleOverrides).toEqual(before);
        }
        expect(lookUp(itemOf(s), null, 'color', s.defaultValue)).toStrictEqual(pdfmakeGetStyleProperty(itemOf(s), null, 'color', s.defaultValue));
      }),
      { numRuns: 2000 },
    );
  });

  it('is what pdfmake calls for each word once a PDF is made (pdfmake looks the method up at every call)', async () => {
    const { createBuildContext } = await import('../src/pipeline/buildContext.js');
    const { buildBrief } = await import('../src/pipeline/buildBrief.js');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const context = createBuildContext({ outputDir: mkdtempSync(join(tmpdir(), 'brief-style-lookups-')) });
    await buildBrief({ path: 'tests/fixtures/valid/minimal.json', file: 'minimal.json' }, context);
    expect(styleContextStack.getStyleProperty).not.toBe(pdfmakeGetStyleProperty);
    const calls = vi.spyOn(styleContextStack, 'getStyleProperty');
    await buildBrief({ path: 'tests/fixtures/valid/minimal.json', file: 'minimal.json' }, context);
    expect(calls.mock.calls.length).toBeGreaterThan(100);
    calls.mockRestore();
  });
});

/** What softHyphens.ts and the glyph variants of sharedTextLayout.ts rely on. */
describe('pdfmake and fontkit internals used for soft hyphens and shared glyphs', () => {
  it("pdfmake's TextInlines.measure and LayoutBuilder.buildNextLine are there to wrap, and a line asks for a word's width less its trailing cut", async () => {
    const { createRequire } = await import('node:module');
    const pdfmakeRequire = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
    const TextInlines = pdfmakeRequire('./TextInlines.js').default as { prototype: Record<string, unknown> };
    const LayoutBuilder = pdfmakeRequire('./LayoutBuilder.js').default as { prototype: Record<string, unknown> };
    const Line = pdfmakeRequire('./Line.js').default as new (
      maxWidth: number,
    ) => {
      addInline(i: object): void;
      hasEnoughSpaceForInline(i: object, next?: object[]): boolean;
      getWidth(): number;
      inlines: object[];
      inlineWidths: number;
      trailingCut: number;
    };
    expect(typeof TextInlines.prototype.measure).toBe('function');
    expect(typeof LayoutBuilder.prototype.buildNextLine).toBe('function');
    const line = new Line(100);
    line.addInline({ text: 'first ', width: 60, trailingCut: 5 });
    expect(line.inlines).toHaveLength(1);
    expect(line.inlineWidths).toBe(60);
    expect(line.trailingCut).toBe(5);
    // A word of 38 that needs a hyphen of 4 when it ends the line: 60 + 38 + 4 > 100.
    expect(line.hasEnoughSpaceForInline({ text: 'Kranken\u00ad', width: 38, trailingCut: -4 })).toBe(false);
    expect(line.hasEnoughSpaceForInline({ text: 'Kranken\u00ad', width: 36, trailingCut: -4 })).toBe(true);
    line.addInline({ text: 'Kranken\u00ad', width: 36, trailingCut: -4 });
    expect(line.getWidth()).toBe(100);
  });

  it("fontkit's TrueType subset writes every entry of its glyph list, a glyph listed twice included", async () => {
    const { createRequire } = await import('node:module');
    const pdfkitRequire = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
    const PDFKitDocument = pdfkitRequire('pdfkit') as new (
      o: object,
    ) => {
      font(src: Buffer): unknown;
      _font: {
        font: { glyphForCodePoint(c: number): { id: number } };
        subset: { glyphs: number[]; mapping: Record<number, number>; includeGlyph(id: number): number; encode(): Uint8Array };
      };
    };
    const fontkit = pdfkitRequire('fontkit') as { create(b: Uint8Array): { numGlyphs: number; getGlyph(id: number): { advanceWidth: number } } };
    const doc = new PDFKitDocument({ autoFirstPage: false });
    doc.font(font);
    const subset = doc._font.subset;
    const hyphen = doc._font.font.glyphForCodePoint(0x2d).id;
    expect(subset.includeGlyph(hyphen)).toBe(1);
    subset.glyphs.push(hyphen);
    expect(subset.mapping[hyphen]).toBe(1);
    const made = fontkit.create(subset.encode());
    expect(made.numGlyphs).toBe(3);
    expect(made.getGlyph(2).advanceWidth).toBe(made.getGlyph(1).advanceWidth);
  });
});

describe("pdfmake's unbreakable blocks, which unbreakableFlow.ts lets flow over pages", () => {
  it('lays a block out in a context whose default height is not a number (the fault), with the methods the adjustment calls', async () => {
    const { createRequire } = await import('node:module');
    const pdfmakeRequire = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
    const source = readFileSync(pdfmakeRequire.resolve('./ElementWriter.js'), 'utf8');
    // pushContext() with no size asks the page for `height`, which pages do not have: if pdfmake fixes this, the adjustment may go.
    expect(source).toContain('height = this.context().getCurrentPage().height - this.context().pageMargins.top');
    const { pageElementWriterPrototype } = await import('../src/writers/pdf/engine/unbreakableFlow.js');
    const prototype = pageElementWriterPrototype() as unknown as Record<string, unknown>;
    for (const method of ['beginUnbreakableBlock', 'commitUnbreakableBlock', 'addFragment', 'moveToNextPage', 'popContext', 'context']) {
      expect(typeof prototype[method], method).toBe('function');
    }
  });
});

describe("pdfkit's structure elements, whose annotation references annotationPages.ts gives their own page", () => {
  it('add an annotation made with a structParent as the last child, and flush children one by one', async () => {
    const { createRequire } = await import('node:module');
    const pdfkitRequire = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
    const PDFKitDocument = pdfkitRequire('pdfkit') as new (
      o: object,
    ) => {
      struct(type: string): { _children: unknown[]; _flushChild: unknown };
      addStructure(e: object): void;
      addPage(): void;
      link(x: number, y: number, w: number, h: number, url: string, options: object): void;
    };
    const doc = new PDFKitDocument({ tagged: true, autoFirstPage: false });
    doc.addPage();
    const element = doc.struct('Link');
    doc.addStructure(element as never);
    doc.link(10, 10, 20, 10, 'https://example.org/', { structParent: element });
    expect(element._children.at(-1)).toHaveProperty('annotationRef');
    expect(typeof element._flushChild).toBe('function');
  });
});
