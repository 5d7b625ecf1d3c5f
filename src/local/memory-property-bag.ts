import type { PropertyBag } from '../app/ports';
import type { MemoryKeyValueStore } from './memory-key-value-store';

/** Document properties in bulk, held in memory (the local twin of getProperties/setProperties).
 *  It shares the map of a MemoryKeyValueStore, because in Apps Script the key-by-key and the bulk
 *  calls reach the same document properties: the ID counters and the sign-up ledger live together. */
export class MemoryPropertyBag implements PropertyBag {
  reads = 0;
  writes = 0;

  constructor(private readonly properties: MemoryKeyValueStore) {}

  getAll(): Record<string, string> {
    this.reads += 1;
    return Object.fromEntries(this.properties.values);
  }

  setAll(entries: Readonly<Record<string, string>>): void {
    this.writes += 1;
    for (const [key, value] of Object.entries(entries)) this.properties.values.set(key, value);
  }

  delete(keys: readonly string[]): void {
    this.writes += 1;
    for (const key of keys) this.properties.values.delete(key);
  }
}
