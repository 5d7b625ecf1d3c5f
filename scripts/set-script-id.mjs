// node scripts/set-script-id.mjs <script ID | a .clasp.json that `clasp create` wrote>
//
// Puts an Apps Script project's ID into this folder's .clasp.json and keeps `rootDir: "dist"`,
// so `clasp push` sends what `npm run build` wrote (dist/Code.js, dist/sidebar.html and the
// manifest dist/appsscript.json, with its OAuth scopes and Asia/Tokyo) and nothing else
// (.claspignore). README.md "Deploying" says when to use it: `clasp create` pulls Google's
// default appsscript.json and a Code.js into the folder it runs in, so it runs in a scratch
// folder and only its script ID comes here.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const CONFIG = resolve(process.cwd(), '.clasp.json');
const ROOT_DIR = 'dist';
// A script ID is a long run of letters, digits, '-' and '_' (Project settings → Script ID).
const SCRIPT_ID = /^[A-Za-z0-9_-]{20,}$/;

function fail(message) {
  console.error(`set-script-id: ${message}`);
  process.exit(2);
}

const [given] = process.argv.slice(2);
if (!given) fail('使い方 / usage: node scripts/set-script-id.mjs <script ID | path/to/.clasp.json>');

let scriptId = given.trim();
if (!SCRIPT_ID.test(scriptId)) {
  // Not an ID: the .clasp.json clasp create wrote (or the folder holding it).
  const path = existsSync(resolve(given, '.clasp.json')) ? resolve(given, '.clasp.json') : resolve(given);
  if (!existsSync(path)) fail(`${given} は script ID でも .clasp.json でもありません / is neither a script ID nor a .clasp.json`);
  let created;
  try {
    created = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    fail(`${path} を読めません / cannot read ${path}`);
  }
  scriptId = String(created?.scriptId ?? '');
  if (!SCRIPT_ID.test(scriptId)) fail(`${path} に scriptId がありません / has no scriptId`);
}

let config = {};
if (existsSync(CONFIG)) {
  try {
    config = JSON.parse(readFileSync(CONFIG, 'utf8'));
  } catch {
    fail(`${CONFIG} を読めません / cannot read ${CONFIG}`);
  }
}
// Only the ID changes; rootDir is put back to dist whatever it was, since that is what the
// build writes and .claspignore lists.
const next = { ...config, scriptId, rootDir: ROOT_DIR };
delete next.srcDir;
writeFileSync(CONFIG, `${JSON.stringify(next, null, 2)}\n`);
console.log(`.clasp.json: scriptId ${scriptId}, rootDir ${ROOT_DIR}`);
