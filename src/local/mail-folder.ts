import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The local stand-in for an outbox: a folder of .eml files a person can open in any mail client.

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `20160404-080000` in UTC: sortable, and the same on every machine. */
export function stampOf(at: Date): string {
  return `${pad(at.getUTCFullYear(), 4)}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}-${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}`;
}

/** Writes `content` as `<stamp>-<label>[-n].eml` in `dir` (created when missing), never over an
 *  existing file, via a temporary name so a reader never sees half a mail. Returns the path. */
export function writeMailFile(dir: string, at: Date, label: string, content: string): string {
  mkdirSync(dir, { recursive: true });
  const base = `${stampOf(at)}-${label.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'mail'}`;
  let path = join(dir, `${base}.eml`);
  for (let n = 2; existsSync(path); n++) path = join(dir, `${base}-${n}.eml`);
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content, 'utf8');
  renameSync(temporary, path);
  return path;
}
