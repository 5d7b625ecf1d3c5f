import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, REPO } from '../bundle/harness';

// README.md "Deploying to Google Sheets", played as written: its shell blocks run in bash in a
// copy of the project's deploy files (.clasp.json, .claspignore, scripts/set-script-id.mjs),
// with `npx clasp …` running clasp's own command line (node_modules/@google/clasp, through
// offline-clasp.mjs: Google's servers are a fake kept in a JSON file, no network) and
// `npm run build` giving dist/ the files the real build wrote. What clasp would send to Apps
// Script — the fake records each projects.updateContent — must be the build: Code.js,
// sidebar.html and the built manifest with its scopes and Asia/Tokyo, and nothing else.

interface PushedFile { name: string; type: string; source: string }
interface FakeGoogle {
  files: Record<string, { name: string; mimeType: string }>;
  projects: Record<string, { title: string; parentId: string | null; files: PushedFile[]; pushes: PushedFile[][] }>;
  requests: { method: string; url: string }[];
}

const BUILT = ['Code.js', 'sidebar.html', 'appsscript.json'] as const;

/** The README's block after `<!-- deploy:NAME -->`. */
function readmeBlock(name: string): string {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const m = new RegExp(`<!-- deploy:${name} -->\\s*\`\`\`sh\\n([\\s\\S]*?)\`\`\``).exec(readme);
  if (!m?.[1]) throw new Error(`README.md has no deploy:${name} block`);
  return m[1];
}

interface Project { dir: string; state: string; run(script: string): string; google(): FakeGoogle }

