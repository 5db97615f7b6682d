// One dispatcher firing against fake ports: due imports run once per slot, runs continue first, failures surface.
import { AppError } from '../../../src/errors';
import { RUN_LOG_SHEET } from '../../../src/health/run-log';
import { memoryStore } from '../../../src/ports/store';
import { recordRuntime, runtimeUsedMs } from '../../../src/schedule/runtime-quota';
import type { ImportDefinition, RunRecord } from '../../../src/shared/types';
import { approveDefinition } from '../../../src/store/approvals';
import { updateDefinition } from '../../../src/store/imports-store';
import { latestRun, saveRun } from '../../../src/store/runs-store';
import { readImportState, writeImportState } from '../../../src/store/schedule-state';
import { type DispatchDeps, dispatch } from '../../../src/trigger/firing';
import { documentWith, executionView, FakeLogSpreadsheet, FakeMail, FakeTriggers, runRecord, scheduled } from './fakes';

const ANA = 'ana@example.com';
const BEN = 'ben@example.com';
const HOUR = 3_600_000;
/** 07:00 New York on 2026-01-06. */
const SLOT_7 = Date.UTC(2026, 0, 6, 12);
const DAILY_7 = { kind: 'daily', hour: 7 } as const;

type Engine = (importId: string) => RunRecord;

const digest = (text: string) => `d:${text}`;

function setup(defs: ImportDefinition[], start = SLOT_7 + 20 * 60_000) {
  const clock = { t: start };
  const calls: string[] = [];
  const continueOnlyFlags: boolean[] = [];
  let engine: Engine = (id) => runRecord(id);
  /** Another run holds the document lock: the real runSlice throws BUSY before asking `admit`. */
  const lock = { busy: false };
  const deps = {} as DispatchDeps;
  const userStore = memoryStore();
  // The owner saved each of these through the sidebar, which approved them for their trigger.
  for (const definition of defs) approveDefinition(userStore, 'ss-1', definition, digest);
  Object.assign(deps, {
    user: ANA,
    spreadsheet: {
      id: 'ss-1',
      name: 'Plan',
      url: 'https://example.test/ss-1',
      timeZone: 'America/New_York',
      log: new FakeLogSpreadsheet(),
    },
    documentStore: documentWith(defs),
    userStore,
    triggers: new FakeTriggers(),
    digest,
    mail: new FakeMail(),
    // Like the real one: `admit` is asked in the lock's claim, before the engine; its refusal runs nothing. `settle`
    // gets the engine's record before the lock is released.
    runSlice: (id: string, continueOnly: boolean, admit?: () => boolean, settle?: (run: RunRecord) => void) => {
      if (lock.busy) throw new AppError('BUSY', {});
      if (admit && !admit()) return null;
      calls.push(id);
      continueOnlyFlags.push(continueOnly);
      clock.t += 30_000;
      const run = engine(id);
      settle?.(run);
      return run;
    },
    now: () => clock.t,
    executionStartedAt: start,
    deadline: start + 270_000,
  });
  const fire = (at: number) => {
    clock.t = at;
    return dispatch({ ...deps, executionStartedAt: at, deadline: at + 270_000 });
  };
  return {
    deps,
    calls,
    continueOnlyFlags,
    clock,
    lock,
    fire,
    setEngine: (fn: Engine) => {
      engine = fn;
    },
    log: () => (deps.spreadsheet.log as FakeLogSpreadsheet).getSheetByName(RUN_LOG_SHEET)?.cells.slice(1) ?? [],
    mail: deps.mail as FakeMail,
    triggers: deps.triggers as FakeTriggers,
  };
}

function handledYesterday(deps: DispatchDeps, id: string) {
  writeImportState(deps.documentStore, id, { lastSlot: SLOT_7 - 24 * HOUR });
}

