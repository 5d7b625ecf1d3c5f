import type { KeyValueStore } from '../app/ports';

/** Document properties held in memory (the local twin of PropertiesService). */
export class MemoryKeyValueStore implements KeyValueStore {
  readonly values = new Map<string, string>();
  writes = 0;

  get(key: string): string | null {
    return this.values.get(key) ?? null;
  }

  set(key: string, value: string): void {
    this.writes += 1;
    this.values.set(key, value);
  }

  delete(key: string): void {
    this.writes += 1;
    this.values.delete(key);
  }
}
