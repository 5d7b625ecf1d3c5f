import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { ABSENT_IN_APPS_SCRIPT, BUNDLE_PATH, loadBundle, jsonRoundTrip, REPO } from './harness';
import { GLOBAL_NAMES } from '../fakes';

// The bundle Apps Script evaluates on every menu click, trigger and sidebar call. These tests run
// on dist/Code.js as built (`npm run build` first; the harness builds it only when it is missing).

/** src/main.ts's exports as scripts/build.mjs computes them (the list the footer is made from). */
function exportNames(): string[] {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e',
    "const m = await import('./scripts/build.mjs'); process.stdout.write(JSON.stringify(await m.exportNames()));"],
  { cwd: REPO, encoding: 'utf8' });
  return JSON.parse(out) as string[];
}

describe('the built bundle dist/Code.js', () => {
  it('loads in a realm with no Apps Script globals, no URL, no TextEncoder and no timers', () => {
    const bundle = loadBundle({ fakes: false });
    for (const name of [...ABSENT_IN_APPS_SCRIPT, ...GLOBAL_NAMES]) {
      expect([name, vm.runInContext(`typeof ${name}`, bundle.context)]).toEqual([name, 'undefined']);
    }
    expect(vm.runInContext('typeof Promise', bundle.context)).toBe('function');
    expect(vm.runInContext('typeof Intl.DateTimeFormat', bundle.context)).toBe('function');
  });

  it('declares every export of src/main.ts as a top-level function, and no other', () => {
    const names = exportNames();
    const bundle = loadBundle({ fakes: false });
    const missing = names.filter((n) => !new RegExp(`^function ${n.replace(/\$/g, '\\$')}\\(`, 'm').test(bundle.source));
    if (missing.length > 0) throw new Error(`dist/Code.js lacks ${missing.join(', ')}: it is older than src/main.ts — run npm run build`);
    expect(bundle.functionNames).toEqual([...names].sort());
  });

  it('names its own functions in a stack trace: the build minifies only the names below the top level', () => {
    // Apps Script's log shows the stack of an error as V8 names it; onOpen (src/entry/setup.ts)
    // reaches SpreadsheetApp, absent here. Minifying every name would make this frame a letter.
    const bundle = loadBundle({ fakes: false });
    const footer = bundle.source.split('\n').findIndex((l) => l.startsWith('function onOpen(')) + 1;
    const stack = vm.runInContext('(() => { try { onOpen(); return ""; } catch (e) { return String(e.stack); } })()', bundle.context) as string;
    const first = /^\s+at (\S+) \(Code\.js:(\d+):\d+\)/m.exec(stack);
    expect(first?.[1]).toBe('onOpen');
    expect(Number(first?.[2])).toBeLessThan(footer);
    const map = JSON.parse(readFileSync(`${BUNDLE_PATH}.map`, 'utf8')) as { sources: string[] };
    expect(map.sources).toContain('../src/entry/setup.ts');
  });

  it('makes no call on any Google service while it is being evaluated', () => {
    const bundle = loadBundle();
    expect(bundle.loadCalls).toBe(0);
    expect(bundle.fakes?.logs).toEqual([]);
  });
});

describe('the harness', () => {
  it('lets the fakes hand out Dates and Errors of the bundle realm, as Apps Script does', () => {
    const bundle = loadBundle();
    const isRealmDate = vm.runInContext(
      `(() => { const s = SpreadsheetApp.getActiveSpreadsheet().insertSheet('t'); s.getRange('A1').setValue('2015-04-01');
         return s.getRange('A1').getValue() instanceof Date; })()`, bundle.context) as boolean;
    expect(isRealmDate).toBe(true);
    const isRealmError = vm.runInContext(
      `(() => { try { LockService.getScriptLock().waitLock(1); LockService.getScriptLock().waitLock(1); } catch (e) { return e instanceof Error && e.message; } })()`,
      bundle.context) as string;
    expect(isRealmError).toBe('Lock timeout: another process was holding the lock for too long.');
  });

  it('exposes the top-level functions of a bundle to call as Apps Script would, with the fakes as globals', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ikigai-harness-'));
    const path = join(dir, 'Code.js');
    writeFileSync(path, [
      'var __app = (() => ({ onOpen: (e) => { SpreadsheetApp.getUi().createMenu(\'生きがい就労\').addItem(\'初期設定\', \'setup\').addToUi(); return e.authMode; } }))();',
      'function onOpen(...args) { return __app.onOpen(...args); }',
      'function setup() { return 1; }',
    ].join('\n'));
    const bundle = loadBundle({ bundlePath: path });
    expect(bundle.functionNames).toEqual(['onOpen', 'setup']);
    expect(bundle.ctx.onOpen?.({ authMode: 'FULL' })).toBe('FULL');
    expect(bundle.fakes?.ui.menus).toEqual([{ caption: '生きがい就労', entries: [{ caption: '初期設定', functionName: 'setup' }] }]);
    expect(bundle.log.count('Menu.addToUi')).toBe(1);
    expect(() => bundle.call('nothing')).toThrow('the bundle has no top-level function nothing');
  });

  it('freezes the bundle clock when asked, keeping Dates instanceof Date', () => {
    const bundle = loadBundle({ now: '2025-06-11T00:30:00Z' });
    const read = (): unknown => vm.runInContext('[new Date().toISOString(), Date.now(), new Date(0) instanceof Date, typeof Date()]', bundle.context);
    expect(read()).toEqual([`2025-06-11T00:30:00.000Z`, Date.parse('2025-06-11T00:30:00Z'), true, 'string']);
    bundle.setNow('2025-06-12T00:00:00Z');
    expect((read() as unknown[])[0]).toBe('2025-06-12T00:00:00.000Z');
  });

  it('passes arguments through JSON as google.script.run does, refusing Dates and functions', () => {
    expect(jsonRoundTrip({ a: [1, 'x', null, true], b: { c: '2015-04-01' } })).toEqual({ a: [1, 'x', null, true], b: { c: '2015-04-01' } });
    expect(() => jsonRoundTrip({ when: new Date() })).toThrow('cannot pass a Date at $.when');
    expect(() => jsonRoundTrip([() => 1])).toThrow('cannot pass a function at $[0]');
    expect(() => jsonRoundTrip(new Map())).toThrow('cannot pass [object Map]');
  });
});
