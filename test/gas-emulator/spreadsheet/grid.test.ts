// Sheet geometry: getRange forms and errors, content extent vs range ends, rows and columns, appendRow, limits.
import { messageOf, setup } from './fake-context';

describe('getRange', () => {
  it('accepts numeric and A1 forms, including other sheets and open ranges', () => {
    const { sheet, ss } = setup();
    ss.insertSheet('My data');
    expect(sheet.getRange(2, 3).getA1Notation()).toBe('C2');
    expect(sheet.getRange(2, 3, 4).getA1Notation()).toBe('C2:C5');
    expect(sheet.getRange(2, 3, 4, 2).getA1Notation()).toBe('C2:D5');
    expect(sheet.getRange('b2:d4').getA1Notation()).toBe('B2:D4');
    const other = sheet.getRange("'My data'!A1:B2");
    expect(other.getSheet().getName()).toBe('My data');
    expect(sheet.getRange('A:C').getNumRows()).toBe(1000);
    expect(sheet.getRange('2:5').getNumColumns()).toBe(26);
    expect(sheet.getRange('A2:C').getA1Notation()).toBe('A2:C1000');
    expect(ss.getRange('Sheet1!B3').getRow()).toBe(3);
  });

  it('refuses coordinates outside the grid and bad sizes with Google texts', () => {
    const { sheet } = setup();
    expect(messageOf(() => sheet.getRange(1001, 1))).toBe(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(messageOf(() => sheet.getRange(1, 26, 1, 2))).toBe(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(messageOf(() => sheet.getRange(0, 1))).toBe('The starting row of the range is too small.');
    expect(messageOf(() => sheet.getRange(1, 0))).toBe('The starting column of the range is too small.');
    expect(messageOf(() => sheet.getRange(1, 1, 0, 1))).toBe('The number of rows in the range must be at least 1.');
    expect(messageOf(() => sheet.getRange(1, 1, 1, 0))).toBe('The number of columns in the range must be at least 1.');
    expect(messageOf(() => sheet.getRange('nonsense here'))).toBe('Range not found');
    expect(messageOf(() => (sheet.getRange as (...args: unknown[]) => unknown)('1', 2))).toBe(
      "The parameters (String,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
  });

  it('does not grow the grid on writes: the add-on must insert rows', () => {
    const { sheet } = setup();
    sheet.insertRowsAfter(sheet.getMaxRows(), 5);
    expect(sheet.getMaxRows()).toBe(1005);
    sheet.getRange(1005, 1).setValue('last');
    expect(sheet.getLastRow()).toBe(1005);
  });
});

describe('content extent', () => {
  it('gives the last row/column with content on a Sheet and the range end on a Range', () => {
    const { sheet } = setup();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getLastColumn()).toBe(0);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange('B2:D4').setNumberFormat('0.00').setBackground('#ff0');
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange('C3').setValue('x');
    expect(sheet.getLastRow()).toBe(3);
    expect(sheet.getLastColumn()).toBe(3);
    const range = sheet.getRange('B2:D4');
    expect([range.getLastRow(), range.getLastColumn()]).toEqual([4, 4]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C3');
    sheet.getRange('C3').clearContent();
    expect(sheet.getLastRow()).toBe(0);
  });
});

describe('rows and columns', () => {
  it('inserts and deletes rows and columns, moving content', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([['a'], ['b'], ['c']]);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange('A1:A5').getValues().flat()).toEqual(['a', '', '', 'b', 'c']);
    expect(sheet.getMaxRows()).toBe(1002);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('A1:A3').getValues().flat()).toEqual(['a', 'b', 'c']);
    sheet.insertColumnsBefore(1, 1);
    expect(sheet.getRange('B1').getValue()).toBe('a');
    expect(sheet.getMaxColumns()).toBe(27);
    sheet.deleteColumn(1);
    expect(sheet.getRange('A2').getValue()).toBe('b');
  });

  it('refuses deletions out of bounds and of every non-frozen row', () => {
    const { sheet } = setup();
    expect(messageOf(() => sheet.deleteRows(999, 5))).toBe('Those rows are out of bounds.');
    expect(messageOf(() => sheet.deleteRows(1, 1000))).toBe('Sorry, it is not possible to delete all non-frozen rows.');
    sheet.setFrozenRows(1);
    expect(messageOf(() => sheet.deleteRows(2, 999))).toBe('Sorry, it is not possible to delete all non-frozen rows.');
    expect(messageOf(() => sheet.deleteColumns(20, 10))).toBe('Those columns are out of bounds.');
  });

  it('appendRow writes after the last content row, parses like typing and grows the grid', () => {
    const { sheet } = setup();
    sheet.getRange('A1000').setValue('bottom');
    sheet.appendRow(['x', '=1+1', '5', 'Z'.repeat(3)]);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange('A1001:D1001').getValues()).toEqual([['x', 2, 5, 'ZZZ']]);
    const wide = new Array(30).fill('w');
    sheet.appendRow(wide);
    expect(sheet.getMaxColumns()).toBe(30);
    expect(sheet.getLastColumn()).toBe(30);
  });

  it('setFrozenRows returns nothing and cannot freeze every row', () => {
    const { sheet } = setup();
    expect(sheet.setFrozenRows(1)).toBeUndefined();
    expect(sheet.getFrozenRows()).toBe(1);
    expect(messageOf(() => sheet.setFrozenRows(1000))).toBe("You can't freeze all visible rows on the sheet.");
  });
});

describe('cell limit', () => {
  it('refuses to grow the workbook past 10,000,000 cells, empty ones included', () => {
    const { sheet, ss } = setup();
    sheet.insertColumnsAfter(26, 74); // 1000 x 100
    sheet.insertRowsAfter(1000, 98_000); // 99,000 x 100 = 9.9M
    expect(messageOf(() => sheet.insertRowsAfter(1, 1001))).toBe(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
    expect(sheet.getMaxRows()).toBe(99_000);
    sheet.insertRowsAfter(1, 1000);
    expect(messageOf(() => ss.insertSheet('more'))).toBe(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
  });
});
