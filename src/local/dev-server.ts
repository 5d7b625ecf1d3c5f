// `npm run dev [-- --workbook F] [--user EMAIL] [--port N] [--now ISO] [--member-list-limit N]`: the sidebar on
// http://127.0.0.1:PORT, driven by the same server API as in Google Sheets (createSidebarApi)
// with local ports: the .xlsx file (saved after each write, atomically), a memory lock, a fixed
// user. Anyone can click through the sidebar without a Google account.
//
// It holds members' names and writes the workbook, so only its own page may use it:
// - it listens on 127.0.0.1 only, never on another interface;
// - every request whose Host is not its own address (`127.0.0.1:PORT` or `localhost:PORT`) is
//   refused, so a DNS-rebinding page (evil.example resolving to 127.0.0.1) cannot read it, and so
//   is every request whose Origin, when present, is not its own origin (another site, another
//   localhost port, `null`);
// - a call (POST to SCRIPT_RUN_PATH) must be `Content-Type: application/json`, which no plain
//   cross-site form can send, and carry the run's token in TOKEN_HEADER: 32 random bytes, hex,
//   made on start and written only into the page it serves (the injected google.script.run
//   sends it), compared in constant time;
// - the page may not be framed by another page (frame-ancestors 'none'), so no site can put it
//   under a user's clicks.
// A refusal is a 403 with a JSON `{ ok: false, error }`, before anything is run or saved.
import { spawnSync } from 'node:child_process';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, join, resolve } from 'node:path';
import { MARKER } from './commands/demo';
import { FY_END } from './demo/kashiwa-2015';
import { createAttendanceApi, type AttendanceApi } from '../app/events/attendance';
import { createWorkApi, type WorkApi } from '../app/work/work-api';
import type { KeyValueStore, Lock, Mailer, PropertyBag } from '../app/ports';
import { SIDEBAR_WRITES } from '../app/server-calls';
import { createSidebarApi, type SidebarApi } from '../app/sidebar/sidebar-api';
import { parseTable } from '../domain/parse/parse-table';
import { COORDINATORS_TAB, tabNames } from '../domain/schema/tabs';
import { fakeScriptRun, SCRIPT_RUN_PATH, TOKEN_HEADER } from './fake-script-run';
import type { MemoryTableStore } from './memory-table-store';
import { readWorkbookFile, writeWorkbookFile } from './xlsx-workbook-file';

export interface DevServerOptions {
  readonly workbook: string;
  /** The signed-in user; default: the first active coordinator or manager of the workbook. */
  readonly user?: string;
  /** 0 = any free port. */
  readonly port?: number;
  /** A fixed "now" (ISO instant) for repeatable demos and tests; default the real clock. */
  readonly now?: string;
  readonly sidebarHtml?: string;
  /** Above this many enrolled members the member picker searches on the server; default
   *  MEMBER_LIST_LIMIT (3,000). Lowered to try the search on a small workbook. */
  readonly memberListLimit?: number;
}

export interface DevServer {
  readonly url: string;
  readonly user: string;
  close(): Promise<void>;
}

const WRITES: ReadonlySet<string> = new Set(SIDEBAR_WRITES);

/** A lock for one process: the dev server handles one call at a time anyway. */
class ProcessLock implements Lock {
  private held = false;
  tryLock(): boolean { if (this.held) return false; this.held = true; return true; }
  release(): void { this.held = false; }
}

/** Document properties for the session: the ID counters are re-seeded from the file on start.
 *  Key by key and in bulk, over one map, as Apps Script's document properties are. */
class SessionProps implements KeyValueStore, PropertyBag {
  private readonly values = new Map<string, string>();
  get(key: string): string | null { return this.values.get(key) ?? null; }
  set(key: string, value: string): void { this.values.set(key, value); }
  delete(key: string | readonly string[]): void { for (const k of typeof key === 'string' ? [key] : key) this.values.delete(k); }
  getAll(): Record<string, string> { return Object.fromEntries(this.values); }
  setAll(entries: Readonly<Record<string, string>>): void { for (const [k, v] of Object.entries(entries)) this.values.set(k, v); }
}

