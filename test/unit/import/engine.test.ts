// The engine over plain fakes: resumable runs give the exact result; failures and interruptions never touch the target.
import { AppError } from '../../../src/errors';
import { runSlice } from '../../../src/import/engine';
import { CHUNK_MS, FLUSH_ROWS, HOLD_MS } from '../../../src/import/fetch-phase';
import { BASE_CELL_CEILING } from '../../../src/import/incremental-base-sheet';
import { loadCheckpoint } from '../../../src/store/checkpoint';
import { loadDefinition, updateDefinition } from '../../../src/store/imports-store';
import { loadIncrementalBase } from '../../../src/store/incremental-base';
import { latestRun, loadRuns } from '../../../src/store/runs-store';
import type { FakeSheet } from '../sheet/fake-workbook';
import { deps, expectedIds, records, runToEnd, targetIds, withSource, world } from './engine-world';
import { authError, FakeSource, fakeAccess } from './fake-lever';

/** The sheets a user sees: every opportunity import also keeps its hidden changes-only base. */
function userSheets(w: { workbook: { sheetNames(): string[] } }): string[] {
  return w.workbook.sheetNames().filter((name) => !name.startsWith('_lever_base_'));
}
/** The staging sheets the run inserts, as they are inserted. */
function stagingSheets(w: ReturnType<typeof world>): FakeSheet[] {
  const staged: FakeSheet[] = [];
  const insertSheet = w.workbook.insertSheet.bind(w.workbook);
  w.workbook.insertSheet = (name) => {
    const sheet = insertSheet(name);
    if (name.startsWith('_lever_staging_')) staged.push(sheet);
    return sheet;
  };
  return staged;
}

/** An execution `lengthMs` long (Google's is 360 s): the commit's estimate is 20 s plus 0.05 ms a cell. */
function shortDeps(w: ReturnType<typeof world>, lengthMs: number) {
  const base = deps(w);
  return { ...base, hardLimitAt: base.budget.startedAt + lengthMs };
}

