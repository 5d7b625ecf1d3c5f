#!/usr/bin/env node
// `node scripts/run-ts.cjs file.ts args...`: run a TypeScript entry point (see ts-bundle.cjs).
const { bundleTs } = require('./ts-bundle.cjs');
const [, , entry, ...rest] = process.argv;
if (!entry) { console.error('usage: run-ts.cjs FILE.ts [args]'); process.exit(2); }
process.argv = [process.argv[0], entry, ...rest];
require(bundleTs(entry));