/** The dev server sends no mail: with no quota the use cases skip the mail (a promotion after a
 *  cancel is still saved). `ikigai weekly` is where mails become .eml files. */
const NO_MAIL: Mailer = { remainingQuota: () => 0, send: () => undefined };

export function firstWriter(store: MemoryTableStore): string {
  const raw = store.read(tabNames(COORDINATORS_TAB));
  const all = raw ? parseTable(COORDINATORS_TAB, raw).records : [];
  return all.find((c) => c.active && (c.role === 'coordinator' || c.role === 'manager'))?.email ?? '';
}

export function injectFakeScriptRun(html: string, token: string): string {
  return html.replace('<head>', () => `<head>\n<script>${fakeScriptRun(token)}</script>`);
}

/** What may reach the server (see the top of this file): the first reason to refuse, or null. */
export interface RequestGuard {
  refusal(req: IncomingMessage): string | null;
  /** For a call: the reason to refuse its Content-Type or token, or null. */
  callRefusal(req: IncomingMessage): string | null;
}

export function requestGuard(port: number, token: string): RequestGuard {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  // A browser leaves the default port out of Host.
  if (port === 80) { hosts.add('127.0.0.1'); hosts.add('localhost'); }
  const origins = new Set([...hosts].map((h) => `http://${h}`));
  const expected = Buffer.from(token, 'utf8');
  return {
    refusal(req) {
      const host = req.headers.host;
      if (host === undefined || !hosts.has(host)) return 'Host not allowed';
      const origin = req.headers.origin;
      if (origin !== undefined && !origins.has(origin)) return 'Origin not allowed';
      return null;
    },
    callRefusal(req) {
      const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      if (type !== 'application/json') return 'Content-Type must be application/json';
      const given = req.headers[TOKEN_HEADER.toLowerCase()];
      const bytes = typeof given === 'string' ? Buffer.from(given, 'utf8') : null;
      if (!bytes || bytes.length !== expected.length || !timingSafeEqual(bytes, expected)) return 'Missing or wrong token';
      return null;
    },
  };
}

function refuse(res: ServerResponse, reason: string): void {
  // The body of a refused call is never read: close the connection rather than drain it.
  res.writeHead(403, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' });
  res.end(JSON.stringify({ ok: false, error: reason }));
}

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const path = resolve(options.workbook);
  const store = await readWorkbookFile(path);
  const user = options.user ?? firstWriter(store);
  const fixedNow = options.now ? new Date(options.now) : null;
  const props = new SessionProps();
  const ports = { store, lock: new ProcessLock(), props, clock: { now: () => fixedNow ?? new Date() }, user: { email: () => user } };
  const limitOption = options.memberListLimit === undefined ? {} : { memberListLimit: options.memberListLimit };
  // The イベント panel's calls too; there is no Google Form locally, so a cancel re-syncs no form.
  const api: SidebarApi & AttendanceApi & WorkApi = {
    ...createSidebarApi(ports, undefined, limitOption), ...createAttendanceApi({ ...ports, bag: props, mailer: NO_MAIL, forms: null }), ...createWorkApi(ports),
  };
  const htmlPath = options.sidebarHtml ?? join(__dirname, '..', '..', '..', 'dist', 'sidebar.html');
  const sidebarFile = existsSync(htmlPath) ? htmlPath : resolve('dist/sidebar.html');

  // Made on each start and written only into the page served: the key to the calls.
  const token = randomBytes(32).toString('hex');
  let guard: RequestGuard | null = null;

  // One call at a time, like one Apps Script execution per call under the script lock.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  async function callApi(name: string, body: string): Promise<{ ok: boolean; value?: unknown; error?: string }> {
    const fn = (api as unknown as Record<string, ((...a: unknown[]) => unknown) | undefined>)[name];
    if (name.endsWith('_') || typeof fn !== 'function' || !Object.prototype.hasOwnProperty.call(api, name)) {
      return { ok: false, error: `Script function not found: ${name}` };
    }
    const args: unknown = JSON.parse(body || '[]');
    if (!Array.isArray(args)) return { ok: false, error: 'Arguments must be an array' };
    const value = fn(...args);
    const result = value as { ok?: boolean } | null;
    if (WRITES.has(name) && result?.ok) await writeWorkbookFile(store, path);
    // The JSON round trip of the real google.script.run.
    return { ok: true, value: JSON.parse(JSON.stringify(value ?? null)) as unknown };
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const refused = guard ? guard.refusal(req) : 'Not ready';
    if (refused) { refuse(res, refused); return; }
    if (req.method === 'GET' && (url === '/' || url.startsWith('/?') || url === '/sidebar.html')) {
      const html = injectFakeScriptRun(readFileSync(sidebarFile, 'utf8'), token);
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store',
        'Content-Security-Policy': "frame-ancestors 'none'", 'X-Frame-Options': 'DENY', 'X-Content-Type-Options': 'nosniff',
      });
      res.end(html);
      return;
    }
    if (req.method === 'POST' && url.startsWith(SCRIPT_RUN_PATH)) {
      const badCall = guard ? guard.callRefusal(req) : 'Not ready';
      if (badCall) { refuse(res, badCall); return; }
      const name = decodeURIComponent(url.slice(SCRIPT_RUN_PATH.length));
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        serial(() => callApi(name, Buffer.concat(chunks).toString('utf8'))).then((reply) => {
          res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
          res.end(JSON.stringify(reply));
        }, (error: unknown) => {
          console.error(error);
          res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
          res.end(JSON.stringify({ ok: false, error: 'Server error' }));
        });
      });
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('not found');
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    // Loopback only: never '0.0.0.0', '::' or a default that listens on every interface.
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  guard = requestGuard(port, token);
  return {
    url: `http://127.0.0.1:${port}/`,
    user,
    close: () => new Promise<void>((ok) => { server.close(() => ok()); server.closeAllConnections(); }),
  };
}