describe('runSlice', () => {
  it('imports a small result in one execution: sorted, named, safe, staging removed', () => {
    const w = world();
    const list = records(250);
    withSource(w, list);
    const [record] = runToEnd(w);
    expect(record).toMatchObject({ status: 'succeeded', rowsFetched: 250, rowsWritten: 250, pages: 3, executions: 1 });
    const sheet = w.workbook.sheet('Opportunities');
    expect(sheet.values()[0]).toEqual(['Lever ID', 'Name', 'Created', 'Stage']);
    expect(targetIds(w)).toEqual(expectedIds(list));
    expect(sheet.column(4, 2).every((stage) => stage === 'New lead')).toBe(true);
    expect(sheet.formulas()).toEqual([]);
    expect(userSheets(w)).toEqual(['Sheet1', 'Opportunities']);
    expect(w.workbook.sheetNames()).toContain(`_lever_base_${w.definition.id}`);
    expect(loadCheckpoint(w.store, w.definition.id)).toBeNull();
    expect(loadDefinition(w.store, w.definition.id)?.sheetId).toBe(sheet.sheetId);
  });

  it('continues a large run over executions and leaves the target untouched until the commit', () => {
    const w = world();
    withSource(w, records(300));
    runToEnd(w);
    const before = w.workbook.sheet('Opportunities').values();
    const list = records(12_000);
    withSource(w, list, { msPerPage: 3_000 });
    const first = runSlice(deps(w), w.definition.id, 'sidebar');
    expect(first.status).toBe('continuing');
    expect(first.rowsFetched).toBeGreaterThan(0);
    expect(w.workbook.sheet('Opportunities').values()).toEqual(before);
    expect(w.workbook.sheet(`_lever_staging_${w.definition.id}`).hidden).toBe(true);
    const rest = runToEnd({ ...w, lever: w.lever });
    const last = rest[rest.length - 1];
    expect(last).toMatchObject({ status: 'succeeded', rowsWritten: 12_000 });
    expect(last.executions).toBeGreaterThan(1);
    expect(targetIds(w)).toEqual(expectedIds(list));
  });

  it('gives the same sheet for any arrival order and with repeated pages', () => {
    const list = records(900);
    const a = world();
    withSource(a, list);
    runToEnd(a);
    const b = world();
    withSource(b, [...list].reverse(), { repeatEvery: 2, pageSize: 70 });
    runToEnd(b);
    expect(b.workbook.sheet('Opportunities').values()).toEqual(a.workbook.sheet('Opportunities').values());
  });

  it('ignores rows staged after the last checkpoint when an execution dies, and finishes exact', () => {
    const w = world();
    const list = records(3 * FLUSH_ROWS);
    const source = withSource(w, list, { msPerPage: 10 });
    // Google kills the execution right after its second staging write, before the checkpoint that would cover it.
    const kill = Object.assign(new Error('Exceeded maximum execution time'), { name: 'Exception' });
    const set = w.store.set.bind(w.store);
    let killed = false;
    w.store.set = (key, value) => {
      killed ||= key.startsWith('checkpoint.') && JSON.parse(value).rowsStaged > FLUSH_ROWS;
      if (killed) throw kill;
      set(key, value);
    };
    expect(() => runSlice(deps(w), w.definition.id, 'sidebar')).toThrow(/Exceeded maximum execution time/);
    w.store.set = set;
    expect(loadCheckpoint(w.store, w.definition.id)?.rowsStaged).toBe(FLUSH_ROWS);
    const staging = w.workbook.sheet(`_lever_staging_${w.definition.id}`);
    expect(staging.column(1, 2)).toHaveLength(2 * FLUSH_ROWS);
    // Meanwhile Lever lost the records staged after the checkpoint: they must not come back from the staging sheet.
    source.records = [...list.slice(0, FLUSH_ROWS), ...list.slice(2 * FLUSH_ROWS)];
    const rest = runToEnd(w);
    expect(rest[rest.length - 1].status).toBe('succeeded');
    expect(targetIds(w)).toEqual(expectedIds(source.records));
  });

  it('records a failure, removes the staging, and leaves the previous data exactly as it was', () => {
    const w = world();
    withSource(w, records(300));
    runToEnd(w);
    const before = w.workbook.sheet('Opportunities').values();
    withSource(w, records(5_000), { failAt: { page: 20, error: authError() }, msPerPage: 10 });
    const [failed] = runToEnd(w);
    expect(failed).toMatchObject({ status: 'failed', errorCode: 'LEVER_AUTH' });
    expect(failed.message).toMatch(/rejected the API key/);
    expect(w.workbook.sheet('Opportunities').values()).toEqual(before);
    expect(userSheets(w)).toEqual(['Sheet1', 'Opportunities']);
    expect(loadCheckpoint(w.store, w.definition.id)).toBeNull();
    expect(loadRuns(w.store, w.definition.id).map((r) => r.status)).toEqual(['failed', 'succeeded']);
  });

  it('fails clearly without a key, and when the sheet it wrote to was deleted', () => {
    const w = world();
    expect(runToEnd(w)[0]).toMatchObject({ status: 'failed', errorCode: 'NO_KEY' });
    withSource(w, records(10));
    runToEnd(w);
    w.workbook.deleteSheet(w.workbook.sheet('Opportunities'));
    w.definition = loadDefinition(w.store, w.definition.id)!;
    const [missing] = runToEnd(w);
    expect(missing).toMatchObject({ status: 'failed', errorCode: 'SHEET_MISSING' });
    expect(userSheets(w)).toEqual(['Sheet1']);
  });

  it('finds its sheet by id after a rename and records the new name', () => {
    const w = world();
    withSource(w, records(10));
    runToEnd(w);
    w.workbook.sheet('Opportunities').title = 'Pipeline data';
    expect(runToEnd(w)[0].status).toBe('succeeded');
    expect(loadDefinition(w.store, w.definition.id)?.sheetName).toBe('Pipeline data');
    expect(userSheets(w)).toEqual(['Sheet1', 'Pipeline data']);
  });

  it('stands when the script lock is busy as it records the sheet, which the next run finds by name and records', () => {
    const w = world();
    withSource(w, records(10));
    w.store.exclusive = () => {
      throw new AppError('BUSY', {});
    };
    expect(runToEnd(w)[0].status).toBe('succeeded');
    expect(loadDefinition(w.store, w.definition.id)?.sheetId).toBeUndefined();
    w.store.exclusive = (work) => work();
    expect(runToEnd(w)[0].status).toBe('succeeded');
    expect(userSheets(w)).toEqual(['Sheet1', 'Opportunities']);
    expect(loadDefinition(w.store, w.definition.id)?.sheetId).toBe(w.workbook.sheet('Opportunities').sheetId);
  });

  it('restarts cleanly when the definition changes between executions', () => {
    const w = world();
    const list = records(12_000);
    const source = withSource(w, list, { msPerPage: 3_000 });
    expect(runSlice(deps(w), w.definition.id, 'sidebar').status).toBe('continuing');
    updateDefinition(w.store, w.definition.id, (d) => ({ ...d, columns: ['id', 'name'] }));
    const rest = runToEnd(w);
    expect(rest[rest.length - 1].status).toBe('succeeded');
    expect(source.starts).toHaveLength(2);
    expect(w.workbook.sheet('Opportunities').values()[0]).toEqual(['Lever ID', 'Name']);
    expect(targetIds(w)).toEqual(expectedIds(list));
    // The first attempt's staging sheet went with it.
    expect(userSheets(w)).toEqual(['Sheet1', 'Opportunities']);
  });

  it('waits for a fresh execution when the commit might not fit in the time left', () => {
    const w = world();
    // Four slow pages: the last one ends 340 s into the execution, too late for a 20 s commit.
    withSource(w, records(400), { msPerPage: 85_000 });
    const first = runSlice(deps(w), w.definition.id, 'sidebar');
    expect(first.status).toBe('continuing');
    expect(loadCheckpoint(w.store, w.definition.id)?.fetchDone).toBe(true);
    expect(w.workbook.sheetByName('Opportunities')).toBeNull();
    w.clock.advance(1_000);
    const second = runSlice(deps(w), w.definition.id, 'sidebar', { continueOnly: true });
    expect(second).toMatchObject({ status: 'succeeded', rowsWritten: 400, executions: 2 });
  });

  it('writes nothing when slow lookups leave too little time, and commits in the next execution', () => {
    const w = world();
    const source = withSource(w, records(500));
    const access = fakeAccess(source);
    const lookups = access.lookups.bind(access);
    access.lookups = (needed) => {
      if (access.lookupCalls.length === 0) w.clock.advance(340_000);
      return lookups(needed);
    };
    w.lever = access;
    const first = runSlice(deps(w), w.definition.id, 'sidebar');
    expect(first.status).toBe('continuing');
    expect(w.workbook.sheetByName('Opportunities')).toBeNull();
    w.clock.advance(1_000);
    expect(runSlice(deps(w), w.definition.id, 'sidebar', { continueOnly: true })).toMatchObject({
      status: 'succeeded',
      rowsWritten: 500,
    });
    expect(access.lookupCalls).toHaveLength(2);
  });

  it('saves progress while it runs, fetches each lookup once per run, and reports on continueImport after the end', () => {
    const w = world();
    const source = withSource(w, records(3_000), { msPerPage: 1_000 });
    const progress: number[] = [];
    const original = source.next.bind(source);
    source.next = (state, deadline, sink) => {
      progress.push(latestRun(w.store, w.definition.id)?.rowsFetched ?? -1);
      return original(state, deadline, sink);
    };
    const records_ = runToEnd(w);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[progress.length - 1]).toBeGreaterThan(0);
    expect((w.lever as ReturnType<typeof fakeAccess>).lookupCalls).toEqual([['stages']]);
    const after = runSlice(deps(w), w.definition.id, 'sidebar', { continueOnly: true });
    expect(after).toEqual(records_[records_.length - 1]);
  });

  it('stages in batches of FLUSH_ROWS rows and hands the last batch straight to the commit', () => {
    const w = world();
    const list = records(2 * FLUSH_ROWS + 4_321);
    withSource(w, list, { msPerPage: 10 });
    const staged = stagingSheets(w);
    const [record] = runToEnd(w);
    expect(record).toMatchObject({ status: 'succeeded', rowsFetched: list.length, rowsWritten: list.length });
    expect(staged).toHaveLength(1);
    // Two staging writes (the header goes with the first), one growth; the rest was never staged. This execution
    // staged every row and still holds them, so the commit reads nothing back. One deleteColumns makes the new sheet
    // exactly as wide as its header.
    expect(staged[0].calls).toEqual({ write: 2, insertRowsAfter: 1, deleteColumns: 1 });
    expect(targetIds(w)).toEqual(expectedIds(list));
    expect(userSheets(w)).toEqual(['Sheet1', 'Opportunities']);
  });

  it('reads the staged rows back only when an earlier execution staged some of them', () => {
    const w = world();
    const list = records(2 * FLUSH_ROWS + 4_321);
    // Slow pages: the fetch spans executions, so the committing one never held the first batches.
    withSource(w, list, { msPerPage: 2_000 });
    const staged = stagingSheets(w);
    const runs = runToEnd(w);
    expect(runs.length).toBeGreaterThan(1);
    expect(runs[runs.length - 1]).toMatchObject({ status: 'succeeded', rowsWritten: list.length });
    // Each resumed execution checks the staging header (one read); the commit reads the rows back (one more).
    expect(staged[0].calls.read).toBe(runs.length);
    expect(targetIds(w)).toEqual(expectedIds(list));
  });

  it('needs no staging sheet for a run that fits in one batch, and fetches lookups alongside the records', () => {
    const w = world();
    const list = records(FLUSH_ROWS - 100);
    const access = fakeAccess(new FakeSource(list, w.clock, { msPerPage: 10 }));
    w.lever = access;
    const inserted: string[] = [];
    const insertSheet = w.workbook.insertSheet.bind(w.workbook);
    w.workbook.insertSheet = (name) => {
      inserted.push(name);
      return insertSheet(name);
    };
    expect(runToEnd(w)[0]).toMatchObject({ status: 'succeeded', rowsWritten: list.length });
    expect(inserted.filter((name) => !name.startsWith('_lever_base_'))).toEqual(['Opportunities']);
    expect(targetIds(w)).toEqual(expectedIds(list));
    expect(access.prefetchCalls).toEqual([['stages']]);
  });

  it('holds rows over several chunks, with no staging sheet, when one execution fetches everything within HOLD_MS', () => {
    const w = world();
    const list = records(5_000);
    // 50 pages of 800 ms: longer than a chunk (CHUNK_MS), shorter than HOLD_MS.
    withSource(w, list, { msPerPage: 800 });
    expect(50 * 800).toBeGreaterThan(CHUNK_MS);
    expect(50 * 800).toBeLessThan(HOLD_MS);
    const inserted: string[] = [];
    const insertSheet = w.workbook.insertSheet.bind(w.workbook);
    w.workbook.insertSheet = (name) => {
      inserted.push(name);
      return insertSheet(name);
    };
    const progress: number[] = [];
    const set = w.store.set.bind(w.store);
    w.store.set = (key, value) => {
      if (key.startsWith('runs.')) progress.push(JSON.parse(value)[0].rowsFetched);
      set(key, value);
    };
    expect(runToEnd(w)).toEqual([expect.objectContaining({ status: 'succeeded', rowsWritten: 5_000, executions: 1 })]);
    expect(inserted).toContain('Opportunities');
    expect(inserted.filter((name) => name.startsWith('_lever_staging_'))).toEqual([]);
    // The sidebar still sees progress between chunks, though nothing was staged.
    expect(progress.some((rows) => rows > 0 && rows < 5_000)).toBe(true);
    expect(targetIds(w)).toEqual(expectedIds(list));
  });

  it('closes a run whose execution died after its checkpoint was removed', () => {
    const w = world();
    withSource(w, records(10));
    const record = runToEnd(w)[0];
    w.store.set(`runs.${w.definition.id}`, JSON.stringify([{ ...record, status: 'running' }]));
    const closed = runSlice(deps(w), w.definition.id, 'sidebar', { continueOnly: true });
    expect(closed).toMatchObject({ status: 'failed', message: expect.stringMatching(/interrupted/) });
  });
});

