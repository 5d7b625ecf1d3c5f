#!/usr/bin/env node
// The `ikigai` command (design/cli.md): the CLI is TypeScript in src/local/cli.ts, bundled on the fly.
const { bundleTs } = require('../scripts/ts-bundle.cjs');
require(bundleTs('src/local/cli.ts')).main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    if (process.env.DEBUG === 'ikigai') console.error(err);
    else console.error(`ikigai: ${err && err.message ? err.message : err}`);
    process.exitCode = 1;
  },
);
