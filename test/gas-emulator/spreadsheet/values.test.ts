// Range reads and writes: value types, typing rules, dimension checks, dates in the bundle's realm, display values.
import { createSpreadsheetApp, SpreadsheetStore } from '../../../tools/gas-emulator/spreadsheet';
import { fakeContext, messageOf, OWNER, setup } from './fake-context';

describe('setValues / getValues', () => {
  it('checks rows first, then each row, with Google texts', () => {
    const { sheet } = setup();
    const range = sheet.getRange(1, 1, 3, 3);
    expect(
      messageOf(() =>
        range.setValues([
          [1, 2, 3],
          [4, 5, 6],
        ]),
      ),
    ).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
    expect(
      messageOf(() =>
        range.setValues([
          [1, 2, 3],
          [4, 5],
          [7, 8, 9],
        ]),
      ),
    ).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
    expect(range.getValues()).toEqual([
      ['', '', ''],
      ['', '', ''],
      ['', '', ''],
    ]);
  });

  it('refuses a payload over the limit, counted as JSON in UTF-8 bytes, and writes nothing', () => {
    const store = new SpreadsheetStore({ maxSetValuesBytes: 1000 });
    const id = store.create({ name: 'Plan', owner: OWNER });
    const fake = fakeContext({ activeSpreadsheetId: id });
    // biome-ignore lint/suspicious/noExplicitAny: the emulated global is untyped, as Apps Script code sees it
    const app = createSpreadsheetApp(store, fake.ctx) as any as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const range = app.getActiveSpreadsheet().getSheets()[0].getRange(1, 1, 2, 1);
    // [["é…"],["x"]]: 12 bytes of brackets, quotes, commas and x, plus the text; é is 2 bytes.
    range.setValues([['é'.repeat(494)], ['x']]);
    expect(range.getValues()[0][0]).toHaveLength(494);
    expect(messageOf(() => range.setValues([['é'.repeat(495)], ['y']]))).toBe(
      'Request payload size exceeds the limit: 1000 bytes.',
    );
    expect(range.getValues()[1][0]).toBe('x');
  });

  it('throws Exceptions of the execution realm', () => {
    const { sheet, realm } = setup();
    let caught: unknown;
    try {
      sheet.getRange('A1:B1').setValues([[1]]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(realm.Error);
    expect((caught as Error).name).toBe('Exception');
  });

  it('refuses a 1-D array with the signature error', () => {
    const { sheet } = setup();
    expect(messageOf(() => sheet.getRange('A1:B1').setValues([1, 2] as never))).toBe(
      "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
  });

  it('keeps numbers, booleans and text, and returns empty cells as empty strings', () => {
    const { sheet } = setup();
    sheet.getRange('A1:D1').setValues([[42.5, true, 'plain', null]]);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([[42.5, true, 'plain', '', '']]);
    expect(sheet.getRange('A1').getValue()).toBe(42.5);
  });

  it('parses strings like typing', () => {
    const { sheet } = setup();
    const inputs = ['001', '1,000', '$2.99', '50%', 'true', 'FALSE', "'007", "'=SUM(A1)", '1e3', '-5', '1,00'];
    sheet.getRange(1, 1, 1, inputs.length).setValues([inputs]);
    expect(sheet.getRange(1, 1, 1, inputs.length).getValues()[0]).toEqual([
      1,
      1000,
      2.99,
      0.5,
      true,
      false,
      '007',
      '=SUM(A1)',
      1000,
      -5,
      '1,00',
    ]);
    expect(sheet.getRange('G1:H1').getFormulas()).toEqual([['', '']]);
    expect(sheet.getRange('A1:D1').getDisplayValues()).toEqual([['1', '1,000', '$2.99', '50%']]);
  });

  it('turns date-like strings into dates at midnight in the spreadsheet zone', () => {
    const { sheet, realm } = setup({ timeZone: 'America/New_York', now: Date.UTC(2026, 5, 1) });
    sheet.getRange('A1:D1').setValues([['2024-03-05', '3/4/2024', '3/4', 'Mar 5, 2024']]);
    const values = sheet.getRange('A1:D1').getValues()[0] as Date[];
    for (const value of values) expect(value).toBeInstanceOf(realm.Date);
    expect(values.map((d) => d.toISOString())).toEqual([
      '2024-03-05T05:00:00.000Z',
      '2024-03-04T05:00:00.000Z',
      '2026-03-04T05:00:00.000Z',
      '2024-03-05T05:00:00.000Z',
    ]);
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['2024-03-05', '3/4/2024']]);
  });

  it('treats =, +, - and @ as the start of a formula, so injected text shows up as a formula', () => {
    const { sheet } = setup();
    sheet.getRange('A1:E1').setValues([['=1+2', '+1+2', '-2+5', '@SUM(1)', '-cmd|calc']]);
    expect(sheet.getRange('A1:E1').getFormulas()).toEqual([['=1+2', '=+1+2', '=-2+5', '=@SUM(1)', '=-cmd|calc']]);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([[3, 3, 3, '#ERROR!', '#ERROR!']]);
    sheet.getRange('F1').setValue('-HYPERLINK("x")');
    expect(sheet.getRange('F1').getValue()).toBe('#NAME?');
  });

  it('stores plain numbers typed with a sign as numbers, not formulas', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([['-12.5', '+7']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[-12.5, 7]]);
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['', '']]);
  });

  it('keeps text as typed in a plain-text (@) cell', () => {
    const { sheet } = setup();
    sheet
      .getRange('A1:B1')
      .setNumberFormat('@')
      .setValues([['001', '=1+1']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['001', '=1+1']]);
  });

  it('refuses objects and arrays in cells', () => {
    const { sheet } = setup();
    expect(messageOf(() => sheet.getRange('A1').setValue({ a: 1 }))).toMatch(/^Unsupported in the emulator: /);
    expect(messageOf(() => sheet.getRange('A1:A1').setValues([[[1]]]))).toMatch(/^Unsupported in the emulator: /);
  });

  it('refuses more than 50,000 characters in a cell', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('x'.repeat(50_000));
    expect(messageOf(() => sheet.getRange('A2').setValue('x'.repeat(50_001)))).toBe(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    expect(sheet.getRange('A2').getValue()).toBe('');
  });
});

