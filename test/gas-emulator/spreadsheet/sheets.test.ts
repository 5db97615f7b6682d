// Spreadsheet-level behaviour: finding, inserting, renaming, hiding and deleting sheets; the active sheet.
import { messageOf, setup } from './fake-context';

describe('sheets', () => {
  it('starts with one 1000 x 26 sheet named Sheet1 with gid 0', () => {
    const { ss, inspector } = setup();
    expect(inspector.sheetNames()).toEqual(['Sheet1']);
    const sheet = ss.getSheetByName('Sheet1')!;
    expect([sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getSheetId(), sheet.getIndex()]).toEqual([1000, 26, 0, 1]);
  });

  it('finds sheets by exact name and by id, null on a miss', () => {
    const { ss } = setup();
    const data = ss.insertSheet('Data');
    expect(ss.getSheetByName('Data')!.getSheetId()).toBe(data.getSheetId());
    expect(ss.getSheetByName('data')).toBeNull();
    expect(ss.getSheetById(data.getSheetId())!.getName()).toBe('Data');
    expect(ss.getSheetById(12345)).toBeNull();
    expect(ss.getNumSheets()).toBe(2);
  });

  it('inserts sheets at an index, makes the new one active and refuses duplicates (case-insensitively)', () => {
    const { ss, inspector } = setup();
    ss.insertSheet('B');
    const a = ss.insertSheet('A', 0);
    expect(inspector.sheetNames()).toEqual(['A', 'Sheet1', 'B']);
    expect(ss.getActiveSheet().getName()).toBe('A');
    expect(a.getMaxRows()).toBe(1000);
    expect(messageOf(() => ss.insertSheet('B'))).toBe(
      'A sheet with the name "B" already exists. Please enter another name.',
    );
    expect(messageOf(() => ss.insertSheet('sheet1'))).toBe(
      'A sheet with the name "sheet1" already exists. Please enter another name.',
    );
    expect(ss.insertSheet().getName()).toBe('Sheet2');
  });

  it('renames with the same duplicate check', () => {
    const { ss, sheet } = setup();
    ss.insertSheet('Data');
    expect(messageOf(() => sheet.setName('Data'))).toBe(
      'A sheet with the name "Data" already exists. Please enter another name.',
    );
    expect(sheet.setName('Main').getName()).toBe('Main');
  });

  it('refuses to delete or hide the last visible sheet', () => {
    const { ss, sheet } = setup();
    expect(messageOf(() => ss.deleteSheet(sheet))).toBe("You can't remove all the sheets in a document.");
    expect(messageOf(() => sheet.hideSheet())).toBe("You can't hide all the sheets in a document.");
    const staging = ss.insertSheet('_staging').hideSheet();
    expect(staging.isSheetHidden()).toBe(true);
    expect(messageOf(() => ss.deleteSheet(sheet))).toBe("You can't remove all the sheets in a document.");
    ss.deleteSheet(staging);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
  });

  it('refuses to use a sheet after it was deleted', () => {
    const { ss } = setup();
    const gone = ss.insertSheet('Gone');
    ss.deleteSheet(gone);
    expect(messageOf(() => gone.getRange('A1'))).toMatch(
      /^Unsupported in the emulator: SpreadsheetApp\.Sheet\.getRange/,
    );
  });

  it('tracks the active sheet', () => {
    const { ss, sheet } = setup();
    ss.insertSheet('Other');
    sheet.activate();
    expect(ss.getActiveSheet().getName()).toBe('Sheet1');
    ss.setActiveSheet(ss.getSheetByName('Other')!);
    expect(ss.getActiveSheet().getName()).toBe('Other');
  });

  it('exposes the identity of the spreadsheet', () => {
    const { ss, id } = setup();
    expect(ss.getId()).toBe(id);
    expect(id).toMatch(/^[A-Za-z0-9_-]{44}$/);
    expect(ss.getName()).toBe('Plan');
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${id}/edit`);
  });
});
