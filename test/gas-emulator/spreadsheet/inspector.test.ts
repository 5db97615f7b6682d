// The test-side inspector: reads without service calls, and user actions typed like in the Sheets UI.
import { SpreadsheetStore } from '../../../tools/gas-emulator/spreadsheet';
import { messageOf, OWNER, setup } from './fake-context';

describe('inspector', () => {
  it('reads the data range, formulas and display values without counting calls', () => {
    const { sheet, inspector, calls } = setup({ timeZone: 'UTC' });
    expect(inspector.sheet('Sheet1').values()).toEqual([]);
    sheet.getRange('A1:B2').setValues([
      ['id', 'total'],
      ['2026-01-05', '=1+1'],
    ]);
    calls.length = 0;
    const view = inspector.sheet('Sheet1');
    const values = view.values();
    expect(values[0]).toEqual(['id', 'total']);
    expect(values[1][0]).toBeInstanceOf(Date);
    expect((values[1][0] as Date).toISOString()).toBe('2026-01-05T00:00:00.000Z');
    expect(view.formulas()).toEqual([
      ['', ''],
      ['', '=1+1'],
    ]);
    expect(view.displayValues()).toEqual([
      ['id', 'total'],
      ['2026-01-05', '2'],
    ]);
    expect(view.cell('B2')).toMatchObject({ value: 2, formula: '=1+1', numberFormat: 'General', note: '' });
    expect(calls).toEqual([]);
  });

  it('types like a user, with the store clock for dates without a year', () => {
    const store = new SpreadsheetStore({ now: () => Date.UTC(2031, 6, 1) });
    const id = store.create({ owner: OWNER, timeZone: 'UTC' });
    const user = store.inspector(id).sheet('Sheet1');
    user.typeRow(1, ['3/4', '+1', "'+1", 'TRUE']);
    expect(user.values()).toEqual([[new Date(Date.UTC(2031, 2, 4)), 1, '+1', true]]);
    user.type('E1', '=A1+1');
    expect(user.cell('E1').value).toEqual(new Date(Date.UTC(2031, 2, 5)));
    expect(messageOf(() => user.type('A1001', 'x'))).toBe(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
  });

  it('lists, renames, inserts and deletes sheets as a user', () => {
    const { inspector, ss } = setup();
    inspector.insertSheet('Notes');
    ss.insertSheet('_staging').hideSheet();
    expect(inspector.sheetNames()).toEqual(['Sheet1', 'Notes', '_staging']);
    expect(inspector.sheet('_staging').hidden()).toBe(true);
    inspector.setSheetName('Notes', 'My notes');
    expect(inspector.hasSheet('Notes')).toBe(false);
    inspector.deleteSheet('My notes');
    expect(inspector.sheetNames()).toEqual(['Sheet1', '_staging']);
    expect(messageOf(() => inspector.insertSheet('SHEET1'))).toBe(
      'A sheet with the name "SHEET1" already exists. Please enter another name.',
    );
  });

  it('sorts below the frozen rows like Data > Sort sheet', () => {
    const { sheet, inspector } = setup();
    sheet.getRange('A1:A4').setValues([['name'], ['b'], ['c'], ['a']]);
    sheet.setFrozenRows(1);
    inspector.sheet('Sheet1').sortBy(1, false);
    expect(inspector.sheet('Sheet1').values().flat()).toEqual(['name', 'c', 'b', 'a']);
  });
});
