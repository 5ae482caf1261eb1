/**
 * The dot leader of a contents line, drawn as Word draws a tab's leader: on the heading's last
 * line, from the end of its text to its page number. pdfmake has no leaders, and a leader laid
 * out as a cell of its own sat on the heading's first line (none when the heading wrapped; a
 * short row of dots under a nearly full line).
 *
 * A contents line is a row of two cells (pdfContents.ts): the heading, whose text pieces carry
 * a `_leader` mark, and its page number (a page reference, linked to the heading), aligned to
 * the row's bottom so that it is on the heading's last line. As lines are drawn, the end of
 * each marked heading line is noted; when the heading's number is drawn on the same baseline,
 * the dots are drawn between them.
 */
export interface LeaderMark {
  /** The heading's id (its destination). */
  id: string;
  /** The dots' colour, e.g. "#AEB7BD". */
  colour: string;
}

/** What this reads of a laid-out word (pdfmake's inline). */
interface Word {
  x: number;
  width: number;
  text: string;
  trailingCut?: number;
  _leader?: LeaderMark;
  linkToDestination?: string;
}

interface Canvas {
  save(): Canvas;
  restore(): Canvas;
  lineWidth(width: number): Canvas;
  dash(length: number, options: { space: number }): Canvas;
  strokeColor(colour: string): Canvas;
  moveTo(x: number, y: number): Canvas;
  lineTo(x: number, y: number): Canvas;
  stroke(): Canvas;
}

/** Space kept clear each side of the dots, in points. */
const GAP = 3;

export class ContentsLeaders {
  /** Where the last line of each heading drawn so far ends: x and baseline, in points from the page's top left. */
  private readonly ends = new Map<string, { x: number; baseline: number; colour: string }>();

  /** Note a line as it is drawn: if it is a contents heading's, where its text ends (without a space at its end). */
  noteLine(words: readonly Word[], x: number, baseline: number): void {
    const last = words.at(-1);
    if (!last?._leader) return;
    this.ends.set(last._leader.id, { x: x + last.x + last.width - (last.trailingCut ?? 0), baseline, colour: last._leader.colour });
  }

  /**
   * Draw the dots before a page number just drawn (`number`: the first word of a line that is a
   * page reference, placed now that its digits are known), as page furniture (the caller marks
   * it an artifact). Nothing unless it is a contents heading's number, on the baseline of the
   * heading's last line, with room left. `baseline` is where the number sits on the page;
   * `shift` how far the canvas is moved down at the moment (the number's cell is aligned to the
   * row's foot by moving the canvas), so the dots are drawn that much higher.
   */
  drawBefore(number: Word, x: number, baseline: number, shift: number, canvas: Canvas): void {
    const end = number.linkToDestination ? this.ends.get(number.linkToDestination) : undefined;
    if (!end || Math.abs(end.baseline - baseline) > 0.5) return;
    const from = end.x + GAP;
    const to = x + number.x - GAP;
    if (to - from < 2 * GAP) return;
    const y = end.baseline - shift;
    canvas.save().lineWidth(0.8).dash(0.8, { space: 2.2 }).strokeColor(end.colour).moveTo(from, y).lineTo(to, y).stroke().restore();
  }
}
