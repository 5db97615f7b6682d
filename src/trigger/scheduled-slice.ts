// One scheduled import slice: claim the slot, call the engine, and turn the outcome into log lines and emails.
import { sentenceOf, toAppError } from '../errors';
import type { LogEntry, LogWorkbook } from '../health/run-log';
import type { MailPort } from '../ports/mail';
import type { KeyValueStore } from '../ports/store';
import { BUSY_SKIP_MESSAGE, scheduledFailureText } from '../schedule/messages';
import type { ImportDefinition, RunRecord } from '../shared/types';
import { saveRun } from '../store/runs-store';
import { type ImportScheduleState, patchImportState, readImportState } from '../store/schedule-state';
import { notifyFailure } from './failure-email';

export interface SliceDeps {
  user: string;
  spreadsheet: { id: string; name: string; url: string; timeZone: string; log: LogWorkbook };
  documentStore: KeyValueStore;
  mail: MailPort;
  /**
   * The engine: one execution's worth of work on an import, under the document lock (throws AppError BUSY when
   * another run holds it). `continueOnly` resumes the run in progress and never starts a new one. `admit`, when
   * given, is asked under the lock right after its claim read the document's state afresh (so it sees every other
   * execution's writes up to then): false leaves the engine uncalled and returns null.
   */
  runSlice(importId: string, continueOnly: boolean, admit?: () => boolean): RunRecord | null;
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

function callEngine(deps: SliceDeps, importId: string, continueOnly: boolean, admit: () => boolean): RunRecord | null {
  const startedAt = deps.now();
  try {
    return deps.runSlice(importId, continueOnly, admit);
  } catch (error) {
    const run = thrownRun(deps, importId, error, startedAt);
    if (run.errorCode !== 'BUSY') saveRun(deps.documentStore, run);
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

/** The import could not run because another one holds the document lock: the slot is handed back for next time. */
function skipBusy(
  deps: SliceDeps,
  definition: ImportDefinition,
  before: ImportScheduleState,
  restoreSlot: boolean,
  log: LogEntry[],
): void {
  patchImportState(deps.documentStore, definition.id, {
    ...(restoreSlot ? { lastSlot: before.lastSlot } : {}),
    note: BUSY_SKIP_MESSAGE,
    noteReason: 'busy',
  });
  if (before.noteReason === 'busy') return;
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

/**
 * Works on one import for this execution; null when `admit` (asked under the document lock, on the state its claim
 * just read) refuses it. A new run (`slot` given) claims its slot there, before the engine starts, so a killed
 * execution never runs the slot twice; the engine's checkpoint lets the next firing continue it instead.
 */
export function executeSlice(
  deps: SliceDeps,
  definition: ImportDefinition,
  slot: number | undefined,
  log: LogEntry[],
  admit: () => boolean = () => true,
): SliceOutcome | null {
  let before = readImportState(deps.documentStore, definition.id);
  if (slotTaken(before, slot)) return 'skipped';
  let refused: 'admit' | 'slot' | null = null;
  let claimed = false;
  const claim = () => {
    // Read afresh by the lock's claim: another trigger (a previous owner's, before a take-over) may have run it since.
    before = readImportState(deps.documentStore, definition.id);
    refused = !admit() ? 'admit' : slotTaken(before, slot) ? 'slot' : null;
    if (refused) return false;
    if (slot !== undefined) {
      patchImportState(deps.documentStore, definition.id, { lastSlot: slot, note: undefined, noteReason: undefined });
      claimed = true;
    }
    return true;
  };
  const run = callEngine(deps, definition.id, slot === undefined, claim);
  if (!run) return refused === 'slot' ? 'skipped' : null;
  if (run.errorCode === 'BUSY') {
    // Refused at the lock (the slot was not claimed) or, having claimed it, later: the slot stays for the next firing.
    skipBusy(deps, definition, before, claimed, log);
    return 'skipped';
  }
  return settleRun(deps, definition, run, log);
}

/** After the engine's run: the import's state, a run log entry once it ended, and the failure email. */
function settleRun(deps: SliceDeps, definition: ImportDefinition, run: RunRecord, log: LogEntry[]): SliceOutcome {
  const succeeded = run.status === 'succeeded' ? { lastSuccessAt: deps.now() } : {};
  patchImportState(deps.documentStore, definition.id, { note: undefined, noteReason: undefined, ...succeeded });
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
  if (slot !== undefined) patchImportState(deps.documentStore, definition.id, { lastSlot: slot });
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
