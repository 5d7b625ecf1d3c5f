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
