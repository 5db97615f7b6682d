// The engine wired to Apps Script: one execution's worth of an import run, under the document lock.
import { EXECUTION_LIMIT_MS, executionBudget } from '../gas/clock';
import type { DocumentPorts } from '../gas/document';
import { withAdmittedDocumentLock, withDocumentLock } from '../gas/lock';
import { documentStore, userStore } from '../gas/properties';
import { currentUserEmail, zoneOffsetFor } from '../gas/spreadsheet';
import { runSlice, type SliceOptions } from '../import/engine';
import type { EngineDeps } from '../import/slice';
import type { WorkbookPort } from '../ports/sheet';
import type { RunRecord, RunTrigger } from '../shared/types';
import { trackWorkbook } from '../sheet/tracked-workbook';
import { loadKeyStatus } from '../store/key-store';
import { leverForUser } from './lever';
import { refreshStatusAfter } from './status-sheet';

function newRunId(): string {
  return `run-${Date.now().toString(36)}-${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
}

/** The workbook a run works through: what it learns (sizes, sheets found) is kept for the rest of the execution. */
export function runWorkbook(spreadsheet: DocumentPorts): WorkbookPort {
  return trackWorkbook(spreadsheet.workbook({ deferViewRestore: true }));
}

/** Real ports for the spreadsheet given (a clock trigger has no active one, so it is always passed in). */
export function engineDeps(spreadsheet: DocumentPorts, workbook = runWorkbook(spreadsheet)): EngineDeps {
  // One tracked workbook for the whole execution: the run and the status refresh after it share what it learns.
  const budget = executionBudget();
  return {
    workbook,
    store: documentStore(),
    lever: () => leverForUser(),
    now: () => Date.now(),
    budget,
    hardLimitAt: budget.startedAt + EXECUTION_LIMIT_MS,
    user: currentUserEmail(),
    offsetAt: zoneOffsetFor(workbook.timeZone()),
    newRunId,
    keyStatus: () => loadKeyStatus(userStore()),
  };
}

/**
 * One execution's worth of work on an import: takes the document lock (AppError BUSY when another run holds it),
 * starts a run or resumes the one in progress, fetches until the time budget, commits when complete.
 * Returns the run record with status 'continuing', 'succeeded' or 'failed'.
 */
export function runImportSlice(
  spreadsheet: DocumentPorts,
  importId: string,
  trigger: RunTrigger,
  options: SliceOptions = {},
  beforeCommit?: () => void,
): RunRecord {
  // The status sheet is rewritten after every run, so collaborators see the outcome without opening the sidebar.
  return withDocumentLock(() => {
    const deps = { ...engineDeps(spreadsheet), beforeCommit };
    try {
      return refreshStatusAfter(deps.workbook, runSlice(deps, importId, trigger, options));
    } finally {
      // Sheets inserted by the run (staging, target, status) each took the user away; one call takes them back.
      deps.workbook.settleView?.();
    }
  });
}

/** What a dispatcher firing hands its slices. */
export interface FiringSlice {
  /** The firing's workbook (runWorkbook), shared with its run log and its status redraw. */
  workbook: WorkbookPort;
  /** Asked inside the lease's claim, on its fresh read (its writes land with the lease): false runs nothing (null). */
  admit?: () => boolean;
  /** Given the engine's record while the lease is still held, so what it writes cannot undo a later claim. */
  settle?: (run: RunRecord) => void;
  beforeCommit?: () => void;
}

/**
 * runImportSlice for a dispatcher firing. The status sheet is not redrawn here: the dispatcher redraws it once,
 * after it has written the slot state (last success, next run) that a redraw here would show stale. Nor is the
 * user's view put back: the firing does that once at its end (runScheduledDispatch), after its run log and status
 * sheet, which may insert sheets too.
 */
export function runScheduledSlice(
  spreadsheet: DocumentPorts,
  importId: string,
  options: SliceOptions,
  firing: FiringSlice,
): RunRecord | null {
  return withAdmittedDocumentLock(firing.admit ?? (() => true), () => {
    const deps = { ...engineDeps(spreadsheet, firing.workbook), beforeCommit: firing.beforeCommit };
    const run = runSlice(deps, importId, 'schedule', options);
    firing.settle?.(run);
    return run;
  });
}