describe('dates', () => {
  it('writes Dates as date-times and reads them back as Dates of the bundle realm', () => {
    const { sheet, realm } = setup({ timeZone: 'America/New_York' });
    const instant = Date.UTC(2026, 0, 5, 14, 30);
    sheet.getRange('A1').setValue(new realm.Date(instant));
    const back = sheet.getRange('A1').getValue();
    expect(back).toBeInstanceOf(realm.Date);
    expect(back).not.toBeInstanceOf(Date);
    expect((back as Date).getTime()).toBe(instant);
    expect(sheet.getRange('A1').getNumberFormat()).toBe('M/d/yyyy H:mm:ss');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('1/5/2026 9:30:00');
  });

  it('displays in the spreadsheet zone, not the host zone', () => {
    const { sheet, realm, ss } = setup({ timeZone: 'Asia/Tokyo' });
    sheet.getRange('A1').setValue(new realm.Date(Date.UTC(2026, 6, 1, 20, 0)));
    expect(sheet.getRange('A1').getDisplayValue()).toBe('7/2/2026 5:00:00');
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Tokyo');
  });

  it('applies number formats to the display', () => {
    const { sheet, realm } = setup({ timeZone: 'UTC' });
    sheet.getRange('A1').setValue(new realm.Date(Date.UTC(2026, 1, 3, 16, 5, 9)));
    sheet.getRange('A1').setNumberFormat('yyyy-mm-dd hh:mm');
    sheet.getRange('B1').setValue(1234.5).setNumberFormat('#,##0.00');
    sheet.getRange('C1').setValue(0.125).setNumberFormat('0.0%');
    sheet
      .getRange('D1')
      .setValue(new realm.Date(Date.UTC(2026, 1, 3, 16, 5, 9)))
      .setNumberFormat('ddd, mmm d yyyy h:mm AM/PM');
    expect(sheet.getRange('A1:D1').getDisplayValues()).toEqual([
      ['2026-02-03 16:05', '1,234.50', '12.5%', 'Tue, Feb 3 2026 4:05 PM'],
    ]);
  });

  it('reads a number under a date format as a Date, and a date under a number format as a number', () => {
    const { sheet, realm } = setup({ timeZone: 'UTC' });
    sheet.getRange('A1').setNumberFormat('yyyy-mm-dd').setValue(46027);
    sheet.getRange('B1').setValue('2026-01-05');
    sheet.getRange('B1').setNumberFormat('0');
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2026-01-05T00:00:00.000Z');
    expect(sheet.getRange('A1').getValue()).toBeInstanceOf(realm.Date);
    expect(sheet.getRange('B1').getValue()).toBe(46027);
  });

  it('keeps serials when the spreadsheet zone changes (the same wall time, another instant)', () => {
    const { sheet, ss } = setup({ timeZone: 'UTC' });
    sheet.getRange('A1').setValue('2026-01-05');
    ss.setSpreadsheetTimeZone('America/New_York');
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2026-01-05T05:00:00.000Z');
    expect(messageOf(() => ss.setSpreadsheetTimeZone('Mars/Olympus'))).toBe('Invalid argument: timeZone');
  });
});

describe('display of plain values', () => {
  it('shows General numbers with about ten significant digits, booleans in capitals', () => {
    const { sheet } = setup();
    sheet.getRange('A1:D1').setValues([[1 / 3, 1234567, true, 1e20]]);
    expect(sheet.getRange('A1:D1').getDisplayValues()).toEqual([['0.3333333333', '1234567', 'TRUE', '1E+20']]);
  });
});

describe('notes, formats and clearing', () => {
  it('keeps formats and notes on clearContent, and drops them on clear', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B1');
    range
      .setValues([[1, 2]])
      .setNumberFormat('0.00')
      .setNote('n')
      .setFontWeight('bold')
      .setBackground('#eee');
    range.clearContent();
    expect(range.getValues()).toEqual([['', '']]);
    expect(range.getNumberFormats()).toEqual([['0.00', '0.00']]);
    expect(range.getNote()).toBe('n');
    range.setValues([[1, 2]]).clear();
    expect(range.getNumberFormats()).toEqual([['General', 'General']]);
    expect(range.getValues()).toEqual([['', '']]);
  });
});
