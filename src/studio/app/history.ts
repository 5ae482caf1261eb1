/**
 * Undo and redo of the form's changes while the page is open. Keystrokes in one field within a
 * moment are one step, as in a word processor.
 */
export class History<T> {
  private past: T[] = [];
  private future: T[] = [];
  private lastKey = '';
  private lastAt = 0;

  constructor(private present: T) {}

  get current(): T {
    return this.present;
  }
  get canUndo(): boolean {
    return this.past.length > 0;
  }
  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** A new state; `key` names the field changed, so that typing in it makes one step. */
  push(next: T, key = '', now = Date.now()): void {
    const merge = key !== '' && key === this.lastKey && now - this.lastAt < 1000;
    if (!merge) this.past.push(this.present);
    this.present = next;
    this.future = [];
    this.lastKey = key;
    this.lastAt = now;
  }

  /** Replace the whole history (a brief loaded from disk). */
  reset(state: T): void {
    this.past = [];
    this.future = [];
    this.present = state;
    this.lastKey = '';
  }

  undo(): T {
    const previous = this.past.pop();
    if (previous === undefined) return this.present;
    this.future.push(this.present);
    this.present = previous;
    this.lastKey = '';
    return previous;
  }

  redo(): T {
    const next = this.future.pop();
    if (next === undefined) return this.present;
    this.past.push(this.present);
    this.present = next;
    this.lastKey = '';
    return next;
  }
}