/** A folder holding what the deploy steps use, with `npx` and `npm` on PATH as described above. */
function project(seed?: FakeGoogle): Project {
  const dir = mkdtempSync(join(tmpdir(), 'ikigai-deploy-'));
  const work = join(dir, 'work');
  const bin = join(dir, 'bin');
  mkdirSync(join(work, 'scripts'), { recursive: true });
  mkdirSync(bin);
  for (const f of ['.clasp.json', '.claspignore', 'appsscript.json']) copyFileSync(join(REPO, f), join(work, f));
  copyFileSync(join(REPO, 'scripts', 'set-script-id.mjs'), join(work, 'scripts', 'set-script-id.mjs'));
  const state = join(dir, 'google.json');
  if (seed) writeFileSync(state, JSON.stringify({ next: 100, ...seed }));
  const credentials = join(dir, 'clasprc.json');
  // `npx clasp login` opens a browser; here it stores a token the fake accepts. Every other
  // clasp command is clasp's own.
  writeFileSync(join(bin, 'npx'), [
    '#!/usr/bin/env bash',
    'set -e',
    '[ "$1" = clasp ] || { echo "npx shim: only clasp" >&2; exit 97; }',
    'shift',
    'if [ "$1" = login ]; then',
    `  echo '{"tokens":{"default":{"type":"authorized_user","client_id":"id","client_secret":"s","refresh_token":"r","access_token":"a","expiry_date":4102444800000}}}' > "$clasp_config_auth"`,
    '  exit 0',
    'fi',
    `exec "${process.execPath}" "${join(REPO, 'test', 'deploy', 'offline-clasp.mjs')}" "$@"`,
  ].join('\n'));
  // `npm run build`: the files the build wrote in the repository (test/bundle/harness ensures them).
  writeFileSync(join(bin, 'npm'), [
    '#!/usr/bin/env bash',
    'set -e',
    '[ "$1 $2" = "run build" ] || { echo "npm shim: only run build" >&2; exit 97; }',
    'mkdir -p dist',
    ...BUILT.map((f) => `cp "${join(REPO, 'dist', f)}" dist/${f}`),
  ].join('\n'));
  chmodSync(join(bin, 'npx'), 0o755);
  chmodSync(join(bin, 'npm'), 0o755);
  const env = {
    PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: dir, TMPDIR: dir, FAKE_GOOGLE_STATE: state, clasp_config_auth: credentials,
    // clasp asks before overwriting a manifest when it thinks a person is at the terminal.
    CI: '1', NO_COLOR: '1',
  };
  return {
    dir: work, state,
    run: (script) => execFileSync('bash', ['-euo', 'pipefail', '-c', script], { cwd: work, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
    google: () => JSON.parse(readFileSync(state, 'utf8')) as FakeGoogle,
  };
}

function manifestOf(files: readonly PushedFile[]): { timeZone?: string; oauthScopes?: string[]; runtimeVersion?: string } {
  const m = files.find((f) => f.name === 'appsscript' && f.type === 'JSON');
  if (!m) throw new Error('no manifest pushed');
  return JSON.parse(m.source) as { timeZone?: string; oauthScopes?: string[] };
}

const built = (f: (typeof BUILT)[number]): string => readFileSync(join(REPO, 'dist', f), 'utf8');

beforeAll(() => {
  ensureBuilt();
  for (const f of BUILT) if (!existsSync(join(REPO, 'dist', f))) throw new Error(`dist/${f} missing: run npm run build`);
});

const cleanup: string[] = [];
afterAll(() => { for (const d of cleanup) rmSync(d, { recursive: true, force: true }); });

describe("README's deploy steps, run against clasp's own code", () => {
  it('a new spreadsheet: the script is created in a scratch folder and the push sends the built files, manifest included', () => {
    const p = project();
    cleanup.push(join(p.dir, '..'));
    p.run([readmeBlock('login'), readmeBlock('new'), readmeBlock('push')].join('\n'));
    const google = p.google();
    // One spreadsheet and one script bound to it.
    const sheets = Object.entries(google.files).filter(([, f]) => f.mimeType === 'application/vnd.google-apps.spreadsheet');
    expect(sheets).toHaveLength(1);
    const [scriptId, script] = Object.entries(google.projects)[0]!;
    expect(script.parentId).toBe(sheets[0]![0]);
    // .clasp.json names that script and still pushes dist/.
    const config = JSON.parse(readFileSync(join(p.dir, '.clasp.json'), 'utf8')) as { scriptId: string; rootDir: string };
    expect(config).toMatchObject({ scriptId, rootDir: 'dist' });
    // Exactly one push: the three built files, byte for byte.
    expect(script.pushes).toHaveLength(1);
    const pushed = script.pushes[0]!;
    expect(pushed.map((f) => `${f.name}:${f.type}`).sort()).toEqual(['Code:SERVER_JS', 'appsscript:JSON', 'sidebar:HTML']);
    expect(pushed.find((f) => f.name === 'Code')?.source).toBe(built('Code.js'));
    expect(pushed.find((f) => f.name === 'sidebar')?.source).toBe(built('sidebar.html'));
    expect(pushed.find((f) => f.name === 'appsscript')?.source).toBe(built('appsscript.json'));
    const manifest = manifestOf(pushed);
    expect(manifest.timeZone).toBe('Asia/Tokyo');
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
    expect(manifest.oauthScopes).toEqual(JSON.parse(readFileSync(join(REPO, 'appsscript.json'), 'utf8')).oauthScopes);
    // dist/ still holds the build (clasp wrote its default files in the scratch folder only).
    for (const f of BUILT) expect(readFileSync(join(p.dir, 'dist', f), 'utf8')).toBe(built(f));
    expect(existsSync(join(p.dir, 'Code.js'))).toBe(false);
  });

  it('an existing script: its ID goes into .clasp.json and the push replaces its default manifest with the built one', () => {
    const id = '1ExistingScript0000000000000000000000000000000000000000';
    const p = project({
      files: {}, requests: [],
      projects: { [id]: { title: 'x', parentId: null, pushes: [], files: [
        { name: 'appsscript', type: 'JSON', source: '{"timeZone":"America/New_York","runtimeVersion":"V8"}' },
        { name: 'Code', type: 'SERVER_JS', source: 'function myFunction() {}' },
      ] } },
    });
    cleanup.push(join(p.dir, '..'));
    p.run([readmeBlock('login'), readmeBlock('existing').replace('YOUR_SCRIPT_ID', id), readmeBlock('push')].join('\n'));
    const script = p.google().projects[id]!;
    expect(JSON.parse(readFileSync(join(p.dir, '.clasp.json'), 'utf8'))).toMatchObject({ scriptId: id, rootDir: 'dist' });
    expect(script.files.map((f) => f.name).sort()).toEqual(['Code', 'appsscript', 'sidebar']);
    expect(manifestOf(script.files)).toMatchObject({ timeZone: 'Asia/Tokyo', runtimeVersion: 'V8' });
    expect(script.files.find((f) => f.name === 'Code')?.source).toBe(built('Code.js'));
  });

  it('.claspignore and rootDir agree: from dist/ clasp takes the three built files and leaves the source map', () => {
    const p = project();
    cleanup.push(join(p.dir, '..'));
    expect(JSON.parse(readFileSync(join(REPO, '.clasp.json'), 'utf8')).rootDir).toBe('dist');
    p.run(`${readmeBlock('login')}\nnode scripts/set-script-id.mjs 1Status000000000000000000000000000000000\ncp "${join(REPO, 'dist', 'Code.js.map')}" dist/ 2>/dev/null || true`);
    // clasp's own file collection (status lists what a push would send, and what it leaves).
    const status = JSON.parse(p.run('npx clasp --json show-file-status')) as { filesToPush: string[]; untrackedFiles: string[] };
    expect(status.filesToPush.map((f) => f.replace(/^dist\//, '')).sort()).toEqual([...BUILT].sort());
  });

  it('the old route (clasp create --rootDir dist after the build) would have pushed Google\'s default manifest and myFunction', () => {
    // README.md before this change: build, remove .clasp.json, create into dist/, push.
    const p = project();
    cleanup.push(join(p.dir, '..'));
    p.run([
      readmeBlock('login'),
      'rm .clasp.json && npx clasp create --type sheets --title "生きがい就労デスク" --rootDir dist',
      'npx clasp push --force',
    ].join('\n'));
    const [, script] = Object.entries(p.google().projects)[0]!;
    const pushed = script.pushes[0]!;
    expect(manifestOf(pushed).oauthScopes).toBeUndefined();
    expect(manifestOf(pushed).timeZone).toBe('America/New_York');
    expect(pushed.find((f) => f.name === 'Code')?.source).toContain('function myFunction()');
  });
});
