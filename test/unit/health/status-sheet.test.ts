// The status sheet over a fake workbook: created once there is an import, one write per change, never someone's data.

import { STATUS_HEADERS, STATUS_SHEET } from '../../../src/health/status-rows';
import { refreshStatus } from '../../../src/health/status-sheet';
import { writeJson } from '../../../src/ports/store';
import type { ImportDefinition } from '../../../src/shared/types';
import { deleteDefinition, saveBlockLayout } from '../../../src/store/imports-store';
import { saveRun } from '../../../src/store/runs-store';
import { writeImportState } from '../../../src/store/schedule-state';
import { FakeWorkbook } from '../sheet/fake-workbook';
import { definition, documentWith, runRecord, scheduled } from '../trigger/fakes';

const NOW = Date.UTC(2026, 0, 6, 15);
const NAME_COLUMN = 1;
const SCHEDULE_COLUMN = STATUS_HEADERS.indexOf('Schedule') + 1;

function setup(defs: ImportDefinition[]) {
  const workbook = new FakeWorkbook();
  const store = documentWith(defs);
  return { workbook, store, refresh: (now = NOW) => refreshStatus(workbook, store, now) };
}

describe('refreshStatus', () => {
  it('creates nothing while the spreadsheet has no imports', () => {
    const { workbook, refresh } = setup([]);
    refresh();
    expect(workbook.sheetNames()).toEqual(['Sheet1']);
  });

  it('writes the header and one row per import in one write, with a bold frozen header and date formats', () => {
    const { workbook, store, refresh } = setup([
      scheduled('a', { kind: 'daily', hour: 7 }, 'ana@example.com'),
      definition('b', { name: '=HYPERLINK("x")' }),
    ]);
    writeImportState(store, 'a', { lastSlot: Date.UTC(2026, 0, 6, 12) });
    saveRun(store, runRecord('a', { endedAt: '2026-01-06T12:11:00.000Z', rowsWritten: 12 }));
    refresh();
    const sheet = workbook.sheet(STATUS_SHEET);
    expect(sheet.calls.write).toBe(1);
    expect(sheet.values()[0]).toEqual([...STATUS_HEADERS]);
    expect(sheet.column(NAME_COLUMN, 2)).toEqual(['Import a', '=HYPERLINK("x")']);
    // Stored as text, never as a formula.
    expect(sheet.formulas()).toEqual([]);
    expect(sheet.cell(2, STATUS_HEADERS.indexOf('Rows') + 1)).toBe(12);
    expect(sheet.cell(2, STATUS_HEADERS.indexOf('Next run') + 1)).toEqual(new Date('2026-01-07T12:00:00.000Z'));
    expect(sheet.frozen).toBe(1);
    expect(sheet.bold.has('1:1')).toBe(true);
    expect(sheet.formats.get(`2:${STATUS_HEADERS.indexOf('Last success') + 1}`)).toBe('yyyy-mm-dd hh:mm');
    expect(sheet.hidden).toBe(false);
  });

  it('skips the write when nothing changed, and rewrites and trims when something did', () => {
    const { workbook, store, refresh } = setup([definition('a'), definition('b')]);
    refresh();
    const sheet = workbook.sheet(STATUS_SHEET);
    refresh();
    expect(sheet.calls.write).toBe(1);
    writeJson(store, 'import.a', scheduled('a', { kind: 'hourly', everyHours: 2 }, 'ben@example.com'));
    deleteDefinition(store, 'b');
    refresh();
    expect(sheet.calls.write).toBe(2);
    expect(sheet.values().length).toBe(2);
    expect(sheet.cell(2, SCHEDULE_COLUMN)).toBe('Every 2 hours (America/New_York) · owner ben@example.com');
    expect(sheet.cell(3, NAME_COLUMN)).toBe('');
  });

  it('shows the current name of a renamed target sheet', () => {
    const { workbook, store, refresh } = setup([]);
    const target = workbook.insertSheet('Reqs');
    writeJson(store, 'import.a', definition('a', { sheetName: 'Reqs', sheetId: target.sheetId }));
    writeJson(store, 'imports.index', ['a']);
    target.title = 'Reqs 2026';
    refresh();
    expect(workbook.sheet(STATUS_SHEET).cell(2, STATUS_HEADERS.indexOf('Sheet') + 1)).toBe('Reqs 2026');
  });

  it('shows the current name of a renamed target sheet whose id only the block layout knows', () => {
    const { workbook, store, refresh } = setup([]);
    const target = workbook.insertSheet('Reqs');
    // The first run's record of its sheet in the definition was skipped (the script lock busy).
    writeJson(store, 'import.a', definition('a', { sheetName: 'Reqs' }));
    writeJson(store, 'imports.index', ['a']);
    saveBlockLayout(store, 'a', { sheetId: target.sheetId, sheetName: 'Reqs', width: 1 });
    target.title = 'Reqs 2026';
    refresh();
    expect(workbook.sheet(STATUS_SHEET).cell(2, STATUS_HEADERS.indexOf('Sheet') + 1)).toBe('Reqs 2026');
  });

  it("never overwrites an import's own sheet that happens to have the status sheet's name", () => {
    const { workbook, refresh } = setup([definition('a', { sheetName: STATUS_SHEET })]);
    refresh();
    expect(workbook.sheetByName(STATUS_SHEET)).toBeNull();
    workbook.insertSheet(STATUS_SHEET).write(1, 1, [['their data']]);
    refresh();
    expect(workbook.sheet(STATUS_SHEET).values()).toEqual([['their data']]);
  });

  it('keeps using the one status sheet across refreshes', () => {
    const { workbook, refresh } = setup([definition('a')]);
    refresh();
    refresh(NOW + 86_400_000);
    expect(workbook.sheetNames()).toEqual(['Sheet1', STATUS_SHEET]);
  });

  it('rewrites from its stored layout without reading the sheet back, and writes nothing when nothing changed', () => {
    const { workbook, store, refresh } = setup([definition('a'), definition('b')]);
    refresh();
    const sheet = workbook.sheet(STATUS_SHEET);
    sheet.calls = {};
    refresh();
    expect(sheet.calls).toEqual({});
    deleteDefinition(store, 'b');
    refresh();
    expect(sheet.calls).toEqual({ write: 1, clearContents: 1 });
    expect(sheet.values().length).toBe(2);
  });

  it('finds its sheet by the id it stored after a rename, and makes a new one when it was deleted', () => {
    const { workbook, refresh } = setup([definition('a')]);
    refresh();
    workbook.sheet(STATUS_SHEET).title = 'Health';
    refresh(NOW + 3_600_000);
    expect(workbook.sheetNames()).toEqual(['Sheet1', 'Health']);
    workbook.deleteSheet(workbook.sheet('Health'));
    refresh(NOW + 7_200_000);
    expect(workbook.sheet(STATUS_SHEET).values()[0]).toEqual([...STATUS_HEADERS]);
  });

  it('takes over an existing status sheet of an earlier version by reading it once', () => {
    const { workbook, refresh } = setup([definition('a')]);
    const old = workbook.insertSheet(STATUS_SHEET);
    old.write(1, 1, [['old'], ['rows'], ['here']]);
    refresh();
    expect(workbook.sheetNames()).toEqual(['Sheet1', STATUS_SHEET]);
    expect(old.values().length).toBe(2);
    expect(old.cell(3, 1)).toBe('');
  });
});
