// A small jest transform: esbuild turns each TypeScript file into CommonJS (no type checking;
// `npm run typecheck` does that). Faster and lighter than ts-jest or babel.
const esbuild = require('esbuild');

module.exports = {
  process(source, filename) {
    const result = esbuild.transformSync(source, {
      loader: filename.endsWith('.tsx') ? 'tsx' : 'ts', format: 'cjs', target: 'node20',
      sourcemap: 'inline', sourcefile: filename,
    });
    return { code: result.code };
  },
};
