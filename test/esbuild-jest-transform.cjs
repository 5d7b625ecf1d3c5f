// A small jest transform: esbuild turns each TypeScript file into CommonJS (no type checking;
// `npm run typecheck` does that). Faster and lighter than ts-jest or babel.
const esbuild = require('esbuild');

const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
// The cache key includes this file, so a change to the options below reaches cached files.
const SELF = readFileSync(__filename, 'utf8');

module.exports = {
  getCacheKey(source, filename) {
    return createHash('sha256').update(SELF).update('\0').update(filename).update('\0').update(source).digest('hex');
  },
  process(source, filename) {
    const result = esbuild.transformSync(source, {
      loader: filename.endsWith('.tsx') ? 'tsx' : 'ts', format: 'cjs', target: 'node20',
      sourcemap: 'inline', sourcefile: filename,
      // jest runs CommonJS without --experimental-vm-modules: lazy `import()` (the CLI's command
      // table) must become require().
      supported: { 'dynamic-import': false },
    });
    return { code: result.code };
  },
};