describe('dispatch', () => {
  it('runs a due import once for its slot and logs it', () => {
    const t = setup([scheduled('a', DAILY_7, ANA)]);
    handledYesterday(t.deps, 'a');
    const report = t.fire(SLOT_7 + 20 * 60_000);
    expect(t.calls).toEqual(['a']);
    expect(report.worked).toEqual([{ importId: 'a', outcome: 'succeeded' }]);
    expect(readImportState(t.deps.documentStore, 'a').lastSlot).toBe(SLOT_7);
    expect(t.log()).toHaveLength(1);
    expect(t.log()[0][3]).toBe('Succeeded');
    t.fire(SLOT_7 + 80 * 60_000);
    expect(t.calls).toEqual(['a']);
  });

  it('refuses, once per slot, an import whose stored settings are not what its owner approved', () => {
    const t = setup([scheduled('a', DAILY_7, ANA), scheduled('b', DAILY_7, ANA)]);
    handledYesterday(t.deps, 'a');
    handledYesterday(t.deps, 'b');
    // An editor widens the filters by hand in the shared state: the owner never saw or saved this.
    updateDefinition(t.deps.documentStore, 'a', (d) => ({ ...d, filters: { ...d.filters, confidentiality: 'all' } }));
    const report = t.fire(SLOT_7 + 20 * 60_000);
    expect(t.calls).toEqual(['b']);
    expect(report.worked).toEqual([
      { importId: 'a', outcome: 'failed' },
      { importId: 'b', outcome: 'succeeded' },
    ]);
    expect(latestRun(t.deps.documentStore, 'a')?.errorCode).toBe('NOT_APPROVED');
    const refused = t.log().find((row) => row[1] === 'Import a');
    expect(refused?.[3]).toBe('Failed');
    expect(refused?.join(' ')).toMatch(/changed outside ana@example\.com's Lever for Sheets/);
    expect(t.mail.sent).toHaveLength(1);
    t.fire(SLOT_7 + 80 * 60_000);
    expect(t.log().filter((row) => row[1] === 'Import a')).toHaveLength(1);
    // The owner saves it again (the sidebar approves what they saved): the next slot runs it.
    const current = JSON.parse(t.deps.documentStore.get('import.a') ?? '{}') as ImportDefinition;
    approveDefinition(t.deps.userStore, 'ss-1', current, digest);
    t.fire(SLOT_7 + 24 * HOUR + 20 * 60_000);
    expect(t.calls).toEqual(['b', 'a', 'b']);
  });

  it('keeps exactly one trigger while the user owns schedules, and removes it when they own none', () => {
    const t = setup([scheduled('a', DAILY_7, ANA), scheduled('b', DAILY_7, BEN)]);
    handledYesterday(t.deps, 'a');
    t.fire(SLOT_7 + 20 * 60_000);
    expect(t.triggers.clockUids()).toHaveLength(1);
    const benOnly = setup([scheduled('b', DAILY_7, BEN)]);
    benOnly.triggers.add('onScheduledRun', true);
    benOnly.fire(SLOT_7 + 20 * 60_000);
    expect(benOnly.calls).toEqual([]);
    expect(benOnly.triggers.triggers).toEqual([]);
  });

  it('continues a running import before starting a due one, and stops when it continues again', () => {
    const t = setup([scheduled('a', DAILY_7, ANA), scheduled('b', DAILY_7, ANA)]);
    handledYesterday(t.deps, 'a');
    handledYesterday(t.deps, 'b');
    saveRun(t.deps.documentStore, runRecord('b', { status: 'continuing' }));
    t.setEngine((id) => runRecord(id, { status: 'continuing' }));
    t.fire(SLOT_7 + 20 * 60_000);
    expect(t.calls).toEqual(['b']);
    t.setEngine((id) => runRecord(id));
    t.fire(SLOT_7 + 80 * 60_000);
    expect(t.calls).toEqual(['b', 'b', 'a']);
    // Continuing never starts a fresh run; only a due slot does.
    expect(t.continueOnlyFlags).toEqual([true, true, false]);
    expect(t.log().map((row) => row[1])).toEqual(['Import a', 'Import b']);
  });

  it('skips a busy import without using its slot, and logs the wait once', () => {
    const t = setup([scheduled('a', DAILY_7, ANA)]);
    handledYesterday(t.deps, 'a');
    // Another run holds the document lock at both firings: refused at the lock, before any claim.
    t.lock.busy = true;
    t.fire(SLOT_7 + 20 * 60_000);
    t.fire(SLOT_7 + 80 * 60_000);
    expect(t.calls).toEqual([]);
    expect(readImportState(t.deps.documentStore, 'a').lastSlot).toBe(SLOT_7 - 24 * HOUR);
    expect(t.log()).toHaveLength(1);
    expect(t.log()[0][3]).toBe('Skipped');
    expect(latestRun(t.deps.documentStore, 'a')).toBeNull();
    t.lock.busy = false;
    t.fire(SLOT_7 + 140 * 60_000);
    // The notes are gone; the dispatcher's own record of the success remains.
    expect(readImportState(t.deps.documentStore, 'a')).toEqual({ lastSlot: SLOT_7, lastSuccessAt: t.clock.t });
    expect(t.log()[0][3]).toBe('Succeeded');
  });

  it('never rolls back a claim made after this firing read the state when it skips a busy import', () => {
    const t = setup([scheduled('a', DAILY_7, ANA)]);
    handledYesterday(t.deps, 'a');
    const shared = t.deps.documentStore;
    // This firing works on what it read at its start (and at its refused lock claim).
    t.deps.documentStore = executionView(shared);
    const runSlice = t.deps.runSlice;
    t.deps.runSlice = () => {
      // The run holding the lock claims the 07:00 slot after this firing's refused claim read the state.
      writeImportState(shared, 'a', { lastSlot: SLOT_7 });
      throw new AppError('BUSY', {});
    };
    t.fire(SLOT_7 + 20 * 60_000);
    expect(readImportState(shared, 'a')).toMatchObject({ lastSlot: SLOT_7, noteReason: 'busy' });
    expect(t.log().map((row) => row[3])).toEqual(['Skipped']);
    // The next firing finds the slot taken: it is not run a second time.
    t.deps.documentStore = shared;
    t.deps.runSlice = runSlice;
    t.fire(SLOT_7 + 80 * 60_000);
    expect(t.calls).toEqual([]);
  });

  it('keeps a take-over made while the run read: the settle patches the state afresh', () => {
    const t = setup([scheduled('a', DAILY_7, ANA)]);
    handledYesterday(t.deps, 'a');
    const shared = t.deps.documentStore;
    t.deps.documentStore = executionView(shared);
    t.setEngine((id) => {
      // Another editor takes the import over (no lease) while this firing's run reads Lever.
      writeImportState(shared, id, { ...readImportState(shared, id), since: SLOT_7 + 60_000 });
      return runRecord(id, { status: 'succeeded' });
    });
    t.fire(SLOT_7 + 10 * 60_000);
    expect(readImportState(shared, 'a')).toMatchObject({ lastSlot: SLOT_7, since: SLOT_7 + 60_000 });
  });

  it("does not hand a claimed slot back when the engine meets BUSY after the claim: it is that slot's failure", () => {
    const t = setup([scheduled('a', DAILY_7, ANA)]);
    handledYesterday(t.deps, 'a');
    // The engine records a failed run when Apps Script's script lock times out mid-run (its writes may have landed).
    t.setEngine((id) => runRecord(id, { status: 'failed', errorCode: 'BUSY', message: 'busy' }));
    const report = t.fire(SLOT_7 + 20 * 60_000);
    expect(report.worked).toEqual([{ importId: 'a', outcome: 'failed' }]);
    expect(readImportState(t.deps.documentStore, 'a').lastSlot).toBe(SLOT_7);
    expect(t.log().map((row) => row[3])).toEqual(['Failed']);
    t.setEngine((id) => runRecord(id));
    t.fire(SLOT_7 + 80 * 60_000);
    expect(t.calls).toEqual(['a']);
  });

  it('logs a failure with advice and emails the owner once a day', () => {
    const t = setup([scheduled('a', { kind: 'hourly', everyHours: 1 }, ANA)]);
    writeImportState(t.deps.documentStore, 'a', { lastSlot: SLOT_7 - HOUR });
    t.setEngine((id) =>
      runRecord(id, { status: 'failed', errorCode: 'LEVER_AUTH', message: 'Lever rejected the API key.' }),
    );
    t.fire(SLOT_7 + 20 * 60_000);
    t.fire(SLOT_7 + 80 * 60_000);
    expect(t.calls).toEqual(['a', 'a']);
    expect(t.log()[0][3]).toBe('Failed');
    expect(String(t.log()[0][6])).toContain('save a new key');
    expect(t.mail.sent.map((m) => m.to)).toEqual([ANA]);
    t.fire(SLOT_7 + 24 * HOUR + 20 * 60_000);
    expect(t.mail.sent).toHaveLength(2);
  });

  it('records a failed run when the engine throws instead of returning one', () => {
    const t = setup([scheduled('a', DAILY_7, ANA)]);
    handledYesterday(t.deps, 'a');
    t.setEngine(() => {
      throw new Error('Service Spreadsheets failed while accessing document');
    });
    t.fire(SLOT_7 + 20 * 60_000);
    expect(latestRun(t.deps.documentStore, 'a')).toMatchObject({
      status: 'failed',
      errorCode: 'INTERNAL',
      trigger: 'schedule',
    });
    expect(t.log()[0][3]).toBe('Failed');
  });

  it('starts nothing near the daily trigger-time limit and logs the wait once', () => {
    const t = setup([scheduled('a', DAILY_7, ANA)]);
    handledYesterday(t.deps, 'a');
    recordRuntime(t.deps.userStore, 86 * 60_000, SLOT_7 - 10 * HOUR, SLOT_7 - HOUR);
    t.fire(SLOT_7 + 20 * 60_000);
    t.fire(SLOT_7 + 80 * 60_000);
    expect(t.calls).toEqual([]);
    expect(t.log()).toHaveLength(1);
    expect(String(t.log()[0][6])).toMatch(/daily limit/);
    expect(readImportState(t.deps.documentStore, 'a').noteReason).toBe('quota');
    // The window resets 24 hours after it opened: the missed slot runs then, once.
    t.fire(SLOT_7 + 15 * HOUR);
    expect(t.calls).toEqual(['a']);
    expect(readImportState(t.deps.documentStore, 'a').note).toBeUndefined();
  });

  it("records the execution's duration against the user's day", () => {
    const t = setup([scheduled('a', DAILY_7, ANA)]);
    handledYesterday(t.deps, 'a');
    t.fire(SLOT_7 + 20 * 60_000);
    expect(runtimeUsedMs(t.deps.userStore, t.clock.t)).toBe(30_000);
  });

  it('leaves due imports for the next firing when the execution has no time left', () => {
    const t = setup([scheduled('a', DAILY_7, ANA), scheduled('b', DAILY_7, ANA)]);
    handledYesterday(t.deps, 'a');
    handledYesterday(t.deps, 'b');
    t.setEngine((id) => {
      t.clock.t += 200_000;
      return runRecord(id);
    });
    t.fire(SLOT_7 + 20 * 60_000);
    expect(t.calls).toEqual(['a']);
    expect(readImportState(t.deps.documentStore, 'b').lastSlot).toBe(SLOT_7 - 24 * HOUR);
    t.fire(SLOT_7 + 80 * 60_000);
    expect(t.calls).toEqual(['a', 'b']);
  });

  it('still runs due imports when Google refuses to recreate the trigger', () => {
    const t = setup([scheduled('a', DAILY_7, ANA)]);
    handledYesterday(t.deps, 'a');
    t.triggers.failNextCreate =
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
    const report = t.fire(SLOT_7 + 20 * 60_000);
    expect(report.slot).toBeNull();
    expect(t.calls).toEqual(['a']);
  });

  it('drops the schedule state of deleted imports', () => {
    const t = setup([scheduled('a', DAILY_7, ANA)]);
    writeImportState(t.deps.documentStore, 'gone', { lastSlot: 1 });
    t.fire(SLOT_7 + 20 * 60_000);
    expect(t.deps.documentStore.keys()).not.toContain('schedule.state.gone');
  });

  it('skips an import another editor took over while earlier imports of this firing ran', () => {
    const t = setup([scheduled('a', DAILY_7, ANA), scheduled('b', DAILY_7, ANA)]);
    handledYesterday(t.deps, 'a');
    handledYesterday(t.deps, 'b');
    t.setEngine((id) => {
      updateDefinition(t.deps.documentStore, 'b', (d) => ({ ...d, scheduleOwner: BEN }));
      return runRecord(id);
    });
    t.fire(SLOT_7 + 20 * 60_000);
    expect(t.calls).toEqual(['a']);
    expect(readImportState(t.deps.documentStore, 'b').lastSlot).toBe(SLOT_7 - 24 * HOUR);
  });

  it('decides "still mine" on the state the lock claim read: a take-over just before the claim stops the run', () => {
    const t = setup([scheduled('a', DAILY_7, ANA)]);
    handledYesterday(t.deps, 'a');
    const runSlice = t.deps.runSlice;
    // Another editor's take-over lands after the firing planned its work, seen by the claim's fresh read.
    t.deps.runSlice = (id, continueOnly, admit) => {
      updateDefinition(t.deps.documentStore, id, (d) => ({ ...d, scheduleOwner: BEN }));
      return runSlice(id, continueOnly, admit);
    };
    const report = t.fire(SLOT_7 + 20 * 60_000);
    expect(t.calls).toEqual([]);
    expect(report.worked).toEqual([]);
    expect(readImportState(t.deps.documentStore, 'a').lastSlot).toBe(SLOT_7 - 24 * HOUR);
  });

  it('does not run a slot that another trigger claimed after this firing planned its work', () => {
    const t = setup([scheduled('a', DAILY_7, ANA), scheduled('b', DAILY_7, ANA)]);
    handledYesterday(t.deps, 'a');
    handledYesterday(t.deps, 'b');
    t.setEngine((id) => {
      // The previous owner's trigger, firing at the same time, claims b's slot.
      writeImportState(t.deps.documentStore, 'b', { lastSlot: SLOT_7 });
      return runRecord(id);
    });
    const report = t.fire(SLOT_7 + 20 * 60_000);
    expect(t.calls).toEqual(['a']);
    expect(report.worked).toEqual([
      { importId: 'a', outcome: 'succeeded' },
      { importId: 'b', outcome: 'skipped' },
    ]);
    expect(t.log().map((row) => row[1])).toEqual(['Import a']);
  });

  it('leaves the trigger and the imports alone when Google does not say whose trigger fired', () => {
    const t = setup([scheduled('a', DAILY_7, ANA)]);
    handledYesterday(t.deps, 'a');
    t.triggers.add('onScheduledRun', true);
    const report = dispatch({ ...t.deps, user: '' });
    expect(report).toEqual({ slot: null, worked: [], log: [] });
    expect(t.triggers.clockUids()).toHaveLength(1);
    expect(t.calls).toEqual([]);
  });

  it('plans from the snapshot read at the start of the firing, not from one read per import', () => {
    const t = setup([scheduled('a', DAILY_7, ANA), scheduled('b', DAILY_7, ANA), scheduled('c', DAILY_7, BEN)]);
    for (const id of ['a', 'b']) writeImportState(t.deps.documentStore, id, { lastSlot: SLOT_7 });
    writeImportState(t.deps.documentStore, 'gone', { lastSlot: 1 });
    const live = t.deps.documentStore;
    const snapshot = memoryStore(Object.fromEntries(live.keys().map((key) => [key, live.get(key) ?? ''])));
    const liveReads: string[] = [];
    const counted = {
      ...live,
      get: (key: string) => {
        liveReads.push(key);
        return live.get(key);
      },
    };
    t.clock.t = SLOT_7 + 20 * 60_000;
    const report = dispatch({ ...t.deps, documentStore: counted, documentSnapshot: snapshot });
    expect(report.worked).toEqual([]);
    expect(report.slot?.uid).toBeDefined();
    // Nothing was due: the only live read is the spreadsheet id kept for triggers without an active document.
    expect(liveReads).toEqual(['schedule.spreadsheetId']);
    // Deletes still reach the real store.
    expect(live.keys()).not.toContain('schedule.state.gone');
  });

  it('redraws the status sheet after each firing while the user owns schedules, and not otherwise', () => {
    let redraws = 0;
    const t = setup([scheduled('a', DAILY_7, ANA)]);
    t.deps.refreshStatus = () => {
      redraws++;
    };
    handledYesterday(t.deps, 'a');
    t.fire(SLOT_7 + 20 * 60_000);
    t.fire(SLOT_7 + 80 * 60_000);
    expect(redraws).toBe(2);
    const benOnly = setup([scheduled('b', DAILY_7, BEN)]);
    benOnly.deps.refreshStatus = () => {
      redraws++;
    };
    benOnly.fire(SLOT_7 + 20 * 60_000);
    expect(redraws).toBe(2);
  });
});
