// Range.copyTo and Range.sort: what moves, how formulas follow, and Sheets' sort order.
import { messageOf, setup } from './fake-context';

describe('copyTo', () => {
  it('copies values and formulas with relative references moved, and expands a one-cell destination', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C2').setValues([
      [1, 2, '=A1+B1'],
      [3, 4, '=A2+$B$1'],
    ]);
    sheet.getRange('A1:C2').copyTo(sheet.getRange('A5'));
    expect(sheet.getRange('A5:C6').getFormulas()).toEqual([
      ['', '', '=A5+B5'],
      ['', '', '=A6+$B$1'],
    ]);
    expect(sheet.getRange('A5:C6').getValues()).toEqual([
      [1, 2, 3],
      [3, 4, 5],
    ]);
  });

  it('with contentsOnly keeps the destination formats; by default brings the source formats', () => {
    const { sheet, ss } = setup();
    const target = ss.insertSheet('Target');
    sheet
      .getRange('A1:B1')
      .setValues([['x', 0.5]])
      .setNumberFormat('0%')
      .setFontWeight('bold');
    target.getRange('A1:B1').setNumberFormat('0.00');
    sheet.getRange('A1:B1').copyTo(target.getRange('A1'), { contentsOnly: true });
    expect(target.getRange('A1:B1').getValues()).toEqual([['x', 0.5]]);
    expect(target.getRange('A1:B1').getNumberFormats()).toEqual([['0.00', '0.00']]);
    expect(target.getRange('A1:B1').getDisplayValues()).toEqual([['x', '0.50']]);
    sheet.getRange('A1:B1').copyTo(target.getRange('A2'));
    expect(target.getRange('A2:B2').getNumberFormats()).toEqual([['0%', '0%']]);
  });

  it('with contentsOnly a date lands as its serial number unless the target cell has a date format', () => {
    const { sheet, realm } = setup({ timeZone: 'UTC' });
    sheet.getRange('A1').setValue(new realm.Date(Date.UTC(2026, 0, 5)));
    sheet.getRange('C1').setNumberFormat('yyyy-mm-dd');
    sheet.getRange('A1').copyTo(sheet.getRange('B1'), { contentsOnly: true });
    sheet.getRange('A1').copyTo(sheet.getRange('C1'), { contentsOnly: true });
    expect(sheet.getRange('B1').getValue()).toBe(46027);
    expect(sheet.getRange('C1').getDisplayValue()).toBe('2026-01-05');
  });

  it('copies text that looks like a formula as text', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue("'=HYPERLINK(1)");
    sheet.getRange('A1').copyTo(sheet.getRange('B1'), { contentsOnly: true });
    expect(sheet.getRange('B1').getFormula()).toBe('');
    expect(sheet.getRange('B1').getValue()).toBe('=HYPERLINK(1)');
  });

  it('refuses destinations outside the grid or in another spreadsheet', () => {
    const { sheet, store, ctx, app } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    expect(messageOf(() => sheet.getRange('A1:A3').copyTo(sheet.getRange('B999')))).toBe(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    const otherId = store.create({ owner: ctx.user });
    const other = app.openById(otherId);
    expect(messageOf(() => sheet.getRange('A1').copyTo(other.getSheets()[0].getRange('A1')))).toBe(
      'Target range and source range must be on the same spreadsheet.',
    );
  });
});

describe('sort', () => {
  function data() {
    const s = setup();
    s.sheet.getRange('A1:B7').setValues([
      ['b', 2],
      ['', 9],
      ['A', 1],
      [10, 3],
      [true, 4],
      ['a', 5],
      [2, 6],
    ]);
    return s;
  }

  it('orders numbers, then text case-insensitively, then booleans, blanks last; stable', () => {
    const { sheet } = data();
    sheet.getRange('A1:B7').sort(1);
    expect(sheet.getRange('A1:B7').getValues()).toEqual([
      [2, 6],
      [10, 3],
      ['A', 1],
      ['a', 5],
      ['b', 2],
      [true, 4],
      ['', 9],
    ]);
  });

  it('sorts descending by a spec object, keeping blanks last', () => {
    const { sheet } = data();
    sheet.getRange('A1:B7').sort({ column: 2, ascending: false });
    expect(sheet.getRange('B1:B7').getValues().flat()).toEqual([9, 6, 5, 4, 3, 2, 1]);
    sheet.getRange('A1:B7').sort([{ column: 1, ascending: false }]);
    expect(sheet.getRange('A7').getValue()).toBe('');
    expect(sheet.getRange('A1').getValue()).toBe(true);
  });

  it('moves formulas with their rows', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B3').setValues([
      [3, '=A1*10'],
      [1, '=A2*10'],
      [2, '=A3*10'],
    ]);
    sheet.getRange('A1:B3').sort(1);
    expect(sheet.getRange('A1:B3').getValues()).toEqual([
      [1, 10],
      [2, 20],
      [3, 30],
    ]);
    expect(sheet.getRange('B1').getFormula()).toBe('=A1*10');
  });

  it('refuses a sort column outside the range', () => {
    const { sheet } = data();
    expect(messageOf(() => sheet.getRange('A1:B7').sort(3))).toMatch(/outside the range/);
  });
});

describe('sort of part of the rows', () => {
  it('moves only the range columns, with their formats', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C3').setValues([
      ['c', 3, 'stay 1'],
      ['a', 1, 'stay 2'],
      ['b', 2, 'stay 3'],
    ]);
    sheet.getRange('B2').setNumberFormat('0.00');
    sheet.getRange('A1:B3').sort(1);
    expect(sheet.getRange('A1:C3').getValues()).toEqual([
      ['a', 1, 'stay 1'],
      ['b', 2, 'stay 2'],
      ['c', 3, 'stay 3'],
    ]);
    expect(sheet.getRange('B1:B3').getNumberFormats().flat()).toEqual(['0.00', 'General', 'General']);
  });
});