function argValue(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** The workbook to open when none is named: the sample center, made on first use. */
function defaultWorkbook(): string {
  const sample = resolve('samples/sample.xlsx');
  if (existsSync(sample)) return sample;
  const demo = resolve('demo-out/workbook.xlsx');
  if (existsSync(demo)) return demo;
  console.log('samples/sample.xlsx がないので作成します / making samples/sample.xlsx');
  spawnSync(process.execPath, ['scripts/run-ts.cjs', 'scripts/make-sample.ts'], { stdio: 'inherit' });
  return sample;
}

/**
 * "Now" when --now is not given: for a workbook `ikigai demo` wrote (its folder's .ikigai-demo
 * lists it), the demo's last day, 2016-03-31 at 10:00 in Tokyo, so 今週, イベント and the follow-ups
 * show the demo's figures rather than an empty week ten years on; otherwise the real clock (null).
 */
export function defaultNow(workbookPath: string): string | null {
  const marker = join(dirname(resolve(workbookPath)), MARKER);
  if (!existsSync(marker)) return null;
  try {
    const listed = (JSON.parse(readFileSync(marker, 'utf8')) as { files?: unknown }).files;
    return Array.isArray(listed) && listed.includes(basename(workbookPath)) ? `${FY_END}T10:00:00+09:00` : null;
  } catch {
    return null;
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const workbook = argValue(argv, '--workbook') ?? defaultWorkbook();
  const port = Number(argValue(argv, '--port') ?? 8765);
  const demoDay = argValue(argv, '--now') === undefined ? defaultNow(workbook) : null;
  const now = argValue(argv, '--now') ?? demoDay ?? undefined;
  const user = argValue(argv, '--user');
  const limit = argValue(argv, '--member-list-limit');
  const server = await startDevServer({
    workbook, port, ...(now ? { now } : {}), ...(user ? { user } : {}), ...(limit ? { memberListLimit: Number(limit) } : {}),
    sidebarHtml: resolve('dist/sidebar.html'),
  });
  console.log(`生きがい就労 サイドバー: ${server.url}  (workbook: ${workbook}, user: ${server.user || '—'})`);
  if (demoDay) console.log(`デモのワークブックなので今日を ${FY_END} とします（--now で変更） / a demo workbook: today is ${FY_END} (change it with --now)`);
  console.log('Ctrl+C で終了 / Ctrl+C to stop');
}

if (/dev-server\.ts$/.test(process.argv[1] ?? '')) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`dev: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
