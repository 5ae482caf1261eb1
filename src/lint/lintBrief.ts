import { isNewer } from '../brief/dates.js';
import { isBulletList, isNoteItem, type BriefBlock, type Brief, type Entry } from '../brief/types.js';
import { nearlySameTitle, ReferenceIndex } from '../authoring/sameReference.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LoadedJson } from '../load/loadJsonFile.js';

interface Placed {
  entry: Entry;
  pointer: string;
  /** The pointer of the section or subsection it is in, and how many notes between entries come before it: the run of entries it is in. */
  run: string;
}

/** More entries than this without a link are reported as one warning, not one each. */
const LINKLESS_TO_LIST = 3;

/**
 * What a careful editor would point out in a valid brief: the same entry twice, the same
 * summary under two entries, entries not newest first, access markers the closing note does
 * not explain, entries with no link, empty sections. Warnings only: nothing here stops a build.
 */
export function lintBrief(brief: Brief, loaded: LoadedJson): Diagnostic[] {
  const placed = placeEntries(brief);
  const found: { pointer: string; message: string }[] = [];
  const name = (p: Placed) => `"${p.entry.title}" (${p.pointer})`;

  // Each entry is indexed as it is passed: an earlier entry that is the same reference is found by look-up (ReferenceIndex).
  const references = new ReferenceIndex<Placed>();
  const bySummary = new Map<string, Placed>();
  for (const later of placed) {
    const same = references.find(later.entry);
    if (same) found.push({ pointer: later.pointer, message: `the same entry twice: this has ${same.why} as ${name(same.earlier)}` });
    references.add(later.entry, later);

    const summary = summaryText(later.entry.summary);
    const earlierSummary = summary.length >= 40 ? bySummary.get(summary) : undefined;
    if (earlierSummary && !nearlySameTitle(earlierSummary.entry.title, later.entry.title)) {
      found.push({
        pointer: `${later.pointer}/summary`,
        message: `the same summary as ${name(earlierSummary)}, under a different title: "${later.entry.title}"`,
      });
    }
    if (summary.length >= 40 && !bySummary.has(summary)) bySummary.set(summary, later);
  }
  if (references.incomplete) {
    found.push({
      pointer: '/sections',
      message: `${placed.length.toLocaleString('en-GB')} entries are too many to compare every title with every other letter by letter: entries with the same title or DOI were all found, but some with nearly the same title may not be`,
    });
  }

  // Newest first within each run of entries between notes: a note between entries often introduces
  // those after it, so brief sort never moves an entry past one, and lint does not ask it to.
  const runs = new Map<string, Placed[]>();
  for (const p of placed) {
    const run = runs.get(p.run);
    if (run) run.push(p);
    else runs.set(p.run, [p]);
  }
  for (const inPart of runs.values()) {
    inPart.forEach((entry, i) => {
      const previous = inPart[i - 1];
      if (!previous) return;
      if (isNewer(entry.entry.date, previous.entry.date)) {
        found.push({
          pointer: `${entry.pointer}/date`,
          message: `not newest first: "${entry.entry.title}" (${entry.entry.date}) comes after "${previous.entry.title}" (${previous.entry.date})`,
        });
      }
    });
  }

  const closing = brief.closingNote.body
    .map((b) => (isBulletList(b) ? b.list.join(' ') : b))
    .join(' ')
    .toLowerCase();
  const abstractOnly = placed.find((p) => p.entry.access === 'abstract-only');
  if (abstractOnly && !closing.includes('abstract')) {
    found.push({
      pointer: `${abstractOnly.pointer}/access`,
      message: `entries are marked "Abstract only*" but the closing note ("${brief.closingNote.heading}") does not explain it`,
    });
  }
  for (const service of new Set(placed.map((p) => p.entry.loginService).filter((s): s is string => Boolean(s)))) {
    const first = placed.find((p) => p.entry.loginService === service) as Placed;
    if (!closing.includes(service.toLowerCase())) {
      found.push({
        pointer: `${first.pointer}/loginService`,
        message: `entries are marked "${service} log in required*" but the closing note does not mention ${service}`,
      });
    }
  }

  const unnamedLogin = placed.find((p) => p.entry.access === 'login-required' && !p.entry.loginService);
  if (unnamedLogin && !/\blog ?in\b/.test(closing)) {
    found.push({
      pointer: `${unnamedLogin.pointer}/access`,
      message: `entries are marked "Log in required*" but the closing note ("${brief.closingNote.heading}") does not say how to log in`,
    });
  }

  // A DOI is a link too: the title links to it.
  const linkless = placed.filter((p) => !p.entry.url && !p.entry.doi);
  if (linkless.length > LINKLESS_TO_LIST) {
    found.push({
      pointer: (linkless[0] as Placed).pointer,
      message: `${linkless.length} entries have no link ("url" or "doi"), this one and ${linkless.length - 1} more: readers cannot follow them to the source`,
    });
  } else {
    for (const p of linkless) found.push({ pointer: p.pointer, message: `${name(p)} has no link ("url" or "doi"): readers cannot follow it to the source` });
  }

  brief.sections.forEach((section, s) => {
    const parts = [
      { part: section, pointer: `/sections/${s}`, hasSubsections: (section.subsections ?? []).length > 0 },
      ...(section.subsections ?? []).map((sub, k) => ({ part: sub, pointer: `/sections/${s}/subsections/${k}`, hasSubsections: false })),
    ];
    for (const { part, pointer, hasSubsections } of parts) {
      if (!part.note?.length && !(part.entries ?? []).length && !hasSubsections)
        found.push({ pointer, message: `the section "${part.heading}" is empty: it has no note and no entries` });
    }
  });

  const map = loaded.sourceMap;
  return found
    .map(({ pointer, message }) => ({
      file: loaded.file,
      ...(map.get(pointer)?.value ?? map.get(pointer.replace(/\/[^/]+$/, ''))?.value ?? { line: 1, column: 1 }),
      pointer,
      message,
      severity: 'warning' as const,
    }))
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

function placeEntries(brief: Brief): Placed[] {
  const placed: Placed[] = [];
  brief.sections.forEach((section, s) => {
    const parts = [
      { items: section.entries, pointer: `/sections/${s}` },
      ...(section.subsections ?? []).map((sub, k) => ({ items: sub.entries, pointer: `/sections/${s}/subsections/${k}` })),
    ];
    for (const { items, pointer } of parts) {
      let notes = 0;
      (items ?? []).forEach((item, j) => {
        if (isNoteItem(item)) notes++;
        else placed.push({ entry: item, pointer: `${pointer}/entries/${j}`, run: `${pointer}#${notes}` });
      });
    }
  });
  return placed;
}

function summaryText(summary: BriefBlock[] | undefined): string {
  return (summary ?? [])
    .map((b) => (isBulletList(b) ? b.list.join(' ') : b))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
