import { createSidebarApi } from '../../../src/app/sidebar/sidebar-api';
import type { ApiResult } from '../../../src/app/shared/api-types';
import { MemoryTableStore } from '../../../src/local/memory-table-store';
import { englishSidebarTables } from '../../browser/english-fixture';
import { COORDINATOR, MANAGER, VIEWER, sidebarPorts } from '../sidebar/sidebar-fixture';

// 開拓 from the sidebar: a new client (業務提供先) and a new job (仕事) for it, with memory ports.
function ok<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
  return r.data;
}

const quietLog = (): void => undefined;
const facility = { name: 'さくら苑', sector: 'welfare', district: '柏', contact_person: '山田 施設長', phone: '04-7100-0001' };
const cleaning = {
  client_id: 'C001', title: '食堂の清掃', category: '清掃', engagement: 'contract', required_skills: ['清掃'],
  slots: ['Wed-AM', 'Mon-AM'], headcount: 2, start_on: '2025-07-01', social_contribution: true,
};

describe('registering a client developed on a visit', () => {
  test('appends one 業務提供先 row under its headers, numbered after the highest C ID, dated today, by the caller', () => {
    const ports = sidebarPorts();
    const out = ok(createSidebarApi(ports, quietLog).registerClient(facility));
    // The fixture holds C001 and C002: the counter is seeded to 2, so this is C0003 (four digits).
    expect(out).toEqual({ client: { id: 'C0003', name: 'さくら苑' }, developed_on: '2025-06-11' });
    const rows = ports.store.read(['業務提供先'])?.rows ?? [];
    expect(rows).toHaveLength(3);
    // No email given: the cell is left empty (null), not written as ''.
    expect(rows[2]).toEqual(['C0003', 'さくら苑', '福祉施設', '柏', '山田 施設長', '04-7100-0001', null, { date: '2025-06-11' }, COORDINATOR]);
    expect(ports.props.get('ikigai.last_id.clients')).toBe('3');
  });

  test('takes the date the person gives, and a manager may register too', () => {
    const ports = sidebarPorts(MANAGER);
    const out = ok(createSidebarApi(ports, quietLog).registerClient({ name: '柏第二商事', developed_on: '2025-06-02' }));
    expect(out.developed_on).toBe('2025-06-02');
    // Sector, district, contact, phone and email not given: empty cells, none written as ''.
    expect(ports.store.read(['業務提供先'])?.rows[2]).toEqual(['C0003', '柏第二商事', null, null, null, null, null, { date: '2025-06-02' }, MANAGER]);
  });

  test('gives each client its own ID and reads the ID column of 業務提供先 only to seed the counter', () => {
    const ports = sidebarPorts();
    const api = createSidebarApi(ports, quietLog);
    const columns: number[][] = [];
    const readColumns = ports.store.readColumns.bind(ports.store);
    ports.store.readColumns = (names, pick) => readColumns(names, (header) => { const w = pick(header); columns.push([...w]); return w; });
    const ids = [1, 2, 3].map(() => ok(api.registerClient(facility)).client.id);
    expect(ids).toEqual(['C0003', 'C0004', 'C0005']);
    expect(columns).toEqual([[0]]);
  });

  test('keeps the client’s extra columns and its own column order', () => {
    const ports = sidebarPorts();
    ports.store.replace('業務提供先', ['名称', '提供先ID', '紹介元', '業種', '開拓日', '開拓担当'], [['ひまわり園', 'C001', '市役所', '福祉施設', { date: '2024-04-10' }, COORDINATOR]]);
    ok(createSidebarApi(ports, quietLog).registerClient(facility));
    expect(ports.store.read(['業務提供先'])?.rows[1]).toEqual(['さくら苑', 'C0002', null, '福祉施設', { date: '2025-06-11' }, COORDINATOR]);
  });

  test('refuses a viewer and a stranger, writing nothing and taking no lock', () => {
    for (const [email, code] of [[VIEWER, 'read_only'], ['stranger@example.com', 'unknown_user']] as const) {
      const ports = sidebarPorts(email);
      const api = createSidebarApi(ports, quietLog);
      expect(api.registerClient(facility)).toMatchObject({ ok: false, code });
      expect(api.registerJob(cleaning)).toMatchObject({ ok: false, code });
      expect(ports.store.read(['業務提供先'])?.rows).toHaveLength(2);
      expect(ports.store.read(['仕事'])?.rows).toHaveLength(2);
      expect(ports.store.read(['監査ログ'])?.rows).toHaveLength(0);
      expect(ports.lock.tries).toBe(0);
    }
  });

  test('refuses a client without a name, an unknown sector and a bad date, naming the fields', () => {
    const ports = sidebarPorts();
    const r = createSidebarApi(ports, quietLog).registerClient({ name: '  ', sector: 'farm', developed_on: '2025-02-30' });
    expect(r.ok ? '' : r.message).toMatch(/^入力を確認してください: .*name.*sector.*developed_on/);
    expect(ports.lock.tries).toBe(0);
  });

  test('keeps a formula typed as a name as text, and audits the ID and sector only', () => {
    const ports = sidebarPorts();
    ok(createSidebarApi(ports, quietLog).registerClient({ ...facility, name: '=IMPORTXML("http://evil.example","//a")', contact_person: '+81 山田' }));
    const row = ports.store.read(['業務提供先'])?.rows[2] ?? [];
    expect(row[1]).toBe('\'=IMPORTXML("http://evil.example","//a")');
    expect(row[4]).toBe("'+81 山田");
    const audit = ports.store.read(['監査ログ'])?.rows ?? [];
    expect(audit).toEqual([[{ date: '2025-06-11T10:00:00' }, COORDINATOR, 'register_client', '業務提供先', 'C0003', 'sector=welfare developed_on=2025-06-11']]);
    expect(JSON.stringify(audit)).not.toMatch(/山田|04-7100|IMPORTXML/);
  });
});

