import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// The repository's root, found from this file upwards: `npm run bench` runs an esbuild bundle
// of bench/run.ts from node_modules/.cache, where __dirname is not bench/.
export function repoRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'ikigai-desk') return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}