describe('the changes-only base when the commit cannot afford it', () => {
  it('commits without a base when the base would make the commit longer than any execution, instead of waiting for ever', () => {
    const w = world();
    const list = records(10_000);
    withSource(w, list, { msPerPage: 0 });
    // Target 10,000 × 4 cells (2 s at the estimate) fits in 15 s of kill margin + 20 s fixed + 3 s; with its base
    // (10,000 × the staged width) it would not, in this execution or any other of the same length.
    const record = runSlice(shortDeps(w, 38_000), w.definition.id, 'sidebar');
    expect(record).toMatchObject({ status: 'succeeded', rowsWritten: 10_000, executions: 1 });
    expect(targetIds(w)).toEqual(expectedIds(list));
    expect(w.workbook.sheetNames()).not.toContain(`_lever_base_${w.definition.id}`);
  });

  it('keeps the base when the commit with it fits', () => {
    const w = world();
    withSource(w, records(10_000), { msPerPage: 0 });
    expect(runSlice(shortDeps(w, 60_000), w.definition.id, 'sidebar').status).toBe('succeeded');
    expect(w.workbook.sheetNames()).toContain(`_lever_base_${w.definition.id}`);
  });
});

describe('a result no execution can write', () => {
  it('fails once, saying so, and leaves the target as it was instead of continuing for ever', () => {
    const w = world();
    withSource(w, records(300));
    runToEnd(w);
    const before = w.workbook.sheet('Opportunities').values();
    withSource(w, records(10_000), { msPerPage: 0 });
    // 36 s: 15 s of kill margin and 20 s of fixed commit cost leave 1 s, about 20,000 cells at the estimate.
    const record = runSlice(shortDeps(w, 36_000), w.definition.id, 'sidebar');
    expect(record).toMatchObject({ status: 'failed', errorCode: 'SHEET_TOO_BIG' });
    expect(record.message).toContain('more than one run can write');
    expect(w.workbook.sheet('Opportunities').values()).toEqual(before);
    expect(loadCheckpoint(w.store, w.definition.id)).toBeNull();
  });
});

