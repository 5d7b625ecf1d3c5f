// Builds the Apps Script bundle (dist/Code.js), the manifest and the sidebar (dist/sidebar.html).
// Apps Script needs real top-level `function` declarations for menus, triggers and
// google.script.run, so the IIFE bundle gets one forwarding wrapper per export of src/main.ts.
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync, renameSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
mkdirSync(dist, { recursive: true });

/** Writes a built file whole or not at all: to a temporary name, then renamed over the old one.
 *  The browser tests rebuild while the bundle tests read dist/Code.js in the other jest worker; an
 *  outfile written in place was once read half-written (the footer's last globals missing). */
function writeWhole(path, contents) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

/** The names src/main.ts exports, from a quick ESM build's metafile; names ending in `_` stay private. */
export async function exportNames() {
  const result = await esbuild.build({
    entryPoints: [join(root, 'src/main.ts')], bundle: true, format: 'esm', write: false, metafile: true,
    platform: 'neutral', mainFields: ['module', 'main'], target: 'es2020', logLevel: 'silent',
  });
  const out = Object.values(result.metafile.outputs)[0];
  return (out?.exports ?? []).filter((n) => !n.endsWith('_')).sort();
}

/** The names of the table of server calls (src/app/server-calls.ts SERVER_CALLS), sorted. */
export async function serverCallNames() {
  const result = await esbuild.build({
    entryPoints: [join(root, 'src/app/server-calls.ts')], bundle: true, format: 'esm', write: false,
    platform: 'node', target: 'es2020', logLevel: 'silent',
  });
  const url = `data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`;
  const table = await import(url);
  return Object.keys(table.SERVER_CALLS).sort();
}

/** Every global must be an entry of the table (which says who may call it), and every entry a
 *  global: a function added to src/main.ts without a rule does not build. */
export async function checkGlobals(names) {
  const table = await serverCallNames();
  const unlisted = names.filter((n) => !table.includes(n));
  const missing = table.filter((n) => !names.includes(n));
  if (unlisted.length > 0 || missing.length > 0) {
    throw new Error(`src/main.ts and src/app/server-calls.ts disagree: ${unlisted.length ? `exported but not in the table (who may call it?): ${unlisted.join(', ')}` : ''}${unlisted.length && missing.length ? '; ' : ''}${missing.length ? `in the table but not exported: ${missing.join(', ')}` : ''}`);
  }
}

/** Splits an ES module bundle into its code and its closing `export { local as name, … };` clause. */
function splitExports(code) {
  const clause = /\nexport \{([^}]*)\};\n/g;
  const found = [...code.matchAll(clause)];
  const last = found[found.length - 1];
  if (found.length !== 1 || last === undefined) throw new Error(`the server bundle has ${found.length} export clauses, expected one at its end`);
  const exported = last[1].split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
    const [local, name = local] = s.split(/\s+as\s+/);
    return { local, name };
  });
  return { body: code.slice(0, last.index + 1) + code.slice(last.index + last[0].length), exported };
}

export async function buildServer() {
  const names = await exportNames();
  await checkGlobals(names);
  const footer = names.map((n) => `function ${n}(...args) { return __app.${n}(...args); }`).join('\n');
  // Two steps, so that identifiers are minified everywhere except at the bundle's top level. V8
  // compiles the whole bundle on every call (bench/README.md, "The bundle"), and renaming the local
  // names (parameters, variables, inner functions) takes ~3 ms off a ~25 ms start-up (~5 of ~40
  // on a loaded machine), as much as renaming every name does; the top-level names stay, so a stack trace in Apps Script's log
  // still names our functions and classes (only an inner function shows as a letter), and
  // dist/Code.js.map maps a logged position back to src/ (it stays local: .claspignore pushes only
  // Code.js). 1: one ES module, syntax minified, its source map inline.
  const esm = await esbuild.build({
    entryPoints: [join(root, 'src/main.ts')], bundle: true, format: 'esm',
    platform: 'neutral', mainFields: ['module', 'main'], target: 'es2020', minifySyntax: true,
    sourcemap: 'inline', outfile: join(dist, 'Code.js'), legalComments: 'none', logLevel: 'warning',
    charset: 'utf8', write: false,
  });
  const { body, exported } = splitExports(esm.outputFiles[0].text);
  const missing = names.filter((n) => !exported.some((e) => e.name === n));
  if (missing.length > 0) throw new Error(`the server bundle does not export ${missing.join(', ')}`);
  // 2: without its export clause the module is a script, whose top-level names esbuild must
  // take for globals and so keeps; strict, as the module was (the directive goes on the line of
  // esbuild's first file comment, which the map does not point into); wrapped in the function that makes
  // them local to __app.
  const script = await esbuild.transform(`"use strict";${body}`, {
    minifyWhitespace: true, minifyIdentifiers: true, minifySyntax: true, target: 'es2020',
    charset: 'utf8', legalComments: 'none', sourcemap: 'external', sourcefile: 'Code.js', logLevel: 'warning',
    banner: '"use strict";var __app=(()=>{',
    footer: `return{${exported.map((e) => (e.name === e.local ? e.name : `${e.name}:${e.local}`)).join(',')}}})();\n${footer}\n//# sourceMappingURL=Code.js.map`,
  });
  // The map first, so a Code.js never names a map older than itself.
  writeWhole(join(dist, 'Code.js.map'), script.map);
  writeWhole(join(dist, 'Code.js'), script.code);
  writeWhole(join(dist, 'appsscript.json'), readFileSync(join(root, 'appsscript.json')));
  return names;
}

export async function buildSidebar() {
  const entry = join(root, 'src/sidebar/client.ts');
  const shell = join(root, 'src/sidebar/sidebar.html');
  if (!existsSync(entry) || !existsSync(shell)) return false;
  const result = await esbuild.build({
    entryPoints: [entry], bundle: true, format: 'iife', platform: 'browser', target: 'es2020', write: false,
    minify: true, legalComments: 'none', logLevel: 'warning', charset: 'utf8',
  });
  const js = result.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  const html = readFileSync(shell, 'utf8');
  // HtmlService.createHtmlOutputFromFile serves the file as it is (no template), so `<?` is harmless;
  // the bundle is still kept free of it so the file could never be mistaken for a template.
  const out = html.replace('<!-- BUNDLE -->', () => `<script>\n${js.replace(/<\?/g, '<\\?')}</script>`);
  writeWhole(join(dist, 'sidebar.html'), out);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const names = await buildServer();
  const sidebar = await buildSidebar();
  const size = readFileSync(join(dist, 'Code.js')).length;
  console.log(`dist/Code.js: ${(size / 1024).toFixed(1)} KB, ${names.length} global functions${sidebar ? '; dist/sidebar.html built' : ''}`);
}
