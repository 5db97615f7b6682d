// An editor's change of an import raced by another's, at every Apps Script call of it: a schedule change against a
// take-over, a save against a delete; and an import an older version's race left out of the index stays in sight.
import type { ImportDefinition, ScheduleSpec, SidebarState } from '../../src/shared/types';
import type { ExecutionResult } from '../../tools/gas-emulator';
import { createHarness, type Harness, NO_CONFIDENTIAL_KEY, OTHER_USER, START, USER } from '../support/harness';
import { documentState, editState } from '../support/state';
import { book, lastOf, runToEnd } from './import-support';
import { HOUR, latestRunOf, requisitionImport, scheduledImport, stepTo } from './schedule-support';

const BUSY = /Lever for Sheets is busy/;

/** Runs `inner` once, at the `at`-th Apps Script call (0-based) of the next execution of `fn` by `user`. */
function interleaveAt(h: Harness, fn: string, user: string, at: number, inner: () => ExecutionResult) {
  const seen: ExecutionResult[] = [];
  let count = 0;
  h.emu.onServiceCall((call) => {
    if (seen.length > 0 || call.fn !== fn || call.user !== user || count++ !== at) return;
    h.emu.onServiceCall(null);
    seen.push(inner());
  });
  return seen;
}

/** How many Apps Script calls one uninterrupted run of `run` makes in executions of `fn`. */
function callsOf(h: Harness, fn: string, run: () => void): number {
  let count = 0;
  h.emu.onServiceCall((call) => {
    if (call.fn === fn) count++;
  });
  run();
  h.emu.onServiceCall(null);
  return count;
}

function sidebar(h: Harness, user = USER): SidebarState {
  return h.call<SidebarState>('getSidebarState', [], user);
}

function stored(h: Harness, importId: string): ImportDefinition | null {
  const raw = documentState(h.emu, h.ssId)[`import.${importId}`];
  return raw ? (JSON.parse(raw) as ImportDefinition) : null;
}

const DAILY_10: ScheduleSpec = { kind: 'daily', hour: 10 };
const DAILY_11: ScheduleSpec = { kind: 'daily', hour: 11 };

/** Ana owns a daily schedule; Ben has a key of his own and can take it over. */
function scheduleOwnedByAna() {
  const h = createHarness({ requisitions: 5, opportunities: 5 });
  const definition = scheduledImport(h, 'Team reqs', DAILY_10);
  h.call('saveApiKey', [NO_CONFIDENTIAL_KEY, 'production'], OTHER_USER);
  return { h, definition };
}

function setAs(h: Harness, importId: string, spec: object, user = USER): ExecutionResult {
  return h.emu.callFromSidebar('setSchedule', [importId, spec], { user, spreadsheetId: h.ssId });
}

describe("a schedule change raced by another editor's take-over", () => {
  const { h: probe, definition: probed } = scheduleOwnedByAna();
  const calls = callsOf(probe, 'setSchedule', () => setAs(probe, probed.id, DAILY_11));

  it.each(Array.from({ length: calls }, (_, at) => at))('ends as one order of the two, with Ben at call %i', (at) => {
    const { h, definition } = scheduleOwnedByAna();
    const bens = interleaveAt(h, 'setSchedule', USER, at, () =>
      h.emu.callFromSidebar('takeOverSchedule', [definition.id], { user: OTHER_USER, spreadsheetId: h.ssId }),
    );
    const anas = setAs(h, definition.id, DAILY_11);
    const ben = bens[0];
    const final = stored(h, definition.id);
    if (!ben.ok) {
      // Ben met Ana's write in the lock: busy, and the change is hers alone.
      expect(ben.error?.message).toMatch(BUSY);
      expect(anas.ok).toBe(true);
      expect(final).toMatchObject({ scheduleOwner: USER, schedule: DAILY_11 });
    } else if (anas.ok) {
      // Ana's change, then Ben's take-over of it: never Ana's change written over Ben's take-over.
      expect(final).toMatchObject({ scheduleOwner: OTHER_USER, schedule: DAILY_11 });
    } else {
      // Ben's take-over first: Ana is told the schedule is Ben's now, and nothing of hers is written.
      expect(anas.error?.message).toContain(`${OTHER_USER}'s Lever key`);
      expect(final).toMatchObject({ scheduleOwner: OTHER_USER, schedule: DAILY_10 });
    }
  });

  it('is refused as busy, writing nothing, while another execution holds the script lock', () => {
    const { h, definition } = scheduleOwnedByAna();
    let anas: ExecutionResult | undefined;
    // Ana's change arrives while Ben's new import is being added (in the script lock, flushing before its release).
    h.emu.onServiceCall((call) => {
      if (anas || call.fn !== 'saveImport' || call.name !== 'SpreadsheetApp.flush') return;
      anas = setAs(h, definition.id, DAILY_11);
    });
    h.call('saveImport', [requisitionImport('Bens', 'Bens')], OTHER_USER);
    h.emu.onServiceCall(null);

    expect(anas?.ok).toBe(false);
    expect(anas?.error?.message).toMatch(BUSY);
    expect(stored(h, definition.id)).toMatchObject({ scheduleOwner: USER, schedule: DAILY_10 });
    // Ana's one trigger still serves her schedule, and trying again works.
    expect(h.emu.triggers({ user: USER })).toHaveLength(1);
    expect(setAs(h, definition.id, DAILY_11).ok).toBe(true);
  });
});

