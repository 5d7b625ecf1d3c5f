import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevServer, type DevServer } from '../../src/local/dev-server';
import { MemoryTableStore } from '../../src/local/memory-table-store';
import { writeWorkbookFile } from '../../src/local/xlsx-workbook-file';
import { NOW, sidebarTables } from '../app/sidebar/sidebar-fixture';

// The dev server holds members' names and writes the workbook: only the page it serves may use
// it. Plain HTTP requests, as another site's page, a rebinding DNS name or a form would send them,
// must be refused with a 403 before anything runs, and the .xlsx file must keep its bytes.

interface Reply { status: number; headers: Record<string, string | string[] | undefined>; body: string }

let dir = '';
let workbook = '';
let server: DevServer;
let port = 0;

function send(options: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((ok, fail) => {
    const req = request({
      host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path ?? '/',
      headers: { Host: `127.0.0.1:${port}`, ...options.headers },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', fail);
    req.end(options.body);
  });
}

/** The token the served page carries, read from the page as the browser gets it. */
async function pageToken(): Promise<string> {
  const page = await send({});
  expect(page.status).toBe(200);
  const token = /var TOKEN = '([0-9a-f]+)'/.exec(page.body)?.[1];
  if (!token) throw new Error('no token in the page');
  return token;
}

const VISIT = [{ date: '2025-06-11', area: 'matching', member_id: 'M003' }];

function call(name: string, headers: Record<string, string>, args: unknown = VISIT): Promise<Reply> {
  return send({ method: 'POST', path: `/__script_run/${name}`, headers, body: JSON.stringify(args) });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ikigai-dev-security-'));
  workbook = join(dir, 'center.xlsx');
  await writeWorkbookFile(MemoryTableStore.from(sidebarTables()), workbook);
  // A page of our own: what matters is the <head> the fake google.script.run goes into.
  const html = join(dir, 'sidebar.html');
  writeFileSync(html, '<!doctype html><html><head><title>t</title></head><body></body></html>');
  server = await startDevServer({ workbook, now: NOW.toISOString(), sidebarHtml: html });
  port = Number(new URL(server.url).port);
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the dev server refuses what its own page would not send', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${port}/`);
    const others = Object.values(networkInterfaces()).flat()
      .filter((a) => a !== undefined && !a.internal && a.family === 'IPv4').map((a) => a?.address ?? '');
    for (const address of ['::1', ...others]) {
      const reached = await new Promise<boolean>((ok) => {
        const socket = connect({ host: address, port });
        socket.once('connect', () => { socket.destroy(); ok(true); });
        socket.once('error', () => ok(false));
      });
      expect([address, reached]).toEqual([address, false]);
    }
  });

  it('serves its page with a fresh 64-hex-digit token to its own Host, under either name, and never in a frame', async () => {
    const token = await pageToken();
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    const byName = await send({ headers: { Host: `localhost:${port}` } });
    expect(byName.status).toBe(200);
    expect(byName.headers['content-security-policy']).toBe("frame-ancestors 'none'");
    expect(byName.headers['x-frame-options']).toBe('DENY');
  });

  it('refuses the page to any other Host (DNS rebinding), with a JSON error and no token', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, `localhost.evil.example:${port}`, '127.0.0.1', `0.0.0.0:${port}`]) {
      const page = await send({ headers: { Host: host } });
      expect([host, page.status]).toEqual([host, 403]);
      expect(JSON.parse(page.body)).toEqual({ ok: false, error: 'Host not allowed' });
      expect(page.body).not.toContain('TOKEN');
    }
    // Read calls too: the names of members are what a rebinding page would be after.
    const token = await pageToken();
    const read = await call('sidebarBootstrap', { Host: `evil.example:${port}`, 'Content-Type': 'application/json', 'X-Ikigai-Token': token }, []);
    expect(read.status).toBe(403);
    expect(read.body).not.toContain('田中');
  });

  it('refuses a request from another origin, another localhost port included', async () => {
    const token = await pageToken();
    for (const origin of ['http://evil.example', `http://localhost:${port + 1}`, `http://127.0.0.1:${port + 1}`, `https://127.0.0.1:${port}`, 'null']) {
      const reply = await call('logActivity', { Origin: origin, 'Content-Type': 'application/json', 'X-Ikigai-Token': token });
      expect([origin, reply.status]).toEqual([origin, 403]);
      expect(JSON.parse(reply.body)).toEqual({ ok: false, error: 'Origin not allowed' });
      const page = await send({ headers: { Origin: origin } });
      expect(page.status).toBe(403);
    }
  });

  it('refuses a call that is not JSON (a plain cross-site form) or lacks the right token, and saves nothing', async () => {
    const before = readFileSync(workbook);
    const token = await pageToken();
    const wrong = token.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    const refused: [string, Record<string, string>][] = [
      ['form', { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Ikigai-Token': token }],
      ['text', { 'Content-Type': 'text/plain', 'X-Ikigai-Token': token }],
      ['no type', { 'X-Ikigai-Token': token }],
      ['no token', { 'Content-Type': 'application/json' }],
      ['wrong token', { 'Content-Type': 'application/json', 'X-Ikigai-Token': wrong }],
      ['short token', { 'Content-Type': 'application/json', 'X-Ikigai-Token': token.slice(0, 10) }],
      ['empty token', { 'Content-Type': 'application/json', 'X-Ikigai-Token': '' }],
      ['wrong host', { Host: `evil.example:${port}`, 'Content-Type': 'application/json', 'X-Ikigai-Token': token }],
      ['foreign origin', { Origin: 'http://localhost:1', 'Content-Type': 'application/json', 'X-Ikigai-Token': token }],
    ];
    for (const [why, headers] of refused) {
      const reply = await call('logActivity', headers);
      expect([why, reply.status]).toEqual([why, 403]);
      const body = JSON.parse(reply.body) as { ok: boolean; error: string };
      expect([why, body.ok, typeof body.error]).toEqual([why, false, 'string']);
    }
    expect(readFileSync(workbook).equals(before)).toBe(true);
  });

  it('runs and saves a call from its own page: JSON with the token it served, with or without its Origin', async () => {
    const before = readFileSync(workbook);
    const token = await pageToken();
    const reply = await call('logActivity', { Origin: `http://127.0.0.1:${port}`, 'Content-Type': 'application/json; charset=utf-8', 'X-Ikigai-Token': token });
    expect(reply.status).toBe(200);
    expect((JSON.parse(reply.body) as { ok: boolean; value: { ok: boolean } }).value.ok).toBe(true);
    expect(readFileSync(workbook).equals(before)).toBe(false);
    const read = await call('sidebarBootstrap', { 'Content-Type': 'application/json', 'X-Ikigai-Token': token }, []);
    expect(read.status).toBe(200);
    expect(JSON.parse(read.body)).toMatchObject({ ok: true });
  });

  it('makes a new token on every start, so a page of an earlier run cannot call', async () => {
    const old = await pageToken();
    const html = join(dir, 'sidebar.html');
    const second = await startDevServer({ workbook, now: NOW.toISOString(), sidebarHtml: html });
    try {
      const secondPort = Number(new URL(second.url).port);
      const reply = await new Promise<number>((ok, fail) => {
        const req = request({
          host: '127.0.0.1', port: secondPort, method: 'POST', path: '/__script_run/sidebarBootstrap',
          headers: { Host: `127.0.0.1:${secondPort}`, 'Content-Type': 'application/json', 'X-Ikigai-Token': old },
        }, (res) => { res.resume(); ok(res.statusCode ?? 0); });
        req.on('error', fail);
        req.end('[]');
      });
      expect(reply).toBe(403);
    } finally {
      await second.close();
    }
  });
});
