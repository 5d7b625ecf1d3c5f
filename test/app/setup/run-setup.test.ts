import { runSetup, type SetupPorts } from '../../../src/app/setup/run-setup';
import { setupTabs } from '../../../src/domain/setup/setup-tabs';
import { MemoryTableStore } from '../../../src/local/memory-table-store';
import { MemorySetupSurface } from '../../../src/local/memory-setup-surface';
import { MemoryKeyValueStore } from '../../../src/local/memory-key-value-store';
import type { TableStore } from '../../../src/app/ports';

const TABS = setupTabs([{ key: 'weekly_kpi', ja: '週次KPI', en: 'WeeklyKPI', columns: [{ key: 'week_start', ja: '週開始' }] }]);

/** Counts every write the store receives, so a second run can be shown to write nothing. */
function countingStore(inner: MemoryTableStore): { store: TableStore; writes: () => number } {
  let writes = 0;
  const store: TableStore = {
    read: (n) => inner.read(n),
    header: (n) => inner.header(n),
    tabNames: () => inner.tabNames(),
    replace: (...a) => { writes += 1; inner.replace(...a); },
    appendCells: (...a) => { writes += 1; inner.appendCells(...a); },
    writeCells: (...a) => { writes += 1; inner.writeCells(...a); },
    flush: () => undefined,
  };
  return { store, writes: () => writes };
}

function ports(inner: MemoryTableStore, email = 'kanri@kashiwa-silver.example') {
  const surface = new MemorySetupSurface(inner);
  const properties = new MemoryKeyValueStore();
  const counting = countingStore(inner);
  const p: SetupPorts = {
    surface, store: counting.store, properties, user: { email: () => email },
    clock: { now: () => new Date('2015-03-20T00:00:00Z') },
  };
  return { p, surface, properties, writes: counting.writes };
}

describe('setup on an empty workbook', () => {
  it('creates every tab of workbook.md with Japanese headers, frozen, formatted, and the runner as manager', () => {
    const inner = new MemoryTableStore();
    const { p, surface } = ports(inner);
    const result = runSetup(p, { tabs: TABS });
    expect(inner.tabNames()).toEqual([
      '設定', 'コーディネータ', '会員', '業務提供先', '仕事', '活動記録', 'マッチング', '就業実績', '就業報告', 'イベント', '申込', 'アンケート', '技能', '月次締め',
      '週次KPI', '監査ログ',
    ]);
    expect(inner.header(['会員'])?.header.slice(0, 4)).toEqual(['会員ID', '氏名', 'フリガナ', '性別']);
    expect(surface.frozen.get('会員')).toBe(1);
    // 性別 is column D: a dropdown of the four Japanese labels.
    expect(surface.formats.get('会員')).toContainEqual({ column: 4, format: { kind: 'dropdown', values: ['男性', '女性', 'その他', '未回答'] } });
    // 個人情報同意 is column Q (17th): a checkbox.
    expect(surface.formats.get('会員')).toContainEqual({ column: 17, format: { kind: 'checkbox' } });
    expect([...surface.protectedTabs].sort()).toEqual(['監査ログ', '週次KPI', '月次締め'].sort());
    expect(inner.read(['コーディネータ'])?.rows).toEqual([['kanri@kashiwa-silver.example', '', '管理者', true]]);
    const settings = inner.read(['設定'])?.rows ?? [];
    expect(settings).toContainEqual(['言語', 'ja']);
    expect(settings).toContainEqual(['週次メール曜日', '月']);
    expect(result.changed).toBe(true);
    // One audit row says what setup did, without personal data.
    expect(inner.read(['監査ログ'])?.rows[0]?.[2]).toBe('setup');
  });

  it('writes English tab names, headers and dropdown codes when the dialog chose English', () => {
    const inner = new MemoryTableStore();
    const { p, surface } = ports(inner);
    runSetup(p, { tabs: TABS, initial: { centerName: 'Kashiwa SHRC', language: 'en', weeklyDay: 2, weeklyHour: 9 } });
    expect(inner.tabNames()[2]).toBe('Members');
    expect(inner.header(['Members'])?.header[3]).toBe('gender');
    expect(surface.formats.get('Members')).toContainEqual({ column: 4, format: { kind: 'dropdown', values: ['male', 'female', 'other', 'unknown'] } });
    const settings = inner.read(['Settings'])?.rows ?? [];
    expect(settings).toContainEqual(['center_name', 'Kashiwa SHRC']);
    expect(settings).toContainEqual(['weekly_day', 'Wed']);
    expect(settings).toContainEqual(['weekly_hour', 9]);
  });

  it('changes nothing and writes nothing when run a second time', () => {
    const inner = new MemoryTableStore();
    const { p, surface, properties, writes } = ports(inner);
    runSetup(p, { tabs: TABS });
    const before = { writes: writes(), props: properties.writes, calls: { ...surface.calls } };
    const again = runSetup(p, { tabs: TABS });
    expect(again.changed).toBe(false);
    expect(writes()).toBe(before.writes);
    expect(properties.writes).toBe(before.props);
    // Only the one inspect call is new.
    expect(surface.calls).toEqual({ ...before.calls, inspect: (before.calls.inspect ?? 0) + 1 });
  });
});

describe('setup on a half set-up workbook', () => {
  it('keeps existing rows and extra columns, appends missing columns at the right end, and adds missing tabs', () => {
    const inner = MemoryTableStore.from([
      { name: 'Members', header: ['member_id', 'name', 'joined_on', '自治会'], rows: [['M1', '佐藤 茂', { date: '2010-04-01' }, '豊四季']] },
      { name: '設定', header: ['項目', '値'], rows: [['センター名', '柏市シルバー人材センター'], ['言語', 'ja']] },
      { name: 'コーディネータ', header: ['メール', '氏名', '役割', '有効'], rows: [['jc1@kashiwa-silver.example', '田中 一郎', 'コーディネータ', true]] },
    ]);
    const { p } = ports(inner);
    const result = runSetup(p, { tabs: TABS });
    const members = inner.read(['Members']);
    // The center's own four columns stay first and in their order; the 16 missing ones follow (19 - 3 = 16).
    expect(members?.header.slice(0, 4)).toEqual(['member_id', 'name', 'joined_on', '自治会']);
    expect(members?.header).toHaveLength(4 + 16);
    expect(members?.header[4]).toBe('フリガナ');
    expect(members?.rows).toEqual([['M1', '佐藤 茂', { date: '2010-04-01' }, '豊四季']]);
    expect(inner.header(['会員'])).toBeNull();
    // 設定 had 2 of the 22 keys (14 settings and 8 年度目標 rows): the 20 others are added, the center name is untouched.
    expect(inner.read(['設定'])?.rows).toHaveLength(22);
    expect(inner.read(['設定'])?.rows[0]).toEqual(['センター名', '柏市シルバー人材センター']);
    // A coordinator is already listed: nobody is added.
    expect(inner.read(['コーディネータ'])?.rows).toHaveLength(1);
    expect(result.created).not.toContain('会員');
    expect(result.columnsAdded).toEqual([{ tab: 'Members', headers: expect.any(Array) }]);
  });
});
