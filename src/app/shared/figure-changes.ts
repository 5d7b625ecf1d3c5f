import type { KeyValueStore } from '../ports';
import {
  applyChanges, changesMoveFigures, parseStoredHeadline, storedText, STORED_HEADLINE_KEY, type RowChange, type Slice, type SliceKind,
} from '../weekly/stored-headline';

// What one write run changed that the stored 今週 figures count (weekly/stored-headline.ts): each
// writer records the rows it changed, as they were and as they are, and the sidebar call's write
// boundary (guarded-call.ts) moves the stored figures once at the end of the run, under the same
// lock: one read and one write of the document property whatever the number of rows, none when
// the run changed nothing counted — nor when the rows it changed count the same before and after
// and it put no word into a list (a 地区 retyped to one in use is recorded as no word at all:
// save-member.ts), since the figures would be written back as they were read.
//
// A write that issues an ID sends its counter in one setProperties ahead of its first row
// (gas/document-properties.ts); figures moved after that row would cost a second setProperties at
// the release. So a writer that knows its rows before writing them moves the figures ahead
// (`ahead`): they go out in the counter's setProperties, and the write's failure moves them back
// (the rows as they were recorded the other way round: applyChanges is linear), written at the
// release. What a person sees meanwhile, and what a run killed in between leaves, is one write's
// rows off in the figures, as a kill after the rows and before the release always could (the other
// way); the nightly recount stores the sheet's count and logs the difference (headline-recount.ts).
export class FigureChanges {
  /** `props`, where the figures are stored; `today`, the day they are moved for (the call's). */
  constructor(private readonly props: KeyValueStore, private readonly today: string) {}

  private readonly changes: RowChange[] = [];
  private readonly districts: string[] = [];
  private readonly categories: string[] = [];
  private clients = 0;

  /** Rows of one kind as they were (`before`: none for a new row) and as they are now. */
  record(kind: SliceKind, before: Slice, after: Slice): void {
    this.changes.push({ kind, before, after });
  }

  /** Words a write put into 地区 or 職種 (the dropdowns' lists). */
  words(districts: readonly (string | null | undefined)[], categories: readonly (string | null | undefined)[] = []): void {
    for (const d of districts) if (d) this.districts.push(d);
    for (const c of categories) if (c) this.categories.push(c);
  }

  /** A client registered (the client picker's list is one longer). */
  clientAdded(): void {
    this.clients++;
  }

  /**
   * `write`, whose rows are `before` → `after` of `kind`, with the figures moved ahead of it: set
   * (with all recorded so far) before `write` runs, so they go out with a counter the write sends
   * ahead of its row. When `write` throws it wrote nothing (one append or one range write), and the
   * figures are moved back by the same rows the other way round.
   */
  ahead<T>(kind: SliceKind, before: Slice, after: Slice, write: () => T): T {
    this.record(kind, before, after);
    this.store();
    try {
      return write();
    } catch (error) {
      this.record(kind, after, before);
      throw error;
    }
  }

  get empty(): boolean {
    return this.changes.length === 0 && this.districts.length === 0 && this.categories.length === 0 && this.clients === 0;
  }

  /** Moves the stored figures by what was recorded (nothing when none are stored: the next
   *  sidebar open recounts them), then forgets it. */
  store(): void {
    const { props, today } = this;
    if (this.empty) return;
    if (this.districts.length === 0 && this.categories.length === 0 && this.clients === 0 && !changesMoveFigures(this.changes, today)) {
      this.changes.length = 0;
      return;
    }
    const text = props.get(STORED_HEADLINE_KEY);
    const stored = parseStoredHeadline(text);
    if (stored !== null && stored.day === today) {
      const moved = storedText(applyChanges(stored, this.changes, { districts: this.districts, categories: this.categories, clients: this.clients }, today));
      // A 地区 already in the list, counts that cancel out: the same text, not written again.
      if (moved !== text) props.set(STORED_HEADLINE_KEY, moved);
    }
    this.changes.length = 0;
    this.districts.length = 0;
    this.categories.length = 0;
    this.clients = 0;
  }
}