describe('registering a job for a client', () => {
  test('appends one 仕事 row: slots in week order as 月AM、水AM, 募集中, today, the caller as 担当', () => {
    const ports = sidebarPorts();
    const out = ok(createSidebarApi(ports, quietLog).registerJob(cleaning));
    // The fixture's jobs are J001 and J002: J0003.
    expect(out).toEqual({
      // A new job: both slots open, 2 places in each.
      job: {
        id: 'J0003', title: '食堂の清掃', client_id: 'C001', client_name: 'ひまわり園', status: 'open', slots: ['Mon-AM', 'Wed-AM'], headcount: 2,
        open_slots: ['Mon-AM', 'Wed-AM'], places_left: 4,
      },
      created_on: '2025-06-11',
    });
    const rows = ports.store.read(['仕事'])?.rows ?? [];
    // No district given: the client's (ひまわり園, 柏). No end date or pay: empty cells (null), not ''.
    expect(rows[2]).toEqual(['J0003', 'C001', '食堂の清掃', '清掃', '請負', '清掃', '月AM、水AM', 2, '柏', { date: '2025-07-01' }, null, null, true, '募集中', { date: '2025-06-11' }, COORDINATOR]);
  });

  test('writes 単価 and 単価区分 when given and the tab has them (the monthly close\'s pricing), and refuses a negative 単価', () => {
    const ports = sidebarPorts();
    const jobs = ports.store.read(['仕事'])!;
    ports.store.replace('仕事', [...jobs.header, '単価', '単価区分'], jobs.rows.map((r) => [...r, null, null]));
    ok(createSidebarApi(ports, quietLog).registerJob({ ...cleaning, unit_price: 1050, unit: 'hour' }));
    expect(ports.store.read(['仕事'])?.rows[2]?.slice(-2)).toEqual([1050, '時間']);
    ok(createSidebarApi(ports, quietLog).registerJob({ ...cleaning, unit_price: 3500, unit: 'day' }));
    expect(ports.store.read(['仕事'])?.rows[3]?.slice(-2)).toEqual([3500, '日']);
    // None given: both cells left empty (a job priced later by hand).
    ok(createSidebarApi(ports, quietLog).registerJob(cleaning));
    expect(ports.store.read(['仕事'])?.rows[4]?.slice(-2)).toEqual([null, null]);
    expect(createSidebarApi(ports, quietLog).registerJob({ ...cleaning, unit_price: -1 })).toMatchObject({ ok: false, code: 'bad_input' });
    expect(ports.store.read(['仕事'])?.rows).toHaveLength(5);
  });

  test('marks a job still being put to the client as 提案中, with one person by default', () => {
    const ports = sidebarPorts();
    const out = ok(createSidebarApi(ports, quietLog).registerJob({ client_id: 'C002', title: '受付', status: 'proposed' }));
    expect(out.job).toMatchObject({ status: 'proposed', headcount: 1, slots: [] });
    const row = ports.store.read(['仕事'])?.rows[2] ?? [];
    // No engagement and no slots: both cells left empty.
    expect([row[4], row[6], row[7], row[12], row[13]]).toEqual([null, null, 1, false, '提案中']);
  });

  test('is in the next bootstrap’s job list, so the マッチング panel can rank candidates for it', () => {
    const ports = sidebarPorts();
    const api = createSidebarApi(ports, quietLog);
    ok(api.registerJob(cleaning));
    // Every job not closed, in sheet order (the new one last); listJobs sorts them for the picker.
    expect(ok(api.sidebarBootstrap()).jobs.map((j) => j.id)).toEqual(['J001', 'J002', 'J0003']);
    // M001 and M002 both work Mon-AM and Wed-AM and know 清掃.
    expect(ok(api.listCandidates('J0003')).candidates.map((c) => c.member_id)).toEqual(expect.arrayContaining(['M001', 'M002']));
  });

  test('refuses a job for a client 業務提供先 does not hold, reading only 提供先ID…地区 there (one run of columns)', () => {
    const ports = sidebarPorts();
    const columns: number[][] = [];
    const readColumns = ports.store.readColumns.bind(ports.store);
    ports.store.readColumns = (names, pick) => readColumns(names, (header) => { const w = pick(header); if (names[0] === '業務提供先') columns.push([...w]); return w; });
    const read = jest.spyOn(ports.store, 'read');
    const r = createSidebarApi(ports, quietLog).registerJob({ ...cleaning, client_id: 'C999' });
    expect(r).toEqual({ ok: false, code: 'not_found', message: '提供先「C999」が見つかりません。シートを確認してください。' });
    expect(columns).toEqual([[0, 1, 2, 3]]);
    expect(read.mock.calls.map((c) => c[0][0])).not.toContain('業務提供先');
    expect(ports.store.read(['仕事'])?.rows).toHaveLength(2);
    expect(ports.store.read(['監査ログ'])?.rows).toHaveLength(0);
  });

  test('accepts a client registered a moment before', () => {
    const ports = sidebarPorts();
    const api = createSidebarApi(ports, quietLog);
    const client = ok(api.registerClient(facility)).client.id;
    expect(ok(api.registerJob({ ...cleaning, client_id: client })).job.client_id).toBe('C0003');
  });

  test('refuses no headcount, an unknown slot, an unknown engagement and an end before the start', () => {
    const ports = sidebarPorts();
    const api = createSidebarApi(ports, quietLog);
    const r = api.registerJob({ ...cleaning, headcount: 0, slots: ['Mon-AM', '月AM'], engagement: 'volunteer' });
    expect(r.ok ? '' : r.message).toMatch(/headcount/);
    expect(r.ok ? '' : r.message).toMatch(/slots/);
    expect(r.ok ? '' : r.message).toMatch(/engagement/);
    const ends = api.registerJob({ ...cleaning, end_on: '2025-06-30' });
    expect(ends.ok ? '' : ends.message).toMatch(/end_on/);
    expect(ports.lock.tries).toBe(0);
  });

  test('keeps formulas in the title and skills as text, and audits IDs and codes only', () => {
    const ports = sidebarPorts();
    ok(createSidebarApi(ports, quietLog).registerJob({ ...cleaning, title: '=HYPERLINK("http://evil.example","x")', required_skills: ['@SUM(A1)', '清掃'], pay: '-1' }));
    const row = ports.store.read(['仕事'])?.rows[2] ?? [];
    expect(row[2]).toBe('\'=HYPERLINK("http://evil.example","x")');
    expect(row[5]).toBe("'@SUM(A1)、清掃");
    expect(row[11]).toBe("'-1");
    const audit = ports.store.read(['監査ログ'])?.rows ?? [];
    expect(audit).toEqual([[{ date: '2025-06-11T10:00:00' }, COORDINATOR, 'register_job', '仕事', 'J0003', 'client=C001 status=open engagement=contract slots=Mon-AM,Wed-AM headcount=2']]);
    expect(JSON.stringify(audit)).not.toMatch(/HYPERLINK|食堂/);
  });
});

