import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Writes the statements and certificates of `ikigai pay --out DIR`: one HTML file each, named
// by kind, period and member ID (`statement-2015-06-M001.html`). A member ID is any unique text
// (imported data), so what a file name cannot hold becomes `_`, and two IDs that then collide get
// `-2`, `-3`.
export interface Printout { readonly kind: 'statement' | 'certificate'; readonly period: string; readonly memberId: string; readonly html: string }

export function writePrintouts(dir: string, printouts: readonly Printout[]): string[] {
  const target = resolve(dir);
  mkdirSync(target, { recursive: true });
  const used = new Set<string>();
  const written: string[] = [];
  for (const p of printouts) {
    const base = `${p.kind}-${p.period}-${p.memberId.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^\.+/, '_')}`;
    let name = `${base}.html`;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}-${i}.html`;
    used.add(name.toLowerCase());
    const path = join(target, name);
    writeFileSync(path, p.html, 'utf8');
    written.push(path);
  }
  return written;
}
