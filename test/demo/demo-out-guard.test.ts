import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/local/cli';
import { MARKER, planOut, readMarker } from '../../src/local/commands/demo';
import type { Io } from '../../src/local/io';

// What `ikigai demo --out DIR` agrees to write over, decided before the season is played (so
// these cases cost no demo run; test/demo/demo.test.ts runs it for real over a folder with a
// person's files, with --force and then again over its own output).

let dir = '';
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'ikigai-demo-guard-')); });
afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

async function demo(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (s) => out.push(s), err: (s) => err.push(s), cwd: dir };
  const code = await main(['demo', ...argv], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const tree = (path: string): string[] => readdirSync(path, { recursive: true, encoding: 'utf8' }).sort();

describe('ikigai demo --out DIR, before it writes anything', () => {
  it('goes ahead in a missing or an empty folder, with nothing to replace', () => {
    expect(planOut(join(dir, 'missing'), false)).toEqual({ ok: true, replace: [] });
    mkdirSync(join(dir, 'empty'));
    expect(planOut(join(dir, 'empty'), false)).toEqual({ ok: true, replace: [] });
  });

  it('refuses a folder with a person\'s file and no marker (exit 2, Japanese then English, naming it and --force), and leaves it as it was', async () => {
    mkdirSync(join(dir, 'out', 'mail'), { recursive: true });
    writeFileSync(join(dir, 'out', 'mail', 'mine.eml'), 'mine');
    const run = await demo('--out', 'out');
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^ikigai demo: \S+out には demo が書いたのではないもの（mail\/）があるので、何も書かずに止めます。.*--force.* \/ \S+out already holds things the demo did not write \(mail\/\), so nothing was written\. .*--force/);
    expect(run.err).toContain('使い方 / usage: ikigai demo [--out DIR] [--force]');
    expect(tree(join(dir, 'out'))).toEqual(['mail', join('mail', 'mine.eml')]);
    expect(readFileSync(join(dir, 'out', 'mail', 'mine.eml'), 'utf8')).toBe('mine');
  });

  it('names the first five entries and counts the rest', () => {
    mkdirSync(join(dir, 'out'));
    for (const f of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) writeFileSync(join(dir, 'out', f), f);
    const plan = planOut(join(dir, 'out'), false);
    expect(plan.ok ? '' : plan.message).toContain('（a, b, c, d, e ほか 2 件）');
    expect(plan.ok ? '' : plan.message).toContain('(a, b, c, d, e and 2 more)');
  });

  it('with --force writes beside a person\'s files but replaces none of them', () => {
    mkdirSync(join(dir, 'out', 'mail'), { recursive: true });
    writeFileSync(join(dir, 'out', 'notes.txt'), 'mine');
    expect(planOut(join(dir, 'out'), true)).toEqual({ ok: true, replace: [] });
  });

  it('never overwrites a workbook.xlsx it did not write, not even with --force', async () => {
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'workbook.xlsx'), 'my own workbook');
    const run = await demo('--out', 'out', '--force');
    expect(run.code).toBe(2);
    expect(run.err).toContain('workbook.xlsx は demo が書いたものではないので上書きしません（--force でも）');
    expect(run.err).toContain('workbook.xlsx was not written by the demo, so it is not overwritten (not even with --force)');
    expect(tree(join(dir, 'out'))).toEqual(['workbook.xlsx']);
    expect(readFileSync(join(dir, 'out', 'workbook.xlsx'), 'utf8')).toBe('my own workbook');
  });

  it('refuses a DIR that is a file, or whose mail is a file', async () => {
    writeFileSync(join(dir, 'out'), 'a file');
    const run = await demo('--out', 'out', '--force');
    expect([run.code, run.err.split('\n')[0]]).toEqual([2, `ikigai demo: ${join(dir, 'out')} はフォルダではありません / ${join(dir, 'out')} is not a folder`]);
    expect(readFileSync(join(dir, 'out'), 'utf8')).toBe('a file');
    mkdirSync(join(dir, 'out2'));
    writeFileSync(join(dir, 'out2', 'mail'), 'a file');
    expect(planOut(join(dir, 'out2'), true).ok).toBe(false);
  });

  it('replaces the files its marker lists, and only paths the demo writes: a hand-edited marker cannot name others', () => {
    mkdirSync(join(dir, 'out', 'mail'), { recursive: true });
    writeFileSync(join(dir, 'out', 'workbook.xlsx'), 'demo workbook');
    writeFileSync(join(dir, 'out', 'notes.txt'), 'mine');
    writeFileSync(join(dir, 'out', MARKER), JSON.stringify({
      writtenBy: 'ikigai demo', complete: true,
      files: ['workbook.xlsx', 'mail/20150323-080000-weekly.eml', 'notes.txt', '../x.eml', 'mail/../notes.txt', '/etc/passwd', 'mail/sub/a.eml', 7],
    }));
    expect(readMarker(join(dir, 'out'))?.files).toEqual(['workbook.xlsx', 'mail/20150323-080000-weekly.eml']);
    expect(planOut(join(dir, 'out'), false)).toEqual({ ok: true, replace: ['workbook.xlsx', 'mail/20150323-080000-weekly.eml'] });
  });

  it('takes a marker it cannot read for no marker', async () => {
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', MARKER), '{not json');
    writeFileSync(join(dir, 'out', 'workbook.xlsx'), 'x');
    expect(readMarker(join(dir, 'out'))).toBeNull();
    expect((await demo('--out', 'out')).code).toBe(2);
    writeFileSync(join(dir, 'out', MARKER), JSON.stringify({ writtenBy: 'someone else', files: ['workbook.xlsx'] }));
    expect((await demo('--out', 'out', '--force')).code).toBe(2);
    expect(readFileSync(join(dir, 'out', 'workbook.xlsx'), 'utf8')).toBe('x');
    expect(existsSync(join(dir, 'out', 'mail'))).toBe(false);
  });

  it('documents --force in its usage', async () => {
    const run = await demo('--help');
    expect([run.code, run.out]).toEqual([0, expect.stringContaining('--force')]);
  });
});