describe('an English workbook', () => {
  test('gets the English codes and slot codes in its Clients and Jobs tabs, and answers in English', () => {
    const ports = sidebarPorts(COORDINATOR, MemoryTableStore.from(englishSidebarTables()));
    const api = createSidebarApi(ports, quietLog);
    const client = ok(api.registerClient({ ...facility, name: 'Sakura Home', district: 'Kashiwa' }));
    expect(client.client.id).toBe('C0003');
    expect(ports.store.read(['Clients'])?.rows[2]).toEqual(['C0003', 'Sakura Home', 'welfare', 'Kashiwa', '山田 施設長', '04-7100-0001', null, { date: '2025-06-11' }, COORDINATOR]);
    ok(api.registerJob({ ...cleaning, client_id: 'C0003', title: 'Canteen cleaning', required_skills: ['cleaning', 'cooking'], status: 'proposed' }));
    const row = ports.store.read(['Jobs'])?.rows[2] ?? [];
    // Lists in an English tab are written as a person types them, `, ` between items
    // (record-cells.ts listSeparator); the parser reads them back either way.
    expect([row[0], row[4], row[5], row[6], row[13]]).toEqual(['J0003', 'contract', 'cleaning, cooking', 'Mon-AM, Wed-AM', 'proposed']);
    expect(ports.store.read(['AuditLog'])?.rows.map((r) => r[3])).toEqual(['Clients', 'Jobs']);
    const unknown = api.registerJob({ ...cleaning, client_id: 'C404' });
    expect(unknown.ok ? '' : unknown.message).toBe('Client "C404" was not found. Check the sheet.');
  });
});
