// Through the built bundle: in every write mode a user's notes and row formulas stay on their record's row.
import type { ImportDefinition, RunRecord, WriteMode } from '../../src/shared/types';
import type { SheetInspector } from '../../tools/gas-emulator/spreadsheet';
import type { Harness } from '../support/harness';
import { book, connect, createHarness, lastOf, opportunityImport, runToEnd, saveImport, sheet } from './import-support';

const COLUMNS = ['name', 'stage', 'createdAt'];
/** Archived records leave the result: archiving one in Lever makes it vanish from the import. */
const FILTERS = { archived: 'exclude', snoozed: 'include', confidential: 'include' } as const;
const EXPECTED = { archived: 'false', confidentiality: 'all' };
const MARKER = 'Removed from Lever';
const SHEET = 'Opportunities';

function columnName(column: number): string {
  return String.fromCharCode(64 + column);
}

function refresh(h: Harness, definition: ImportDefinition): RunRecord {
  const run = lastOf(runToEnd(h, definition.id));
  expect(run.status).toBe('succeeded');
  return run;
}

interface UserColumns {
  notes: number;
  formula: number;
  /** IDs the user wrote a note and a row formula next to. */
  annotated: Set<string>;
}

/**
 * The user types a "Notes" and a "Check" column right of the import (header + every third row): a note naming the
 * row's ID, and a formula on the row's own cells (`=A5&"|"&B5`: the ID and name of that row).
 */
function annotate(target: SheetInspector, width: number, idColumn = 1): UserColumns {
  const [notes, formula] = [width + 1, width + 2];
  target.type(`${columnName(notes)}1`, 'Notes');
  target.type(`${columnName(formula)}1`, 'Check');
  const annotated = new Set<string>();
  const rows = target.values();
  for (let row = 2; row <= rows.length; row++) {
    if (row % 3 !== 0) continue;
    const id = String(rows[row - 1][idColumn - 1]);
    annotated.add(id);
    target.type(`${columnName(notes)}${row}`, `note for ${id}`);
    target.type(`${columnName(formula)}${row}`, `=A${row}&"|"&B${row}`);
  }
  return { notes, formula, annotated };
}

interface LeverChange {
  archived: string[];
  deleted: string[];
  added: string[];
  renamed: string;
}

/**
 * Lever changes: new records newer than, between and older than the existing ones (so sorted results gain rows in
 * the middle), records archived (they leave the result) or deleted, one annotated record renamed.
 */
function changeLever(h: Harness, annotated: Set<string>, firstRows: string[]): LeverChange {
  const list = h.dataset.opportunities;
  // Every change moves updatedAt and deletions are listed, as in Lever: the refresh reads only what changed.
  const now = h.emu.clock.now();
  const byId = (id: string) => list.find((record) => record.id === id) as (typeof list)[number];
  const withNote = firstRows.filter((id) => annotated.has(id));
  const withoutNote = firstRows.filter((id) => !annotated.has(id));
  const archived = [withNote[1], withoutNote[2], withNote[4]];
  const reason = list.find((r) => r.archived)?.archived?.reason ?? 'r1';
  for (const id of archived) {
    const record = byId(id);
    list[list.indexOf(record)] = { ...record, archived: { archivedAt: now, reason }, updatedAt: now };
  }
  const deleted = [withNote[2], withoutNote[5]];
  const gone = deleted.map((id) => ({ ...byId(id), deletedAt: now, deletedBy: '' }));
  h.dataset.deletedOpportunities = [...(h.dataset.deletedOpportunities ?? []), ...gone];
  for (const id of deleted) list.splice(list.indexOf(byId(id)), 1);
  const times = firstRows.map((id) => byId(id)?.createdAt).filter((t): t is number => typeof t === 'number');
  const [newest, oldest] = [Math.max(...times), Math.min(...times)];
  const template = list.find((record) => !record.archived && record.id === withNote[0]) ?? list[0];
  const added = ['opp-newest', 'opp-middle', 'opp-older-middle', 'opp-oldest'];
  const createdAt = [
    newest + 1000,
    Math.round((newest + oldest) / 2) + 7,
    Math.round(oldest + (newest - oldest) / 5),
    oldest - 1000,
  ];
  added.forEach((id, index) => {
    list.push({ ...template, id, name: `New ${index}`, createdAt: createdAt[index], archived: null, updatedAt: now });
  });
  const renamed = withNote[3];
  list[list.indexOf(byId(renamed))] = { ...byId(renamed), name: 'Renamed in Lever', updatedAt: now };
  return { archived, deleted, added, renamed };
}

