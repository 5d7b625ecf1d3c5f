import { installFakes, type FakeHandles } from '../fakes';
import { ScriptAppTriggers } from '../../src/gas/script-app-triggers';

describe('ScriptAppTriggers', () => {
  let fakes: FakeHandles;
  let triggers: ScriptAppTriggers;
  beforeEach(() => {
    fakes = installFakes(globalThis);
    triggers = new ScriptAppTriggers(() => 'Asia/Tokyo', () => SpreadsheetApp.getActiveSpreadsheet());
  });
  afterEach(() => fakes.uninstall());

  const installed = (): unknown[] => fakes.triggers.installed().map(({ uniqueId: _id, ...rest }) => rest);

  it('installs a weekly trigger on the weekday and hour asked for, in the center\'s zone', () => {
    triggers.replace({ handler: 'weeklySummary', kind: 'weekly', weekday: 0, hour: 8 });
    expect(installed()).toEqual([{ handler: 'weeklySummary', eventType: 'CLOCK', source: 'CLOCK', sourceId: '', weekDay: 'MONDAY', atHour: 8, timeZone: 'Asia/Tokyo' }]);
  });

  it('runs a clock trigger in the zone the spec names, when it names one', () => {
    triggers.replace({ handler: 'weeklySummary', kind: 'weekly', weekday: 6, hour: 20, timeZone: 'Asia/Sapporo' });
    expect(fakes.triggers.installed()[0]).toMatchObject({ weekDay: 'SUNDAY', atHour: 20, timeZone: 'Asia/Sapporo' });
  });

  it('installs daily, nightly (2 o\'clock) and form-submit triggers', () => {
    triggers.replace({ handler: 'sendReminders', kind: 'daily', hour: 7 });
    triggers.replace({ handler: 'nightlySync', kind: 'nightly' });
    triggers.replace({ handler: 'onSignup', kind: 'form_submit' });
    expect(installed()).toEqual([
      { handler: 'sendReminders', eventType: 'CLOCK', source: 'CLOCK', sourceId: '', everyDays: 1, atHour: 7, timeZone: 'Asia/Tokyo' },
      { handler: 'nightlySync', eventType: 'CLOCK', source: 'CLOCK', sourceId: '', everyDays: 1, atHour: 2, timeZone: 'Asia/Tokyo' },
      { handler: 'onSignup', eventType: 'ON_FORM_SUBMIT', source: 'SPREADSHEETS', sourceId: 'fake-spreadsheet-id' },
    ]);
  });

  it('installs the spreadsheet\'s edit and change triggers, and lists them, also when installed by hand', () => {
    triggers.replace({ handler: 'onDeskEdit', kind: 'on_edit' });
    triggers.replace({ handler: 'onDeskChange', kind: 'on_change' });
    expect(installed()).toEqual([
      { handler: 'onDeskEdit', eventType: 'ON_EDIT', source: 'SPREADSHEETS', sourceId: 'fake-spreadsheet-id' },
      { handler: 'onDeskChange', eventType: 'ON_CHANGE', source: 'SPREADSHEETS', sourceId: 'fake-spreadsheet-id' },
    ]);
    ScriptApp.newTrigger('editByHand').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create();
    ScriptApp.newTrigger('changeByHand').forSpreadsheet(SpreadsheetApp.getActive()).onChange().create();
    expect(triggers.list()).toEqual([
      { handler: 'onDeskEdit', kind: 'on_edit' }, { handler: 'onDeskChange', kind: 'on_change' },
      { handler: 'editByHand', kind: 'on_edit' }, { handler: 'changeByHand', kind: 'on_change' },
    ]);
  });

  it('never leaves two triggers for one handler', () => {
    triggers.replace({ handler: 'weeklySummary', kind: 'weekly', weekday: 0, hour: 8 });
    triggers.replace({ handler: 'weeklySummary', kind: 'weekly', weekday: 4, hour: 17 });
    expect(installed()).toEqual([{ handler: 'weeklySummary', eventType: 'CLOCK', source: 'CLOCK', sourceId: '', weekDay: 'FRIDAY', atHour: 17, timeZone: 'Asia/Tokyo' }]);
    expect(triggers.list()).toEqual([{ handler: 'weeklySummary', kind: 'weekly', weekday: 4, hour: 17 }]);
  });

  it('lists what it installed, and a trigger installed by hand by its event type', () => {
    triggers.replace({ handler: 'nightlySync', kind: 'nightly' });
    ScriptApp.newTrigger('byHand').timeBased().everyHours(1).create();
    ScriptApp.newTrigger('byHandForm').forSpreadsheet(SpreadsheetApp.getActive()).onFormSubmit().create();
    expect(triggers.list()).toEqual([
      { handler: 'nightlySync', kind: 'nightly' },
      { handler: 'byHand', kind: 'daily' },
      { handler: 'byHandForm', kind: 'form_submit' },
    ]);
  });

  it('removes every trigger of a handler and nothing else', () => {
    triggers.replace({ handler: 'a', kind: 'nightly' });
    triggers.replace({ handler: 'b', kind: 'daily', hour: 9 });
    triggers.remove('a');
    expect(fakes.triggers.installed().map((t) => t.handler)).toEqual(['b']);
    expect(triggers.list()).toEqual([{ handler: 'b', kind: 'daily', hour: 9 }]);
  });
});
