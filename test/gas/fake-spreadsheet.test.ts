import { installFakes, type FakeHandles, FORMULA_VALUE } from '../fakes';

// The fakes must behave like Google's services where our adapters depend on it; these tests pin
// that behaviour down through the fake's own API, as a script would use it.
describe('the SpreadsheetApp fake', () => {
  let fakes: FakeHandles;
  beforeEach(() => { fakes = installFakes(globalThis); });
  afterEach(() => fakes.uninstall());

  const sheet = (): GoogleAppsScript.Spreadsheet.Sheet => SpreadsheetApp.getActiveSpreadsheet().insertSheet('会員');

  it('reports 0 as the last row and column of an empty sheet and A1 as its data range', () => {
    const s = sheet();
    expect(s.getLastRow()).toBe(0);
    expect(s.getLastColumn()).toBe(0);
    expect(s.getDataRange().getA1Notation()).toBe('A1');
    expect(s.getDataRange().getValues()).toEqual([['']]);
  });

  it('addresses ranges from 1 and in A1 notation alike', () => {
    const s = sheet();
    s.getRange(2, 3, 2, 2).setValues([[1, 2], [3, 4]]);
    expect(s.getRange('C2:D3').getValues()).toEqual([[1, 2], [3, 4]]);
    expect(s.getRange(2, 3).getA1Notation()).toBe('C2');
    expect(s.getLastRow()).toBe(3);
    expect(s.getLastColumn()).toBe(4);
    expect(s.getDataRange().getValues()).toEqual([['', '', '', ''], ['', '', 1, 2], ['', '', 3, 4]]);
  });

  it('refuses data of the wrong shape with the message Google gives', () => {
    const s = sheet();
    expect(() => s.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.');
    expect(() => s.getRange(1, 1, 1, 2).setValues([[1, 2, 3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.');
  });

  it('refuses a range outside the sheet, which starts with 1,000 rows and 26 columns', () => {
    const s = sheet();
    expect(s.getMaxRows()).toBe(1000);
    expect(() => s.getRange(1000, 1, 2, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => s.getRange(1, 27)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    s.insertRowsAfter(1000, 5);
    expect(s.getRange(1000, 1, 6, 1).getNumRows()).toBe(6);
  });

  it('inserts any number of rows at once, moving the rows below down', () => {
    const s = sheet();
    s.getRange(1, 1, 3, 1).setValues([['a'], ['b'], ['c']]);
    s.insertRowsAfter(1, 2);
    expect(s.getRange(1, 1, 5, 1).getValues()).toEqual([['a'], [''], [''], ['b'], ['c']]);
    // 600,000 rows in one call (past ~100,000 a spread into splice's arguments overflowed the stack).
    s.insertRowsAfter(s.getMaxRows(), 600_000);
    expect(s.getMaxRows()).toBe(601_002);
    s.getRange(601_002, 1).setValue('z');
    expect(s.getLastRow()).toBe(601_002);
  });

  it('reads strings the way Sheets does when a person types them', () => {
    const s = sheet();
    s.getRange(1, 1, 1, 7).setValues([['42', 'TRUE', '2015-04-01', '2015/4/1', "'=1+1", '=1+1', 'こんにちは']]);
    const [row] = s.getRange(1, 1, 1, 7).getValues() as [unknown[]];
    expect(row.slice(0, 2)).toEqual([42, true]);
    // 2015-04-01 00:00 in Tokyo is 2015-03-31 15:00 UTC.
    expect((row[2] as Date).toISOString()).toBe('2015-03-31T15:00:00.000Z');
    expect((row[3] as Date).toISOString()).toBe('2015-03-31T15:00:00.000Z');
    expect(row[4]).toBe('=1+1');
    expect(row[5]).toBe(FORMULA_VALUE);
    expect(row[6]).toBe('こんにちは');
    expect(s.getRange(1, 5, 1, 2).getFormulas()).toEqual([['', '=1+1']]);
  });

  it('gives back the very instant of a Date it was given', () => {
    const s = sheet();
    const when = new Date('2015-06-30T23:30:00Z');
    s.getRange('A1').setValue(when);
    const back = s.getRange('A1').getValue() as Date;
    expect(back).toBeInstanceOf(Date);
    expect(back.getTime()).toBe(when.getTime());
    expect(back).not.toBe(when);
  });

  it('appends after the last row and deletes rows', () => {
    const s = sheet();
    s.appendRow(['ID', '氏名']);
    s.appendRow(['M001', '山田']);
    s.appendRow(['M002', '佐藤']);
    s.deleteRows(2, 1);
    expect(s.getDataRange().getValues()).toEqual([['ID', '氏名'], ['M002', '佐藤']]);
    expect(s.getMaxRows()).toBe(999);
  });

  it('finds sheets by name, null when missing, and refuses a duplicate name', () => {
    const ss = SpreadsheetApp.getActive();
    sheet();
    expect(ss.getSheetByName('会員')?.getName()).toBe('会員');
    expect(ss.getSheetByName('ない')).toBeNull();
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['シート1', '会員']);
    expect(() => ss.insertSheet('会員')).toThrow('A sheet with the name "会員" already exists. Please enter another name.');
  });

  it('keeps frozen rows, validation, number formats, checkboxes and protections', () => {
    const s = sheet();
    s.setFrozenRows(1);
    expect(s.getFrozenRows()).toBe(1);
    const rule = SpreadsheetApp.newDataValidation().requireValueInList(['正会員', '休会'], true).setAllowInvalid(false).build();
    s.getRange('B2:B3').setDataValidation(rule);
    expect(s.getRange('B3').getDataValidation()?.getCriteriaValues()).toEqual([['正会員', '休会'], true]);
    expect(String(s.getRange('B3').getDataValidation()?.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(s.getRange('B2').getDataValidation()?.getAllowInvalid()).toBe(false);
    s.getRange('C2:C3').insertCheckboxes();
    expect(s.getRange('C2:C3').getValues()).toEqual([[false], [false]]);
    expect(String(s.getRange('C2').getDataValidation()?.getCriteriaType())).toBe('CHECKBOX');
    s.getRange('D2:D3').setNumberFormat('yyyy-mm-dd');
    expect(s.getRange('D3').getNumberFormat()).toBe('yyyy-mm-dd');
    s.protect().setDescription('自動作成').setWarningOnly(true);
    const [p] = s.getProtections(SpreadsheetApp.ProtectionType.SHEET);
    expect(p?.getDescription()).toBe('自動作成');
    expect(p?.isWarningOnly()).toBe(true);
  });

  it('lets only a protection\'s editors write once its editors were changed; warning-only lets every user write', () => {
    // As Apps Script documents Sheet.protect: until the editors change, the protection mirrors the
    // spreadsheet's own permissions (no one who may edit the spreadsheet is stopped).
    fakes.actAs('kanri@example.jp');
    const s = sheet();
    const p = s.protect();
    fakes.actAs('jc@example.jp');
    expect(p.canEdit()).toBe(true);
    s.getRange('A1').setValue('まだ書ける');
    // The manager keeps it to themself: the coordinator's write now fails with Sheets' message,
    // a cell, a row, a deletion alike; the manager (its creator, always an editor) still writes.
    fakes.actAs('kanri@example.jp');
    p.removeEditors(['jc@example.jp']);
    expect(p.getEditors().map((u) => u.getEmail())).toEqual(['kanri@example.jp']);
    fakes.actAs('jc@example.jp');
    expect(p.canEdit()).toBe(false);
    const refused = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';
    expect(() => s.getRange('A2').setValues([['x']])).toThrow(refused);
    expect(() => s.appendRow(['x'])).toThrow(refused);
    expect(() => s.deleteRows(1, 1)).toThrow(refused);
    expect(s.getRange('A1:A2').getValues()).toEqual([['まだ書ける'], ['']]);
    fakes.actAs('kanri@example.jp');
    s.getRange('A2').setValue('管理者');
    // Warning only (the add-in's own tabs): every user writes; the warning is the UI's.
    p.setWarningOnly(true);
    fakes.actAs('jc@example.jp');
    expect(p.canEdit()).toBe(true);
    s.getRange('A3').setValue('警告のみ');
    p.addEditor('jc@example.jp');
    expect(p.getEditors().map((u) => u.getEmail())).toEqual(['kanri@example.jp', 'jc@example.jp']);
    p.remove();
    expect(s.getProtections(SpreadsheetApp.ProtectionType.SHEET)).toEqual([]);
  });

  it('throws on any method it does not implement', () => {
    const s = sheet();
    expect(() => (s as unknown as { autoResizeColumn(c: number): void }).autoResizeColumn(1)).toThrow('not implemented in fake: Sheet.autoResizeColumn');
    expect(() => s.getRange('A1').setFontWeight('bold')).toThrow('not implemented in fake: Range.setFontWeight');
  });

  it('counts every call and every cell read and written', () => {
    const s = sheet();
    fakes.log.reset();
    s.getRange(1, 1, 3, 2).setValues([[1, 2], [3, 4], [5, 6]]);
    s.getDataRange().getValues();
    const snap = fakes.log.snapshot();
    expect(snap.byMethod).toEqual({ 'Range.getValues': 1, 'Range.setValues': 1, 'Sheet.getDataRange': 1, 'Sheet.getRange': 1 });
    expect(snap.total).toBe(4);
    expect(snap.roundTrips).toBe(2);
    expect(snap.lookups).toBe(2);
    expect(snap.cellsWritten).toBe(6);
    expect(snap.cellsRead).toBe(6);
  });
});