describe("a save of an existing import raced by another editor's delete", () => {
  function twoImports() {
    const h = createHarness({ requisitions: 5, opportunities: 5 });
    h.call('saveApiKey', [NO_CONFIDENTIAL_KEY, 'production'], OTHER_USER);
    const doomed = h.call<ImportDefinition>('saveImport', [requisitionImport('Old', 'Old')]);
    h.call('saveImport', [requisitionImport('Kept', 'Kept')]);
    return { h, doomed };
  }
  const edit = (id: string) => ({ ...requisitionImport('Old, renamed', 'Old'), id });
  const { h: probe, doomed: probed } = twoImports();
  const calls = callsOf(probe, 'saveImport', () => probe.call('saveImport', [edit(probed.id)]));

  it.each(Array.from({ length: calls }, (_, at) => at))('never brings it back, with the delete at call %i', (at) => {
    const { h, doomed } = twoImports();
    const bens = interleaveAt(h, 'saveImport', USER, at, () =>
      h.emu.callFromSidebar('deleteImport', [doomed.id], { user: OTHER_USER, spreadsheetId: h.ssId }),
    );
    const anas = h.emu.callFromSidebar('saveImport', [edit(doomed.id)], { user: USER, spreadsheetId: h.ssId });
    const names = sidebar(h).imports.map((entry) => entry.definition.name);
    if (!bens[0].ok) {
      expect(bens[0].error?.message).toMatch(BUSY);
      expect(names).toEqual(['Old, renamed', 'Kept']);
      return;
    }
    // Deleted, whichever landed first: no definition left behind, in no list.
    expect(stored(h, doomed.id)).toBeNull();
    expect(names).toEqual(['Kept']);
    if (!anas.ok) expect(anas.error?.message).toMatch(/no longer exists.*save them as a new import/);
  });
});

describe('an import missing from the index (an older version lost its entry)', () => {
  it('is shown with a warning, left out of the schedule, and listed again when saved', () => {
    const h = createHarness({ requisitions: 5, opportunities: 5 });
    const lost = scheduledImport(h, 'Lost', DAILY_10);
    const kept = h.call<ImportDefinition>('saveImport', [requisitionImport('Kept', 'Kept')]);
    editState(h, 'imports.index', JSON.stringify([kept.id]));

    const shown = sidebar(h).imports;
    expect(shown.map((entry) => entry.definition.name)).toEqual(['Kept', 'Lost']);
    expect(shown[1].warning).toMatch(/dropped out of the spreadsheet’s list of imports.*Save it to list it again/);
    expect(shown[1].nextRunAt).toBeUndefined();

    h.call('saveImport', [{ ...requisitionImport('Lost', 'Lost'), id: lost.id }]);
    expect(JSON.parse(documentState(h.emu, h.ssId)['imports.index'])).toEqual([kept.id, lost.id]);
    const again = sidebar(h).imports;
    expect(again.map((entry) => entry.definition.name)).toEqual(['Kept', 'Lost']);
    expect(again[1].warning ?? '').not.toMatch(/list of imports/);
    expect(again[1].definition).toMatchObject({ schedule: DAILY_10, scheduleOwner: USER });
    // Its schedule runs again: daily at 10:00 New York is 15:00 UTC, the hour after the harness starts.
    stepTo(h, START + 2 * HOUR);
    expect(latestRunOf(h, lost.id)).toMatchObject({ status: 'succeeded', trigger: 'schedule' });
  });
});

describe('an import missing from a full index (50 others listed)', () => {
  it('runs all the same and stays unlisted; scheduling it says why it cannot', () => {
    const h = createHarness({ requisitions: 5, opportunities: 5 });
    h.call('saveApiKey', [NO_CONFIDENTIAL_KEY, 'production']);
    const lost = h.call<ImportDefinition>('saveImport', [requisitionImport('Lost', 'Lost')]);
    const fillers = Array.from({ length: 50 }, (_, n) => `filler${n}`);
    for (const id of fillers) editState(h, `import.${id}`, JSON.stringify({ ...lost, id, name: id, sheetName: id }));
    editState(h, 'imports.index', JSON.stringify(fillers));

    expect(lastOf(runToEnd(h, lost.id)).status).toBe('succeeded');
    expect(stored(h, lost.id)?.sheetId).toBe(book(h).sheet('Lost').sheetId());
    expect(JSON.parse(documentState(h.emu, h.ssId)['imports.index'])).toEqual(fillers);

    const scheduling = setAs(h, lost.id, DAILY_10);
    expect(scheduling.ok).toBe(false);
    expect(scheduling.error?.message).toMatch(/at most 50 imports, and this one has that many/);
    expect(stored(h, lost.id)?.schedule).toBeUndefined();
    expect(h.emu.triggers({ user: USER })).toEqual([]);
    expect(lastOf(sidebar(h).imports)).toMatchObject({ definition: { id: lost.id }, warning: expect.any(String) });
  });
});

