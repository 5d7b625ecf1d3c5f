import { loadBundle, type LoadedBundle } from './harness';
import { fyBoundaryTables } from '../app/weekly/fixture';
import { clockEvent, installTrigger } from './trigger-events';

// The weekly trigger that finds the script lock held (a sync or a burst of sign-ups running)
// tries again 30 minutes later the same day with a one-off trigger, and the run that gets through
// deletes it (Apps Script leaves a fired one-off listed); through dist/Code.js and the fakes.
function world(now: string): { bundle: LoadedBundle; weekly: string } {
  const bundle = loadBundle({ timeZone: 'Asia/Tokyo', now, activeUserEmail: 'boss@center.example' });
  const ss = bundle.fakes!.spreadsheet;
  for (const t of fyBoundaryTables()) {
    const rows = [t.header, ...t.rows];
    const width = Math.max(...rows.map((r) => r.length));
    ss.insertSheet(t.name).getRange(1, 1, rows.length, width).setValues(rows.map((r) => Array.from({ length: width }, (_, i) => {
      const c = r[i] ?? '';
      return typeof c === 'object' && c !== null ? c.date : c;
    })));
  }
  return { bundle, weekly: installTrigger(bundle, 'weeklySummaryTrigger') };
}

const oneOffs = (bundle: LoadedBundle) => bundle.fakes!.triggers.installed().filter((t) => t.afterMs !== undefined);

describe('the weekly run and a busy lock', () => {
  it('schedules one retry 30 minutes later, replaces it if that one is busy too, and the run that gets through deletes it', () => {
    const { bundle, weekly } = world('2016-04-03T23:00:00Z'); // Monday 08:00 in Tokyo
    bundle.fakes!.locks.holdElsewhere('script');
    expect(bundle.call('weeklySummaryTrigger', clockEvent(weekly))).toEqual({ status: 'locked' });
    expect(oneOffs(bundle)).toEqual([expect.objectContaining({ handler: 'weeklySummaryTrigger', afterMs: 30 * 60 * 1000 })]);
    // The retry fires (08:30) and finds the lock still held: a new one-off replaces it.
    const first = oneOffs(bundle)[0]!.uniqueId;
    bundle.setNow('2016-04-03T23:30:00Z');
    expect(bundle.call('weeklySummaryTrigger', clockEvent(first))).toEqual({ status: 'locked' });
    expect(oneOffs(bundle).map((t) => t.uniqueId)).not.toContain(first);
    expect(oneOffs(bundle)).toHaveLength(1);
    // 09:00: the lock is free; the retry sends the week and leaves only the weekly trigger.
    bundle.fakes!.locks.releaseElsewhere('script');
    bundle.setNow('2016-04-04T00:00:00Z');
    expect(bundle.call('weeklySummaryTrigger', clockEvent(oneOffs(bundle)[0]!.uniqueId))).toMatchObject({ status: 'sent', recipients: 3 });
    expect(bundle.fakes!.triggers.installed().map((t) => [t.handler, t.afterMs])).toEqual([['weeklySummaryTrigger', undefined]]);
    expect(bundle.fakes!.mail.sent).toHaveLength(1);
  });

  it('schedules none that would land the next day (the week then goes with next week\'s)', () => {
    const { bundle, weekly } = world('2016-04-04T14:45:00Z'); // Monday 23:45 in Tokyo
    bundle.fakes!.locks.holdElsewhere('script');
    expect(bundle.call('weeklySummaryTrigger', clockEvent(weekly))).toEqual({ status: 'locked' });
    expect(oneOffs(bundle)).toEqual([]);
  });
});
