import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allEntries, briefContents } from '../src/brief/stats.js';
import type { BriefBlock, Brief, Entry } from '../src/brief/types.js';
import { runBrief } from './helpers/cli.js';

const briefFile = 'briefs/peer-support-workers-2021-01.json';
const brief = JSON.parse(readFileSync(briefFile, 'utf8')) as Brief;
// The team's text of the published brief (a copy of shared/seeds), the source the brief was typed from.
const seed = readFileSync('tests/fixtures/seed/evidence-brief-peer-support-workers-2021-01.txt', 'utf8');

/** The seed without its page furniture (running header and footer between pages), whitespace collapsed. */
const seedBody = seed
  .split('\n')
  .filter((line) => !/^(## Evidence Brief: Peer Support Workers|\*?HEE Knowledge Management Team, January 2021\*?)\s*$/.test(line.trim()))
  .join('\n')
  .replace(/\s+/g, ' ');

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the January 2021 brief', () => {
  it('is valid', async () => {
    const { code, out } = await runBrief('validate', briefFile);
    expect(out).toEqual([`${briefFile}: valid (31 contents headings, 118 entries)`]);
    expect(code).toBe(0);
  });

  it('has the 31 headings of the published contents page, in order and at their levels', () => {
    // The seed's contents page: "Heading .....<tab>page".
    const published = [...seed.matchAll(/^(.+?) ?\.{4,}\t\d+$/gm)].map((m) => m[1]);
    expect(published).toHaveLength(31);
    const headings = briefContents(brief);
    expect(headings.map((h) => h.text)).toEqual(published);
    const topLevel = [
      'Key publications – the big picture',
      'Case Studies',
      'HEE Star',
      'Statistics',
      'HEE National Data Programme',
      'Published Peer Reviewed Research',
      'Competency Frameworks',
      '*Help accessing articles or papers',
    ];
    expect(headings.filter((h) => h.level === 1).map((h) => h.text)).toEqual(topLevel);
  });

  it('has all 118 entries, each with its title, date, source and access marker as in the seed, in order', () => {
    const entries = allEntries(brief);
    expect(entries).toHaveLength(118);
    let from = 0;
    for (const entry of entries) {
      // A title may be split over two links by a page break in the seed: "[first part](#) [second part](#)".
      const title = entry.title.split(' ').map(escapeRegExp).join('(?: |\\]\\(#\\) ?\\[)');
      const after = [entry.date, entry.source]
        .filter(Boolean)
        .map((s) => escapeRegExp(s as string))
        .join(', ?');
      const pattern = new RegExp(`\\[${title}\\]\\(#\\) ?(?:\\*+Abstract only\\\\?\\*+ ?)?${after}`, 'g');
      pattern.lastIndex = from;
      const match = pattern.exec(seedBody);
      expect(match, `"${entry.title}" (${entry.date}, ${entry.source}) after offset ${from}`).not.toBeNull();
      from = (match as RegExpExecArray).index + 1;
      // The access marker sits between this entry's source and its summary.
      const tail = seedBody.slice(pattern.lastIndex, pattern.lastIndex + 40);
      const marker = /^ ?\*?(Abstract only|Athens log in required)/.exec(tail)?.[1];
      expect(accessMarker(entry), `access of "${entry.title}"`).toBe(marker);
    }
  });

  it('pins a sample of entries exactly', () => {
    const entries = allEntries(brief);
    const pick = (i: number) => {
      const { title, date, source, access, loginService } = entries[i] as Entry;
      return { title, date, source, access, loginService };
    };
    expect(pick(0)).toEqual({ title: 'The NHS Long Term Plan', date: 'January 2019', source: 'NHS', access: undefined, loginService: undefined });
    expect(pick(12)).toEqual({ title: 'Video: Peer Support', date: 'March 2016', source: 'Henry Shepherd', access: undefined, loginService: undefined });
    expect(pick(14)).toMatchObject({ date: 'Spring 2018', source: 'Healthcare Library Northern Ireland' });
    expect(pick(13)).toMatchObject({ title: 'Peer Support Workers', date: 'n.d.' });
    expect(pick(11)).toMatchObject({
      title: 'Our recovery journey: two stories of changes within Norfolk and Suffolk NHS Foundation Trust',
      access: 'abstract-only',
    });
    expect(pick(28)).toEqual({
      title: 'Recovery-promoting professional competencies: perspectives of mental health consumers, consumer-providers and providers',
      date: '2011',
      source: 'Psychiatric Rehabilitation Journal',
      access: 'login-required',
      loginService: 'Athens',
    });
    const titles = entries.map((e) => e.title);
    expect(titles).toContain(
      'An Innovative Model of Depression Care Delivery: Peer Mentors in Collaboration with a Mental Health Professional to Relieve Depression in Older Adults',
    );
    expect(titles.at(-1)).toBe('Values Framework for Peer Working');
    expect(titles.slice(-4, -1)).toEqual([
      'The Competence Framework - Part 1 - Supporting document',
      'The Competence Framework - Part 2 - Full list of competences',
      'The Competence Framework - Part 3 - Curriculum',
    ]);
  });

  it('keeps every summary, note and list item verbatim', () => {
    // The seed with its lost links flattened to their text, as the brief writes them.
    const plainSeed = seedBody
      // The one lost target the brief restores: the closing note's link to NHS OpenAthens registration.
      .replace('[self-register here](#)', '[self-register here](https://openathens.nhs.uk/)')
      .replace(/\( \[(\d+)\]\(#\) \)/g, '($1)')
      .replace(/\[([^\]]*)\]\(#\)/g, '$1')
      .replace(/\\([()])/g, '$1')
      .replace(/<sup>(.*?)<\/sup>/g, '^$1^')
      .replace(/(\w)- (\w)/g, '$1-$2'); // a word hyphenated across a page break
    const texts: string[] = [];
    const addBlocks = (blocks: BriefBlock[] | undefined) => {
      for (const block of blocks ?? []) texts.push(...(typeof block === 'string' ? [block] : block.list));
    };
    for (const section of brief.sections) {
      for (const part of [section, ...(section.subsections ?? [])]) {
        addBlocks(part.note);
        for (const item of part.entries ?? []) addBlocks('note' in item ? item.note : item.summary);
      }
    }
    addBlocks(brief.closingNote.body);
    expect(texts).toHaveLength(138); // paragraphs and list items in the published brief
    const missing = texts.filter((text) => !plainSeed.includes(text));
    expect(missing).toEqual([]);
  });

  it('invents no link targets', () => {
    expect(allEntries(brief).filter((e) => e.url !== undefined)).toEqual([]);
  });
});

function accessMarker(entry: Entry): string | undefined {
  if (entry.access === 'abstract-only') return 'Abstract only';
  if (entry.access === 'login-required') return `${entry.loginService} log in required`;
  return undefined;
}
