// recordChanges end to end on a fake workbook: baseline first, then exact changes, then nothing for no change.
import { CHANGES_SHEET_NAME } from '../../../src/changes/log-rows';
import { changeSummaryAfterCommit, recordChanges } from '../../../src/changes/record';
import { snapshotSheetName } from '../../../src/changes/sheets';
import type { TrackedRecord, TrackedState } from '../../../src/changes/tracked-state';
import type { ImportDefinition } from '../../../src/shared/types';
import { FakeWorkbook } from '../sheet/fake-workbook';

const FIELDS = ['name', 'status', 'headcountTotal', 'hiringManager'];

function definition(overrides: Partial<ImportDefinition> = {}): ImportDefinition {
  return {
    id: 'imp1',
    name: 'Open reqs',
    object: 'requisitions',
    environment: 'production',
    filters: { archived: 'exclude', snoozed: 'exclude', confidential: 'exclude' },
    columns: ['id', 'name', 'status'],
    sheetName: 'Requisitions',
    writeMode: 'replace',
    trackChanges: true,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

function req(id: string, status = 'open', headcountTotal = '2', hiringManager = 'Dana Kim'): TrackedRecord {
  const name = `Req ${id}`;
  return { id, name, values: { name, status, headcountTotal, hiringManager } };
}

const state = (records: TrackedRecord[]): TrackedState => ({ fields: FIELDS, records });
const at = (hour: number) => new Date(Date.UTC(2026, 0, 5, hour));

function logged(workbook: FakeWorkbook): unknown[][] {
  return workbook.sheet(CHANGES_SHEET_NAME).values().slice(1);
}

describe('recordChanges', () => {
  it('records only a baseline on the first refresh, and says so', () => {
    const workbook = new FakeWorkbook();
    const summary = recordChanges(workbook, definition(), state([req('a'), req('b')]), at(9));
    expect(summary).toEqual({
      text: 'Change tracking started with 2 requisitions; changes will show from the next refresh.',
      baseline: true,
      added: 0,
      removed: 0,
      changed: 0,
      rowsLogged: 1,
    });
    expect(logged(workbook)).toEqual([
      [at(9), 'Open reqs', 'requisition', '', '', 'tracking started', '', '', '2 requisitions'],
    ]);
    expect(workbook.sheet(snapshotSheetName('imp1')).hidden).toBe(true);
  });

  it('logs exactly what changed on the next refresh, old → new, and summarises it', () => {
    const workbook = new FakeWorkbook();
    recordChanges(workbook, definition(), state([req('a'), req('b'), req('c')]), at(9));
    const next = state([req('new'), req('a', 'closed', '3', 'Jordan Alvarez'), req('b')]);
    const summary = recordChanges(workbook, definition(), next, at(10));
    expect(summary).toMatchObject({ baseline: false, added: 1, removed: 1, changed: 3, rowsLogged: 5 });
    expect(summary.text).toBe('1 new, 1 closed, headcount changed on 1, hiring manager changed on 1, 1 removed');
    expect(logged(workbook).slice(1)).toEqual([
      [at(10), 'Open reqs', 'requisition', 'new', 'Req new', 'added', '', '', ''],
      [at(10), 'Open reqs', 'requisition', 'a', 'Req a', 'changed', 'Status', 'open', 'closed'],
      [at(10), 'Open reqs', 'requisition', 'a', 'Req a', 'changed', 'Headcount total', '2', '3'],
      [at(10), 'Open reqs', 'requisition', 'a', 'Req a', 'changed', 'Hiring manager', 'Dana Kim', 'Jordan Alvarez'],
      [at(10), 'Open reqs', 'requisition', 'c', 'Req c', 'removed', '', '', ''],
    ]);
  });

  it('adds nothing when nothing changed since the last refresh', () => {
    const workbook = new FakeWorkbook();
    const same = state([req('a'), req('b')]);
    recordChanges(workbook, definition(), same, at(9));
    const before = logged(workbook);
    const summary = recordChanges(workbook, definition(), same, at(10));
    expect(summary.text).toBe('No changes since the last refresh.');
    expect(summary.rowsLogged).toBe(0);
    expect(logged(workbook)).toEqual(before);
  });

  it('compares with the latest refresh, not the first', () => {
    const workbook = new FakeWorkbook();
    recordChanges(workbook, definition(), state([req('a')]), at(9));
    recordChanges(workbook, definition(), state([req('a', 'onHold')]), at(10));
    const summary = recordChanges(workbook, definition(), state([req('a', 'closed')]), at(11));
    expect(summary.text).toBe('1 closed');
    expect(logged(workbook).at(-1)?.slice(6)).toEqual(['Status', 'onHold', 'closed']);
  });

  it('starts over from a baseline when the filters changed, instead of logging records that left them', () => {
    const workbook = new FakeWorkbook();
    recordChanges(workbook, definition(), state([req('a'), req('b')]), at(9));
    const narrowed = definition({
      filters: { archived: 'exclude', snoozed: 'exclude', confidential: 'exclude', requisitionStatus: ['open'] },
    });
    const summary = recordChanges(workbook, narrowed, state([req('a')]), at(10));
    expect(summary.baseline).toBe(true);
    expect(summary.text).toMatch(/filters changed, so change tracking started again from 1 requisition;/);
    expect(logged(workbook).filter((row) => row[5] === 'removed')).toEqual([]);
  });

  it('keeps imports apart: each has its own snapshot, all share one changes sheet', () => {
    const workbook = new FakeWorkbook();
    const other = definition({ id: 'imp2', name: 'Closed reqs' });
    recordChanges(workbook, definition(), state([req('a')]), at(9));
    recordChanges(workbook, other, state([req('a', 'closed')]), at(9));
    recordChanges(workbook, definition(), state([req('a')]), at(10));
    const summary = recordChanges(workbook, other, state([req('a', 'closed', '5')]), at(10));
    expect(summary.text).toBe('headcount changed on 1');
    expect(
      workbook
        .sheetNames()
        .filter((name) => name !== 'Sheet1')
        .sort(),
    ).toEqual([CHANGES_SHEET_NAME, snapshotSheetName('imp1'), snapshotSheetName('imp2')].sort());
  });

  it('uses one read of the snapshot and one rewrite of it per refresh', () => {
    const workbook = new FakeWorkbook();
    recordChanges(workbook, definition(), state([req('a')]), at(9));
    const snapshot = workbook.sheet(snapshotSheetName('imp1'));
    snapshot.calls = {};
    recordChanges(workbook, definition(), state([req('a', 'closed')]), at(10));
    expect(snapshot.calls).toEqual({ read: 1, write: 1 });
  });
});

describe('changeSummaryAfterCommit', () => {
  /** A spreadsheet at Google's cell limit: no sheet can be added. */
  class FullWorkbook extends FakeWorkbook {
    full = true;
    override totalCells(): number {
      return this.full ? 10_000_000 : super.totalCells();
    }
  }

  it('returns the summary line of a recorded refresh', () => {
    const workbook = new FakeWorkbook();
    expect(changeSummaryAfterCommit(workbook, definition(), state([req('a')]), at(9))).toMatch(
      /^Change tracking started/,
    );
  });

  it('never fails the run: a failure becomes the summary, and the next refresh reports everything since', () => {
    const workbook = new FullWorkbook();
    workbook.full = false;
    recordChanges(workbook, definition(), state([req('a'), req('b')]), at(9));
    workbook.deleteSheet(workbook.sheet(CHANGES_SHEET_NAME));
    workbook.full = true;
    const failed = changeSummaryAfterCommit(workbook, definition(), state([req('a', 'closed'), req('b')]), at(10));
    expect(failed).toMatch(/^The sheet was refreshed, but its changes could not be recorded: .*cells/);
    expect(failed.length).toBeLessThanOrEqual(300);
    workbook.full = false;
    const next = changeSummaryAfterCommit(
      workbook,
      definition(),
      state([req('a', 'closed'), req('b', 'onHold')]),
      at(11),
    );
    expect(next).toBe('1 closed, status changed on 1');
  });
});
