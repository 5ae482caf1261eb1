import { describe, expect, it } from 'vitest';
import { MarkupError, parseMarkup } from '../src/document/parseMarkup.js';

/** The markup layout writes, and the Document it stands for (the spec in src/document/types.ts, by example). */
const page = (body: string, head = '') =>
  `<html lang="en-GB"><head><title>Evidence Brief: Test</title><meta name="created" content="2021-01-01"><meta name="header" content="Evidence Brief: R&amp;D">${head}</head><body>${body}</body></html>`;

describe('the markup parser', () => {
  it("reads the 2021 brief's first entry as the Document the writers see", () => {
    const document = parseMarkup(
      page(`
<h1 id="section-1">Key publications – the big picture</h1>
<h3 id="entry-1"><a href="https://www.longtermplan.nhs.uk/">The NHS Long Term Plan</a></h3>
<p class="source">January 2019, NHS <em>Athens log in required</em>*</p>
<p>The NHS Long Term Plan sets out <strong>key</strong> ambitions.^1^</p>
<ul><li>one</li><li>two <sup>2</sup></li></ul>`),
    );
    expect(document.blocks).toEqual([
      { kind: 'heading', level: 1, id: 'section-1', content: [{ kind: 'text', text: 'Key publications – the big picture' }] },
      {
        kind: 'heading',
        level: 3,
        id: 'entry-1',
        content: [{ kind: 'link', href: 'https://www.longtermplan.nhs.uk/', content: [{ kind: 'text', text: 'The NHS Long Term Plan' }] }],
      },
      {
        kind: 'paragraph',
        role: 'source',
        content: [
          { kind: 'text', text: 'January 2019, NHS ' },
          { kind: 'emphasis', content: [{ kind: 'text', text: 'Athens log in required' }] },
          { kind: 'text', text: '*' },
        ],
      },
      {
        kind: 'paragraph',
        role: 'body',
        content: [
          { kind: 'text', text: 'The NHS Long Term Plan sets out ' },
          { kind: 'strong', content: [{ kind: 'text', text: 'key' }] },
          { kind: 'text', text: ' ambitions.^1^' },
        ],
      },
      {
        kind: 'list',
        items: [
          [{ kind: 'text', text: 'one' }],
          [
            { kind: 'text', text: 'two ' },
            { kind: 'superscript', content: [{ kind: 'text', text: '2' }] },
          ],
        ],
      },
    ]);
    expect(document.meta).toMatchObject({
      title: 'Evidence Brief: Test',
      language: 'en-GB',
      header: 'Evidence Brief: R&D',
      created: new Date('2021-01-01T00:00:00Z'),
    });
  });

  it('reads panels: the box and notes, with the blocks inside them', () => {
    const { blocks } = parseMarkup(
      page('<aside class="box"><p class="caption">Cite as:</p></aside><aside class="note"><p>A note.</p><ul><li>a</li></ul></aside>'),
    );
    expect(blocks).toEqual([
      { kind: 'box', blocks: [{ kind: 'paragraph', role: 'caption', content: [{ kind: 'text', text: 'Cite as:' }] }] },
      {
        kind: 'note',
        blocks: [
          { kind: 'paragraph', role: 'body', content: [{ kind: 'text', text: 'A note.' }] },
          { kind: 'list', items: [[{ kind: 'text', text: 'a' }]] },
        ],
      },
    ]);
  });

  it('collapses white space as HTML does, and keeps entities as the characters they stand for', () => {
    const { blocks } = parseMarkup(page('<p>\n  a   b\n  &lt;c&gt; &amp; <em> d </em>\n</p>'));
    expect(blocks).toEqual([
      {
        kind: 'paragraph',
        role: 'body',
        content: [
          { kind: 'text', text: 'a b <c> & ' },
          { kind: 'emphasis', content: [{ kind: 'text', text: ' d' }] },
        ],
      },
    ]);
  });

  it.each([
    ['<div>x</div>', '<div> is not a block brief knows'],
    ['<p class="shout">x</p>', '<p class="shout"> is not a paragraph kind brief knows'],
    ['<p><span>x</span></p>', '<span> is not inline markup brief knows'],
    ['<h2>no id</h2>', '<h2> needs an id'],
    ['<h1 id="x">  </h1>', '<h1 id="x"> has no text'],
    ['<aside class="banner"><p>x</p></aside>', '<aside class="banner"> is not a panel brief knows'],
    ['loose text', 'text outside a paragraph'],
    ['<img src="logo" alt="">', '<img> needs src'],
  ])('refuses %s by name', (body, message) => {
    expect(() => parseMarkup(page(body))).toThrow(MarkupError);
    expect(() => parseMarkup(page(body))).toThrow(message);
  });
});
