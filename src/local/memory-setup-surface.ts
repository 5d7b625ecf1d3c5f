import type { SetupSurface } from '../app/setup/run-setup';
import type { TabLayout } from '../domain/setup/plan-setup';
import type { PlacedFormat } from '../domain/setup/column-format';
import type { MemoryTableStore } from './memory-table-store';

/** Setup's surface over a workbook held in memory: tabs and headers live in the store; frozen
 *  rows, formats and protection are remembered so the workbook-file writer and tests can see them. */
export class MemorySetupSurface implements SetupSurface {
  readonly frozen = new Map<string, number>();
  readonly formats = new Map<string, readonly PlacedFormat[]>();
  readonly protectedTabs = new Set<string>();
  /** Calls by method, to show a second setup run writes nothing. */
  readonly calls: Record<string, number> = {};

  constructor(private readonly store: MemoryTableStore) {}

  private count(method: string): void {
    this.calls[method] = (this.calls[method] ?? 0) + 1;
  }

  inspect(): TabLayout[] {
    this.count('inspect');
    return this.store.tabNames().map((name) => ({
      name, header: this.store.header([name])?.header ?? [], frozenRows: this.frozen.get(name) ?? 0,
    }));
  }

  createTab(name: string, header: readonly string[]): void {
    this.count('createTab');
    if (this.store.header([name])) throw new Error(`A tab named ${name} already exists`);
    this.store.replace(name, header, []);
  }

  appendColumns(name: string, fromColumn: number, headers: readonly string[]): void {
    this.count('appendColumns');
    const table = this.store.read([name]);
    if (!table) throw new Error(`No tab named ${name}`);
    const header = [...table.header];
    while (header.length < fromColumn - 1) header.push('');
    header.splice(fromColumn - 1, headers.length, ...headers);
    this.store.replace(name, header, table.rows);
  }

  freezeHeader(name: string): void {
    this.count('freezeHeader');
    this.frozen.set(name, 1);
  }

  applyFormats(name: string, formats: readonly PlacedFormat[], protect: boolean): void {
    this.count('applyFormats');
    this.formats.set(name, formats);
    if (protect) this.protectedTabs.add(name);
  }
}
