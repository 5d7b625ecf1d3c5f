import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository's root: the nearest folder above this file whose package.json is ours. Found
 *  by walking up, because scripts/run-ts.cjs runs this code from a bundle in node_modules/.cache. */
export function repoRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'ikigai-desk') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`no ikigai-desk package.json above ${from}`);
    dir = up;
  }
}
