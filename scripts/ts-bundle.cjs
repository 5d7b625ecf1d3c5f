// Runs a TypeScript entry point on Node without a separate build: esbuild bundles it (npm
// packages left external) into a cache file, then Node requires it. Used by bin/ikigai.cjs,
// `npm run bench` and `npm run dev`, so the README's quick start needs no build step.
const esbuild = require('esbuild');
const path = require('node:path');
const fs = require('node:fs');

function bundleTs(entry) {
  const root = path.join(__dirname, '..');
  const abs = path.resolve(root, entry);
  const outDir = path.join(root, 'node_modules', '.cache', 'ikigai');
  fs.mkdirSync(outDir, { recursive: true });
  const outfile = path.join(outDir, path.relative(root, abs).replace(/[\\/]/g, '__').replace(/\.ts$/, '.cjs'));
  esbuild.buildSync({
    entryPoints: [abs], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile,
    packages: 'external', sourcemap: 'inline', logLevel: 'warning', charset: 'utf8',
  });
  return outfile;
}

module.exports = { bundleTs };
