// One scheduled import slice: claim the slot, call the engine, and turn the outcome into log lines and emails.
import { sentenceOf, toAppError } from '../errors';
import type { LogEntry, LogWorkbook } from '../health/run-log';
import type { MailPort } from '../ports/mail';
import type { KeyValueStore } from '../ports/store';
import { BUSY_SKIP_MESSAGE, scheduledFailureText } from '../schedule/messages';
import type { ImportDefinition, RunRecord } from '../shared/types';
import { saveRun } from '../store/runs-store';
import {
  type ImportScheduleState,
  noteWait,
  patchImportState,
  patchImportStateAfresh,
  readImportState,
} from '../store/schedule-state';
import { notifyFailure } from './failure-email';

export interface SliceDeps {
  user: string;
  spreadsheet: { id: string; name: string; url: string; timeZone: string; log: LogWorkbook };
  documentStore: KeyValueStore;
  mail: MailPort;
  /**
   * The engine: one execution's worth of work on an import, under the document lock (throws AppError BUSY when
   * another run holds it). `continueOnly` resumes the run in progress and never starts a new one. `admit`, when
   * given, is asked inside the lock's claim, on the document's state read afresh there (so it sees every other
   * execution's writes up to then), and what it writes lands with the lock: false leaves the engine uncalled and
   * returns null. `settle`, when given, gets the engine's record while the lock is still held.
   */
  runSlice(
    importId: string,
    continueOnly: boolean,
    admit?: () => boolean,
    settle?: (run: RunRecord) => void,
  ): RunRecord | null;
  now(): number;
}

export type SliceOutcome = 'succeeded' | 'failed' | 'skipped' | 'continuing';

/** A run record for an engine call that threw instead of returning one (so the failure is still recorded). */
function thrownRun(deps: SliceDeps, importId: string, error: unknown, startedAt: number): RunRecord {
  const appError = toAppError(error);
  const now = deps.now();
  return {
    runId: `sched-${now.toString(36)}`,
    importId,
    trigger: 'schedule',
    startedAt: new Date(startedAt).toISOString(),
    endedAt: new Date(now).toISOString(),
    status: 'failed',
    rowsFetched: 0,
    pages: 0,
    requests: 0,
    executions: 1,
    durationMs: now - startedAt,
    errorCode: appError.code,
    message: sentenceOf(appError),
    user: deps.user,
  };
}

/** The slice's calls into the engine: `claimed` says whether its slot was claimed (a BUSY after that is a failure). */
interface EngineCall {
  continueOnly: boolean;
  admit: () => boolean;
  settle: (run: RunRecord) => void;
  claimed: () => boolean;
}

function callEngine(deps: SliceDeps, importId: string, call: EngineCall): RunRecord | null {
  const startedAt = deps.now();
  try {
    return deps.runSlice(importId, call.continueOnly, call.admit, call.settle);
  } catch (error) {
    const run = thrownRun(deps, importId, error, startedAt);
    if (run.errorCode !== 'BUSY' || call.claimed()) saveRun(deps.documentStore, run);
    return run;
  }
}

function entryFor(deps: SliceDeps, definition: ImportDefinition, run: RunRecord): LogEntry {
  const failed = run.status === 'failed';
  return {
    at: deps.now(),
    importName: definition.name,
    // A run the dispatcher finished may have been started from the sidebar.
    trigger: run.trigger,
    outcome: failed ? 'failed' : 'succeeded',
    rows: run.rowsWritten ?? run.rowsFetched,
    durationMs: run.durationMs,
    message: failed ? scheduledFailureText(run, definition.scheduleOwner ?? deps.user) : run.message,
    user: deps.user,
  };
}

/**
 * The import could not run because another one holds the document lock: its slot was not claimed and stays for the
 * next firing. The note is written on a fresh read, so it never restores a slot state read before another firing's
 * claim.
 */
function skipBusy(deps: SliceDeps, definition: ImportDefinition, log: LogEntry[]): void {
  if (noteWait(deps.documentStore, definition.id, BUSY_SKIP_MESSAGE, 'busy')) return;
  log.push({
    at: deps.now(),
    importName: definition.name,
    trigger: 'schedule',
    outcome: 'skipped',
    message: BUSY_SKIP_MESSAGE,
    user: deps.user,
  });
}

function slotTaken(state: ImportScheduleState, slot: number | undefined): boolean {
  return slot !== undefined && state.lastSlot !== undefined && state.lastSlot >= slot;
}

/** What the engine's callbacks (the claim, the settle under the lock) came to. */
interface SliceState {
  refused: 'admit' | 'slot' | null;
  claimed: boolean;
  settled?: SliceOutcome;
  /** A settle that threw under the lock: rethrown after it, as it would have been outside it. */
  settleError?: { error: unknown };
}

