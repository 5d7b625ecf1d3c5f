import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// The repository's root: the working directory when it is the repository (`npm run bench` runs
// there), else found from this file upwards. The bench runs an esbuild bundle of bench/run.ts from
// node_modules/.cache, where __dirname is not bench/ — and in a git worktree whose node_modules
// is a link to another checkout's, __dirname would lead to that checkout, its dist/ and its bench.
const isRepo = (dir: string): boolean => {
  const pkg = join(dir, 'package.json');
  return existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'ikigai-desk';
};

export function repoRoot(from: string = __dirname): string {
  if (isRepo(process.cwd())) return process.cwd();
  for (let dir = from; ; dir = dirname(dir)) {
    if (isRepo(dir)) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}