// (A delete is refused while the run holds its lease: imports-store.test.ts checks the write keeps it deleted.)
describe("an import's first run, its commit raced by a take-over or a schedule change", () => {
  /** Runs Ana's first run of the import from the sidebar, `inner` once as soon as its commit made the target sheet. */
  function firstRunWith(h: Harness, definition: ImportDefinition, inner: () => ExecutionResult) {
    const seen: ExecutionResult[] = [];
    h.emu.onServiceCall((call) => {
      if (seen.length > 0 || call.user !== USER || !h.emu.spreadsheet(h.ssId).hasSheet(definition.name)) return;
      h.emu.onServiceCall(null);
      seen.push(inner());
    });
    const records = runToEnd(h, definition.id);
    h.emu.onServiceCall(null);
    expect(seen).toHaveLength(1);
    return { other: seen[0], run: lastOf(records) };
  }

  it('keeps the take-over, and records the sheet the run made', () => {
    const { h, definition } = scheduleOwnedByAna();
    const { other, run } = firstRunWith(h, definition, () =>
      h.emu.callFromSidebar('takeOverSchedule', [definition.id], { user: OTHER_USER, spreadsheetId: h.ssId }),
    );
    expect(other.ok).toBe(true);
    expect(run.status).toBe('succeeded');
    const target = h.emu.spreadsheet(h.ssId).sheet(definition.name);
    expect(stored(h, definition.id)).toMatchObject({ scheduleOwner: OTHER_USER, schedule: DAILY_10 });
    expect(stored(h, definition.id)?.sheetId).toBe(target.sheetId());
  });

  it('keeps the schedule change', () => {
    const { h, definition } = scheduleOwnedByAna();
    const { other, run } = firstRunWith(h, definition, () => setAs(h, definition.id, DAILY_11));
    expect(other.ok).toBe(true);
    expect(run.status).toBe('succeeded');
    expect(stored(h, definition.id)).toMatchObject({ scheduleOwner: USER, schedule: DAILY_11 });
  });
});

describe("an import's first run, the script lock busy when it records its sheet", () => {
  /** Ana's first run, with another execution holding the script lock through the run's first hold after its insert. */
  function firstRunWithLockBusy(h: Harness, definition: ImportDefinition) {
    let release: (() => void) | null = null;
    let refused = false;
    h.emu.onServiceCall((call) => {
      if (refused || call.user !== USER) return;
      if (release && call.name !== 'LockService.Lock.tryLock') {
        release();
        refused = true;
      } else if (!release && call.name === 'LockService.getScriptLock' && book(h).hasSheet(definition.sheetName))
        release = h.emu.holdLock('script');
    });
    const run = lastOf(runToEnd(h, definition.id));
    h.emu.onServiceCall(null);
    expect(refused).toBe(true);
    return run;
  }

  it('refreshes the sheet the user renamed since, at the next run, and makes no new one', () => {
    const h = createHarness({ requisitions: 5, opportunities: 5 });
    h.call('saveApiKey', [NO_CONFIDENTIAL_KEY, 'production']);
    const definition = h.call<ImportDefinition>('saveImport', [requisitionImport('Reqs', 'Reqs')]);
    expect(firstRunWithLockBusy(h, definition).status).toBe('succeeded');
    // The record was skipped: the definition does not know the sheet's id.
    expect(stored(h, definition.id)?.sheetId).toBeUndefined();
    const written = book(h).sheet('Reqs');
    const ids = written
      .values()
      .slice(1)
      .map((row) => row[0]);
    expect(ids.length).toBeGreaterThan(0);

    book(h).setSheetName('Reqs', 'My reqs');
    written.type('A2', 'stale');
    const sheetsBefore = book(h).sheetNames();
    expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');

    expect(book(h).sheetNames()).toEqual(sheetsBefore);
    const refreshed = book(h).sheet('My reqs');
    expect(refreshed.sheetId()).toBe(written.sheetId());
    expect(
      refreshed
        .values()
        .slice(1)
        .map((row) => row[0]),
    ).toEqual(ids);
    expect(stored(h, definition.id)).toMatchObject({ sheetId: written.sheetId(), sheetName: 'My reqs' });
  });
});