function sliceCalls(
  deps: SliceDeps,
  definition: ImportDefinition,
  slot: number | undefined,
  log: LogEntry[],
  admit: () => boolean,
) {
  const state: SliceState = { refused: null, claimed: false };
  const claim = () => {
    // Another trigger (a previous owner's, before a take-over) may have claimed the slot since the firing planned.
    const taken = slotTaken(readImportState(deps.documentStore, definition.id), slot);
    state.refused = taken ? 'slot' : !admit() ? 'admit' : null;
    if (state.refused) return false;
    if (slot === undefined) return true;
    patchImportState(deps.documentStore, definition.id, { lastSlot: slot, note: undefined, noteReason: undefined });
    state.claimed = true;
    return true;
  };
  const settle = (run: RunRecord) => {
    try {
      state.settled = settleRun(deps, definition, run, log);
    } catch (error) {
      state.settleError = { error };
    }
  };
  const call: EngineCall = { continueOnly: slot === undefined, admit: claim, settle, claimed: () => state.claimed };
  return { state, call };
}

/**
 * Works on one import for this execution; null when `admit` (asked inside the document lock's claim, on the state
 * read afresh there) refuses it. A new run (`slot` given) claims its slot in that same claim, before the engine
 * starts, so no other firing ever sees the lock taken and the slot free, and a killed execution never runs the slot
 * twice (the engine's checkpoint lets the next firing continue it). A claimed slot is never handed back.
 */
export function executeSlice(
  deps: SliceDeps,
  definition: ImportDefinition,
  slot: number | undefined,
  log: LogEntry[],
  admit: () => boolean = () => true,
): SliceOutcome | null {
  if (slotTaken(readImportState(deps.documentStore, definition.id), slot)) return 'skipped';
  const { state, call } = sliceCalls(deps, definition, slot, log, admit);
  const run = callEngine(deps, definition.id, call);
  if (state.settleError) throw state.settleError.error;
  if (!run) return state.refused === 'slot' ? 'skipped' : null;
  if (state.settled) return state.settled;
  // Refused at the lock: nothing was claimed. A BUSY met after the claim is that slot's failed run.
  if (run.errorCode === 'BUSY' && !state.claimed) {
    skipBusy(deps, definition, log);
    return 'skipped';
  }
  return settleRun(deps, definition, run, log, true);
}

/**
 * After the engine's run: the import's state, a run log entry once it ended, and the failure email. The state is
 * patched afresh: a take-over or a schedule change, which take no lease, may have written it while the run read.
 * Under the lease, when even the script lock is busy, on what the claim read (no other firing can claim meanwhile).
 */
function settleRun(
  deps: SliceDeps,
  definition: ImportDefinition,
  run: RunRecord,
  log: LogEntry[],
  unlocked = false,
): SliceOutcome {
  const succeeded = run.status === 'succeeded' ? { lastSuccessAt: deps.now() } : {};
  const patch = { note: undefined, noteReason: undefined, ...succeeded };
  try {
    patchImportStateAfresh(deps.documentStore, definition.id, () => patch);
  } catch (error) {
    if (unlocked) throw error;
    patchImportState(deps.documentStore, definition.id, patch);
  }
  if (run.status === 'continuing' || run.status === 'running') return 'continuing';
  log.push(entryFor(deps, definition, run));
  if (run.status === 'failed') {
    notifyFailure(
      { mail: deps.mail, documentStore: deps.documentStore, now: deps.now(), ...spreadsheetFacts(deps) },
      definition,
      run,
    );
    return 'failed';
  }
  return 'succeeded';
}

function spreadsheetFacts(deps: SliceDeps) {
  return {
    timeZone: deps.spreadsheet.timeZone,
    spreadsheetName: deps.spreadsheet.name,
    spreadsheetUrl: deps.spreadsheet.url,
  };
}

/** The refusal's claim, made after the lock: afresh, and never below a slot another firing claimed meanwhile. */
function claimRefusedSlot(deps: SliceDeps, importId: string, slot: number): void {
  try {
    patchImportStateAfresh(deps.documentStore, importId, (current) => ({
      lastSlot: Math.max(current.lastSlot ?? slot, slot),
    }));
  } catch {
    // The store's lock is busy: the next firing refuses (and says so) once more rather than never.
  }
}

/**
 * A scheduled import the dispatcher will not run (its settings are not what the owner approved): the slot is
 * claimed so it is said once per slot, and the refusal is recorded and mailed like any failed run.
 */
export function refuseSlice(
  deps: SliceDeps,
  definition: ImportDefinition,
  slot: number | undefined,
  error: unknown,
  log: LogEntry[],
): SliceOutcome {
  if (slot !== undefined) claimRefusedSlot(deps, definition.id, slot);
  const run = thrownRun(deps, definition.id, error, deps.now());
  saveRun(deps.documentStore, run);
  log.push(entryFor(deps, definition, run));
  notifyFailure(
    { mail: deps.mail, documentStore: deps.documentStore, now: deps.now(), ...spreadsheetFacts(deps) },
    definition,
    run,
  );
  return 'failed';
}
