import { installFakes, type FakeHandles } from '../fakes';
import { PROPERTY_STORE_FULL, PROPERTY_TOO_LARGE } from '../fakes/properties-service';

// Limits of Apps Script the sign-up's red-team cases ran into, as the fakes keep them: a property
// value holds at most 9 KB (and a store 500 KB), and a one-off time-driven trigger made with
// timeBased().after(ms) stays listed after it fires, until the script deletes it.
describe('the fakes keep Apps Script limits', () => {
  let fakes: FakeHandles;
  beforeEach(() => { fakes = installFakes(globalThis); });
  afterEach(() => fakes.uninstall());

  it('refuses a property value over 9 KB (key and value in UTF-8), storing nothing, in setProperty and setProperties', () => {
    const doc = PropertiesService.getDocumentProperties();
    // 9 * 1024 = 9,216 bytes: key 'k' (1) + 9,215 ASCII characters fits; one more does not.
    doc.setProperty('k', 'x'.repeat(9215));
    expect(() => doc.setProperty('k', 'x'.repeat(9216))).toThrow(PROPERTY_TOO_LARGE);
    expect(doc.getProperty('k')).toHaveLength(9215);
    // 3,072 kanji are 9,216 bytes in UTF-8: over, with the key.
    expect(() => doc.setProperties({ a: '1', k: '漢'.repeat(3072) })).toThrow(PROPERTY_TOO_LARGE);
    expect(doc.getProperty('a')).toBeNull();
  });

  it('refuses to grow a store past 500 KB', () => {
    const doc = PropertiesService.getDocumentProperties();
    // 56 values of 9,000 bytes with 3-byte keys = 56 × 9,003 = 504,168 bytes: fits in 512,000;
    // a 57th makes 513,171.
    for (let i = 0; i < 56; i += 1) doc.setProperty(`k${String(i).padStart(2, '0')}`, 'x'.repeat(9000));
    expect(() => doc.setProperty('k56', 'x'.repeat(9000))).toThrow(PROPERTY_STORE_FULL);
    expect(doc.getKeys()).toHaveLength(56);
  });

  it('makes a one-off trigger with after(ms), listed with its delay, and refuses after with atHour or another schedule', () => {
    const t = ScriptApp.newTrigger('weeklySummaryTrigger').timeBased().after(30 * 60 * 1000).create();
    expect(fakes.triggers.installed()).toEqual([expect.objectContaining({ uniqueId: t.getUniqueId(), handler: 'weeklySummaryTrigger', eventType: 'CLOCK', afterMs: 1_800_000 })]);
    expect(ScriptApp.getProjectTriggers().map((x) => x.getUniqueId())).toEqual([t.getUniqueId()]);
    expect(() => ScriptApp.newTrigger('f').timeBased().after(1000).atHour(3).create()).toThrow(/atHour/);
    expect(() => ScriptApp.newTrigger('f').timeBased().after(1000).everyDays(1).create()).toThrow(/exactly one/);
    expect(() => ScriptApp.newTrigger('f').timeBased().after(-1)).toThrow(/Invalid argument/);
  });
});