interface Summary {
  sheet: SheetInspector;
  check: (h: Harness) => void;
}

/** Formulas elsewhere that point at the import: a count of its IDs and a lookup of one record's name. */
function summarySheet(h: Harness, lookupId: string): Summary {
  book(h).insertSheet('Summary');
  const summary = sheet(h, 'Summary');
  summary.type('A1', `=COUNTA(${SHEET}!A:A)`);
  summary.type('B1', `=VLOOKUP("${lookupId}", ${SHEET}!A:Z, 2, 0)`);
  return {
    sheet: summary,
    check: (hh) => {
      const target = sheet(hh, SHEET).values();
      const ids = target.filter((row) => row[0] !== '');
      const record = hh.dataset.opportunities.find((r) => r.id === lookupId);
      expect(summary.values()[0]).toEqual([ids.length, record?.name]);
    },
  };
}

/** Every note and formula sits on its own record's row, and each formula still refers to its own row. */
function expectUserCellsOnTheirRows(target: SheetInspector, user: UserColumns, idColumn = 1): Set<string> {
  const values = target.values();
  const formulas = target.formulas();
  const seen = new Set<string>();
  for (let row = 2; row <= values.length; row++) {
    const id = String(values[row - 1][idColumn - 1]);
    const note = values[row - 1][user.notes - 1] ?? '';
    if (!user.annotated.has(id)) {
      expect([id, note]).toEqual([id, '']);
      continue;
    }
    seen.add(id);
    expect([id, note]).toEqual([id, `note for ${id}`]);
    const id1 = columnName(idColumn);
    const name1 = columnName(idColumn + 1);
    expect(formulas[row - 1][user.formula - 1]).toBe(`=${id1}${row}&"|"&${name1}${row}`);
    expect(values[row - 1][user.formula - 1]).toBe(`${id}|${values[row - 1][idColumn]}`);
  }
  return seen;
}

function setup(writeMode: WriteMode, vanished?: 'remove' | 'flag') {
  const h = createHarness({ opportunities: 90, requisitions: 5 });
  connect(h);
  const definition = saveImport(
    h,
    opportunityImport({ filters: FILTERS, columns: COLUMNS, writeMode, ...(vanished ? { vanished } : {}) }),
  );
  refresh(h, definition);
  const target = sheet(h, SHEET);
  return { h, definition, target };
}

function dataIds(target: SheetInspector, idColumn = 1): string[] {
  return target
    .values()
    .slice(1)
    .map((row) => String(row[idColumn - 1]));
}

