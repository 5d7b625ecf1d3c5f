import type { KeyValueStore } from '../ports';
import {
  applyChanges, parseStoredHeadline, storedText, STORED_HEADLINE_KEY, type RowChange, type Slice, type SliceKind,
} from '../weekly/stored-headline';

// What one write run changed that the stored 今週 figures count (weekly/stored-headline.ts): each
// writer records the rows it changed, as they were and as they are, and the sidebar call's write
// boundary (guarded-call.ts) moves the stored figures once at the end of the run, under the same
// lock: one read and one write of the document property whatever the number of rows, none when
// the run changed nothing counted.

export class FigureChanges {
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

  get empty(): boolean {
    return this.changes.length === 0 && this.districts.length === 0 && this.categories.length === 0 && this.clients === 0;
  }

  /** Moves the stored figures by what was recorded (nothing when none are stored: the next
   *  sidebar open recounts them), then forgets it. */
  store(props: KeyValueStore, today: string): void {
    if (this.empty) return;
    const stored = parseStoredHeadline(props.get(STORED_HEADLINE_KEY));
    if (stored !== null && stored.day === today) {
      const moved = applyChanges(stored, this.changes, { districts: this.districts, categories: this.categories, clients: this.clients }, today);
      props.set(STORED_HEADLINE_KEY, storedText(moved));
    }
    this.changes.length = 0;
    this.districts.length = 0;
    this.categories.length = 0;
    this.clients = 0;
  }
}
