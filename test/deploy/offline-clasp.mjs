// clasp's own command line (node_modules/@google/clasp), run with Google's servers replaced by
// a fake whose state lives in the JSON file $FAKE_GOOGLE_STATE, so a sequence of clasp commands
// (create, then push) can be played offline and what would reach Apps Script inspected.
//
// gaxios (the HTTP client under googleapis) fetches through `window.fetch` when a `window`
// exists, else node-fetch; defining `window` before clasp loads routes every request here.
// Nothing else of clasp is replaced: its option parsing, .clasp.json / .claspignore reading,
// the pull that writes files and the collection of the files it pushes are its own code.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const statePath = process.env.FAKE_GOOGLE_STATE;
if (!statePath) throw new Error('FAKE_GOOGLE_STATE must name the fake Google state file');

/** What Apps Script puts in a new project (the manifest of a script made in the editor). */
export const DEFAULT_MANIFEST = { timeZone: 'America/New_York', dependencies: {}, exceptionLogging: 'STACKDRIVER', runtimeVersion: 'V8' };

function load() {
  return existsSync(statePath) ? JSON.parse(readFileSync(statePath, 'utf8')) : { next: 1, files: {}, projects: {}, requests: [] };
}

function save(state) {
  writeFileSync(statePath, JSON.stringify(state, null, 2));
}

function reply(status, body) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

async function bodyOf(init) {
  const b = init?.body;
  if (b === undefined || b === null) return undefined;
  if (typeof b === 'string') return JSON.parse(b);
  if (b instanceof Uint8Array || b instanceof ArrayBuffer) return JSON.parse(Buffer.from(b).toString('utf8'));
  return JSON.parse(await new Response(b).text());
}

async function fakeFetch(input, init = {}) {
  const url = new URL(typeof input === 'string' || input instanceof URL ? String(input) : input.url);
  const method = String(init.method ?? 'GET').toUpperCase();
  const body = await bodyOf(init);
  const state = load();
  state.requests.push({ method, url: `${url.origin}${url.pathname}` });
  // Drive and Apps Script IDs are long runs of letters, digits, '-' and '_'.
  const id = () => `1Fake${String(state.next++).padStart(40, '0')}`;
  let out;
  const content = /^\/v1\/projects\/([^/]+)\/content$/.exec(url.pathname);
  if (url.host === 'www.googleapis.com' && url.pathname === '/drive/v3/files' && method === 'POST') {
    const fileId = id();
    state.files[fileId] = { name: body.name, mimeType: body.mimeType };
    out = reply(200, { id: fileId, name: body.name, mimeType: body.mimeType });
  } else if (url.host === 'script.googleapis.com' && url.pathname === '/v1/projects' && method === 'POST') {
    const scriptId = id();
    state.projects[scriptId] = {
      title: body.title, parentId: body.parentId ?? null, pushes: [],
      files: [
        { name: 'appsscript', type: 'JSON', source: JSON.stringify(DEFAULT_MANIFEST, null, 2) },
        { name: 'Code', type: 'SERVER_JS', source: 'function myFunction() {\n  \n}\n' },
      ],
    };
    out = reply(200, { scriptId, title: body.title, parentId: body.parentId });
  } else if (url.host === 'script.googleapis.com' && content && state.projects[content[1]]) {
    const project = state.projects[content[1]];
    if (method === 'GET') out = reply(200, { scriptId: content[1], files: project.files });
    else if (method === 'PUT') {
      project.files = body.files;
      project.pushes.push(body.files);
      out = reply(200, { scriptId: content[1], files: body.files });
    }
  }
  out ??= reply(404, { error: { code: 404, message: `fake Google: no ${method} ${url.pathname}` } });
  save(state);
  return out;
}

globalThis.window = { fetch: fakeFetch };
const clasp = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', '@google', 'clasp', 'build', 'src', 'index.js');
await import(clasp);
