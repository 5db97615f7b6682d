// Through the built bundle: refreshes keep users' columns and formulas working in every write mode.
import type { ImportDefinition, RunRecord } from '../../src/shared/types';
import type { SheetInspector } from '../../tools/gas-emulator/spreadsheet';
import type { Harness } from '../support/harness';
import {
  book,
  connect,
  createHarness,
  EVERYTHING,
  lastOf,
  opportunityImport,
  requisitionImport,
  runToEnd,
  saveImport,
  sheet,
  sheetIds,
} from './import-support';

const COLUMNS = ['name', 'stage', 'createdAt'];

function refresh(h: Harness, definition: ImportDefinition): RunRecord {
  const run = lastOf(runToEnd(h, definition.id));
  expect(run.status).toBe('succeeded');
  return run;
}

/** A user's notes typed in a column right of the import, one per row, naming the row's ID. */
function typeNotes(target: SheetInspector, column: number): void {
  const rows = target.values();
  for (let row = 2; row <= rows.length; row++) target.type(cellName(column, row), `note for ${rows[row - 1][0]}`);
}

function cellName(column: number, row: number): string {
  return `${String.fromCharCode(64 + column)}${row}`;
}

/**
 * Changes Lever: deletes some opportunities (listed in Lever's deleted list), adds new ones, renames one, each change
 * moving updatedAt as Lever does (the refresh reads only what changed). Returns what changed.
 */
function changeLever(h: Harness) {
  const list = h.dataset.opportunities;
  const now = h.emu.clock.now();
  const removed = [list[3].id, list[4].id, list[10].id];
  const gone = removed.map((id) => ({ ...(list.find((record) => record.id === id) as (typeof list)[number]) }));
  h.dataset.deletedOpportunities = [
    ...(h.dataset.deletedOpportunities ?? []),
    ...gone.map((record) => ({ ...record, deletedAt: now, deletedBy: '' })),
  ];
  for (const id of removed)
    list.splice(
      list.findIndex((record) => record.id === id),
      1,
    );
  const added = ['opp-new-1', 'opp-new-2'];
  added.forEach((id, i) => {
    list.push({ ...list[0], id, name: `New ${i}`, createdAt: now - i, updatedAt: now });
  });
  list[20] = { ...list[20], name: 'Renamed in Lever', updatedAt: now };
  return { removed, added, renamed: list[20].id };
}

describe('update by ID', () => {
  it('keeps a user column with its row’s ID while records are added and removed in Lever', () => {
    const h = createHarness({ opportunities: 120, requisitions: 10 });
    connect(h);
    const definition = saveImport(
      h,
      opportunityImport({ filters: EVERYTHING, columns: COLUMNS, writeMode: 'updateById', vanished: 'remove' }),
    );
    refresh(h, definition);
    const target = sheet(h, 'Opportunities');
    const notesColumn = COLUMNS.length + 3;
    typeNotes(target, notesColumn);
    const change = changeLever(h);

    refresh(h, definition);
    const ids = sheetIds(h, 'Opportunities');
    expect(new Set(ids)).toEqual(new Set(h.sim.query('opportunities', { confidentiality: 'all' })));
    expect(ids.slice(-2)).toEqual(change.added);
    for (const id of change.removed) expect(ids).not.toContain(id);
    for (const row of target.values().slice(1)) {
      const id = String(row[0]);
      expect(row[notesColumn - 1]).toBe(change.added.includes(id) ? '' : `note for ${id}`);
    }
    const renamedRow = target.values().find((row) => row[0] === change.renamed);
    expect(renamedRow?.[1]).toBe('Renamed in Lever');
  });

  it('flags vanished records instead of removing them when asked', () => {
    const h = createHarness({ opportunities: 60, requisitions: 10 });
    connect(h);
    const definition = saveImport(
      h,
      opportunityImport({ filters: EVERYTHING, columns: COLUMNS, writeMode: 'updateById', vanished: 'flag' }),
    );
    refresh(h, definition);
    const change = changeLever(h);
    refresh(h, definition);
    const rows = sheet(h, 'Opportunities').values();
    const flagColumn = rows[0].indexOf('Removed from Lever');
    expect(flagColumn).toBe(COLUMNS.length + 1);
    const flagged = rows.filter((row) => row[flagColumn] === true).map((row) => row[0]);
    expect(flagged.sort()).toEqual([...change.removed].sort());
  });
});

describe('replace', () => {
  it('keeps formulas that point at the import working after refreshes that shrink and grow it', () => {
    const h = createHarness({ opportunities: 30, requisitions: 80 });
    connect(h);
    const definition = saveImport(
      h,
      requisitionImport({ filters: { archived: 'exclude', snoozed: 'exclude', confidential: 'include' } }),
    );
    refresh(h, definition);
    const header = sheet(h, 'Requisitions').values()[0];
    const headcount = String.fromCharCode(65 + header.indexOf('Headcount total'));
    book(h).insertSheet('Summary');
    const summary = sheet(h, 'Summary');
    summary.type('A1', '=COUNTA(Requisitions!A:A)');
    summary.type('B1', `=SUM(Requisitions!${headcount}:${headcount})`);
    sheet(h, 'Requisitions').type(cellName(header.length + 2, 1), 'My notes');

    const expectations = () => {
      const ids = h.sim.query('requisitions', { confidentiality: 'all' });
      const byId = new Map(h.dataset.requisitions.map((record) => [record.id, record]));
      const total = ids.reduce((sum, id) => {
        const value = byId.get(id)?.headcountTotal;
        return sum + (typeof value === 'number' ? value : 0);
      }, 0);
      expect(summary.values()[0]).toEqual([ids.length + 1, total]);
      expect(sheet(h, 'Requisitions').cell(cellName(header.length + 2, 1)).value).toBe('My notes');
    };
    expectations();
    h.dataset.requisitions.splice(0, 25);
    refresh(h, definition);
    expectations();
    for (let i = 0; i < 10; i++)
      h.dataset.requisitions.push({ ...h.dataset.requisitions[i], id: `req-new-${i}`, headcountTotal: 2 });
    refresh(h, definition);
    expectations();
  });
});

describe('append snapshot', () => {
  it('adds each refresh below the last, stamped with when it ran', () => {
    const h = createHarness({ opportunities: 10, requisitions: 40 });
    connect(h);
    const definition = saveImport(
      h,
      requisitionImport({ writeMode: 'appendSnapshot', columns: ['name', 'headcountTotal'] }),
    );
    const first = refresh(h, definition);
    h.emu.clock.advance(86_400_000);
    const second = refresh(h, definition);
    const rows = sheet(h, 'Requisitions').values();
    expect(rows[0]).toEqual(['Snapshot at', 'Lever ID', 'Name', 'Headcount total']);
    const count = h.sim.query('requisitions', {}).length;
    expect(rows.length).toBe(1 + 2 * count);
    const stamps = [...new Set(rows.slice(1).map((row) => (row[0] as Date).toISOString()))];
    expect(stamps).toEqual([first.startedAt, second.startedAt]);
  });
});