describe.each<[WriteMode, 'remove' | 'flag' | undefined]>([
  ['replace', undefined],
  ['replace', 'remove'],
  ['updateById', 'flag'],
  ['updateById', 'remove'],
])('%s (vanished: %s)', (writeMode, vanished) => {
  it('keeps every note and row formula on its record’s row through refreshes that add, edit and remove', () => {
    const { h, definition, target } = setup(writeMode, vanished);
    const width = target.values()[0].length;
    const firstRows = dataIds(target);
    const user = annotate(target, width);
    const change0 = [...user.annotated][3];
    const summary = summarySheet(h, change0);
    summary.check(h);
    const change = changeLever(h, user.annotated, firstRows);
    expect(change.renamed).toBe(change0);

    refresh(h, definition);
    const header = target.values()[0];
    const markerColumn = header.indexOf(MARKER);
    // Records that left the result: kept (marked) when they hold the user's cells, unless the user chose removal.
    const keepsAnnotated = vanished !== 'remove';
    const keepsAll = writeMode === 'updateById' && vanished === 'flag';
    const gone = [...change.archived, ...change.deleted];
    const keptGone = gone.filter((id) => keepsAll || (keepsAnnotated && user.annotated.has(id)));
    // Update by ID's flag column is there from the first run; Replace adds it when it keeps a vanished row.
    const flagColumn = vanished === 'flag' ? width - 1 : -1;
    const replaceColumn = keptGone.length > 0 ? width : -1;
    expect(markerColumn).toBe(writeMode === 'updateById' ? flagColumn : replaceColumn);
    const shift = header.indexOf('Notes') - width;
    const moved: UserColumns = { ...user, notes: user.notes + shift, formula: user.formula + shift };
    expect(header[moved.notes - 1]).toBe('Notes');
    expect(header[moved.formula - 1]).toBe('Check');

    const rows = target.values().slice(1);
    const live = rows.filter((row) => markerColumn < 0 || row[markerColumn] !== true).map((row) => String(row[0]));
    const marked = rows.filter((row) => markerColumn >= 0 && row[markerColumn] === true).map((row) => String(row[0]));
    const expected = h.sim.query('opportunities', EXPECTED);
    if (writeMode === 'replace') expect(live).toEqual(expected);
    else expect(new Set(live)).toEqual(new Set(expected));
    expect(marked.sort()).toEqual([...keptGone].sort());

    const seen = expectUserCellsOnTheirRows(target, moved);
    const lost = [...user.annotated].filter((id) => !seen.has(id));
    expect(lost.sort()).toEqual(keepsAnnotated ? [] : gone.filter((id) => user.annotated.has(id)).sort());
    for (const id of lost) user.annotated.delete(id);
    const renamedRow = rows.find((row) => row[0] === change.renamed);
    expect(renamedRow?.[1]).toBe('Renamed in Lever');
    expect(renamedRow?.[moved.formula - 1]).toBe(`${change.renamed}|Renamed in Lever`);
    summary.check(h);

    // A vanished record that comes back takes its old row (and the user's cells on it) again.
    const back = change.archived[0];
    const list = h.dataset.opportunities;
    const index = list.findIndex((r) => r.id === back);
    list[index] = { ...list[index], archived: null, updatedAt: h.emu.clock.now() };
    refresh(h, definition);
    const after = target.values();
    const backRow = after.find((row) => row[0] === back);
    expect(backRow).toBeDefined();
    if (keepsAnnotated) expect(backRow?.[after[0].indexOf('Notes')]).toBe(`note for ${back}`);
    const again = after[0].indexOf(MARKER);
    if (again >= 0) expect(backRow?.[again]).toBe(false);
    const columnsNow = { ...user, notes: after[0].indexOf('Notes') + 1, formula: after[0].indexOf('Check') + 1 };
    expectUserCellsOnTheirRows(target, columnsNow);
    summary.check(h);
  });

  it('a refresh that fails mid-way (persistent 500) leaves the sheet, notes and formulas untouched', () => {
    const { h, definition, target } = setup(writeMode, vanished);
    const user = annotate(target, target.values()[0].length);
    changeLever(h, user.annotated, dataIds(target));
    const [values, formulas] = [target.values(), target.formulas()];
    h.sim.injectFaults({ status: 500, count: 10_000, path: '/opportunities' });
    expect(lastOf(runToEnd(h, definition.id)).status).toBe('failed');
    expect(target.values()).toEqual(values);
    expect(target.formulas()).toEqual(formulas);
  });
});

describe('append snapshot', () => {
  it('never moves earlier snapshot rows: notes and row formulas stay beside the rows they were typed next to', () => {
    const { h, definition, target } = setup('appendSnapshot');
    const width = target.values()[0].length;
    const user = annotate(target, width, 2);
    changeLever(h, user.annotated, dataIds(target, 2));
    h.emu.clock.advance(86_400_000);
    const before = target.values();
    const run = lastOf(runToEnd(h, definition.id));
    expect([run.status, run.message]).toEqual(['succeeded', undefined]);
    const after = target.values();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.length - before.length).toBe(h.sim.query('opportunities', EXPECTED).length);
    const formulas = target.formulas();
    for (let row = 2; row <= before.length; row++) {
      if (row % 3 !== 0) continue;
      expect(formulas[row - 1][user.formula - 1]).toBe(`=A${row}&"|"&B${row}`);
      expect(after[row - 1][user.notes - 1]).toBe(`note for ${after[row - 1][1]}`);
    }
    expect(after.slice(before.length).every((row) => row[user.notes - 1] === '')).toBe(true);
  });
});
