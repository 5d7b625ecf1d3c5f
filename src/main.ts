// The only module whose exports become Apps Script globals (scripts/build.mjs adds one
// top-level `function` per export). Each feature keeps its entry points in its own module;
// this file only re-exports them. Nothing here may run code at load time.
export * from './entry/forms';
export * from './entry/attendance';
export * from './entry/sidebar';
export * from './entry/weekly';
export * from './entry/setup';
