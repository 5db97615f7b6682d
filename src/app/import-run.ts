// The engine wired to Apps Script: one execution's worth of an import run, under the document lock.
import { EXECUTION_LIMIT_MS, executionBudget } from '../gas/clock';
import type { DocumentPorts } from '../gas/document';
import { withDocumentLock } from '../gas/lock';
import { documentStore, userStore } from '../gas/properties';
import { currentUserEmail, zoneOffsetFor } from '../gas/spreadsheet';
import { runSlice, type SliceOptions } from '../import/engine';
import type { EngineDeps } from '../import/slice';
import type { RunRecord, RunTrigger } from '../shared/types';
import { trackWorkbook } from '../sheet/tracked-workbook';
import { loadKeyStatus } from '../store/key-store';
import { leverForUser } from './lever';
import { refreshStatusAfter } from './status-sheet';

function newRunId(): string {
  return `run-${Date.now().toString(36)}-${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
}

/** Real ports for the spreadsheet given (a clock trigger has no active one, so it is always passed in). */
export function engineDeps(spreadsheet: DocumentPorts): EngineDeps {
  // One tracked workbook for the whole execution: the run and the status refresh after it share what it learns.
  const workbook = trackWorkbook(spreadsheet.workbook({ deferViewRestore: true }));
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