describe('a base write that fails', () => {
  it('leaves the refreshed target, and no base a later run would trust: the next run reads everything', () => {
    const w = world();
    const list = records(500);
    withSource(w, list);
    expect(runToEnd(w).at(-1)?.status).toBe('succeeded');
    const base = w.workbook.sheet(`_lever_base_${w.definition.id}`);
    base.write = () => {
      throw new Error('Service Spreadsheets failed while accessing document');
    };
    w.clock.advance(3_600_000);
    const record = runSlice(deps(w), w.definition.id, 'sidebar', { full: true });
    expect(record.status).toBe('succeeded');
    expect(targetIds(w)).toEqual(expectedIds(list));
    expect(w.workbook.sheetNames()).not.toContain(`_lever_base_${w.definition.id}`);
    expect(loadIncrementalBase(w.store, w.definition.id)).toBeNull();
  });
});

describe('a changes-only refresh and its base', () => {
  /** Every write to the base sheet from here on, as [first row, rows, cells]. */
  function baseWrites(w: ReturnType<typeof world>): Array<[number, number, number]> {
    const base = w.workbook.sheet(`_lever_base_${w.definition.id}`);
    const writes: Array<[number, number, number]> = [];
    const write = base.write.bind(base);
    base.write = (row, column, values) => {
      writes.push([row, values.length, values.length * (values[0]?.length ?? 0)]);
      write(row, column, values);
    };
    return writes;
  }

  it('appends only the changed rows and removal marks after the recorded rows, in one write, then records them', () => {
    const w = world();
    const list = records(500);
    withSource(w, list);
    expect(runToEnd(w).at(-1)?.kind).toBe('full');
    const before = loadIncrementalBase(w.store, w.definition.id);
    expect(before?.rows).toBe(500);
    const writes = baseWrites(w);
    // Three renamed, two turned confidential (the fake source returns every record: the base tells the changed
    // apart).
    for (const r of list.slice(0, 3)) r.name = `${r.name} (renamed)`;
    for (const r of list.slice(3, 5)) r.confidentiality = 'confidential';
    const next = list.slice(0, 3).concat(list.slice(5));
    w.clock.advance(3_600_000);
    const [record] = runToEnd(w);
    expect(record).toMatchObject({ status: 'succeeded', kind: 'changes' });
    expect(targetIds(w)).toEqual(expectedIds(next));
    const width = before?.width ?? 0;
    expect(writes).toEqual([[502, 5, 5 * width]]);
    expect(loadIncrementalBase(w.store, w.definition.id)).toMatchObject({ rows: 505, width, sheetId: before?.sheetId });
  });

  it('writes nothing to the base when nothing changed, and rewrites it compact when the log grows too long', () => {
    const w = world();
    const list = records(400);
    withSource(w, list);
    runToEnd(w);
    const writes = baseWrites(w);
    w.clock.advance(3_600_000);
    expect(runToEnd(w).at(-1)?.kind).toBe('changes');
    expect(writes).toEqual([]);
    expect(loadIncrementalBase(w.store, w.definition.id)?.rows).toBe(400);
    // 60 renamed an hour: the second hour's log (520 rows for 400 live) passes the 25% share and is rewritten.
    for (const round of [1, 2]) {
      for (const r of list.slice(round * 60, round * 60 + 60)) r.name = `${r.name} (hour ${round})`;
      w.clock.advance(3_600_000);
      expect(runToEnd(w).at(-1)?.kind).toBe('changes');
    }
    expect(writes.map(([row, rows]) => [row, rows])).toEqual([
      [402, 60],
      [1, 401],
    ]);
    expect(loadIncrementalBase(w.store, w.definition.id)?.rows).toBe(400);
    expect(w.workbook.sheet(`_lever_base_${w.definition.id}`).lastRow()).toBe(401);
    expect(targetIds(w)).toEqual(expectedIds(list));
  });

  it('rewrites the base compact instead of appending when the log would pass the cell ceiling', () => {
    const w = world();
    const list = records(400);
    withSource(w, list);
    runToEnd(w);
    const writes = baseWrites(w);
    // The spreadsheet at the ceiling: a longer log would not fit, the same rows compact do.
    w.workbook.totalCells = () => BASE_CELL_CEILING;
    for (const r of list.slice(0, 10)) r.name = `${r.name} (renamed)`;
    w.clock.advance(3_600_000);
    expect(runToEnd(w).at(-1)).toMatchObject({ status: 'succeeded', kind: 'changes' });
    expect(writes.map(([row, rows]) => [row, rows])).toEqual([[1, 401]]);
    expect(loadIncrementalBase(w.store, w.definition.id)?.rows).toBe(400);
    expect(targetIds(w)).toEqual(expectedIds(list));
  });
});
