// The time-driven trigger's handler: finds its spreadsheet (active, or by stored id) and dispatches that user's imports.

import { executionBudget } from '../gas/clock';
import { sha256 } from '../gas/digest';
import { type DocumentPorts, triggerDocument } from '../gas/document';
import { appsScriptMail } from '../gas/mail';
import { documentSnapshot, documentStore, legacyDocumentProperties, userStore } from '../gas/properties';
import { currentUserEmail } from '../gas/spreadsheet';
import { deleteProjectTrigger } from '../gas/triggers';
import type { SpreadsheetInfo, WorkbookPort } from '../ports/sheet';
import type { KeyValueStore } from '../ports/store';
import { runtimeMeter } from '../schedule/runtime-quota';
import { spreadsheetIdForTrigger, storedSpreadsheetId } from '../store/schedule-state';
import { type DispatchDeps, dispatch } from '../trigger/firing';
import { probeDispatcherContext } from './diagnostics-probe';
import { runScheduledSlice, runWorkbook } from './import-run';
import { refreshStatusSheet } from './status-sheet';

/**
 * Which spreadsheet fired: the active one if Google provides it; else the user's own record of which spreadsheet
 * this trigger (by `e.triggerUid`) was created in; else the id an old version kept in document properties (when
 * Google gives them). Nothing here needs document context. A clock
 * trigger's getTriggerSourceId() is not a document, so it cannot tell.
 */
function resolveSpreadsheet(
  e: GoogleAppsScript.Events.TimeDriven | undefined,
  user: KeyValueStore,
): DocumentPorts | null {
  return triggerDocument(() => [
    e?.triggerUid ? spreadsheetIdForTrigger(user, e.triggerUid) : null,
    storedSpreadsheetId(legacyDocumentProperties()),
  ]);
}

/**
 * The spreadsheet's facts for the dispatcher, each asked only when read: the name and URL only go into a failure
 * email, and asking for them is a call every firing would otherwise make.
 */
function firingFacts(info: SpreadsheetInfo, log: WorkbookPort) {
  return {
    get id() {
      return info.id;
    },
    get name() {
      return info.name;
    },
    get url() {
      return info.url;
    },
    get timeZone() {
      return info.timeZone;
    },
    log,
  };
}

export function runScheduledDispatch(e?: GoogleAppsScript.Events.TimeDriven): void {
  probeDispatcherContext(e); // Diagnostics: what this firing can reach (never throws).
  const budget = executionBudget();
  const user = userStore();
  const spreadsheet = resolveSpreadsheet(e, user);
  if (!spreadsheet) {
    // Nothing records where this trigger belongs, so it can never do anything: stop it firing every hour.
    if (e?.triggerUid) deleteProjectTrigger(e.triggerUid);
    return;
  }
  // Everything after this (state store, lease, runs, status sheet) works on this spreadsheet.
  spreadsheet.bind();
  const runtime = runtimeMeter(user, budget.startedAt, () => Date.now());
  // One workbook for the firing: its runs, run log and status redraw share what it learns (sheets found, sizes).
  const workbook = runWorkbook(spreadsheet);
  try {
    dispatch(dispatchDeps(spreadsheet, workbook, user, budget, runtime));
  } finally {
    // The firing's inserts (staging, target, run log, status) each took the user away: one call takes them back.
    workbook.settleView?.();
  }
}

/** What the firing's dispatch works with: one workbook for its runs, run log and status redraw. */
function dispatchDeps(
  spreadsheet: DocumentPorts,
  workbook: WorkbookPort,
  user: KeyValueStore,
  budget: ReturnType<typeof executionBudget>,
  runtime: ReturnType<typeof runtimeMeter>,
): DispatchDeps {
  return {
    user: currentUserEmail(),
    spreadsheet: firingFacts(spreadsheet.info, workbook),
    documentStore: documentStore(),
    documentSnapshot: documentSnapshot(),
    userStore: user,
    triggers: spreadsheet.triggers(),
    digest: sha256,
    mail: appsScriptMail,
    runSlice: (importId, continueOnly, admit, settle) =>
      runScheduledSlice(
        spreadsheet,
        importId,
        { continueOnly },
        { workbook, admit, settle, beforeCommit: runtime.record },
      ),
    refreshStatus: () => refreshStatusSheet(workbook),
    now: () => Date.now(),
    executionStartedAt: budget.startedAt,
    runtime,
    deadline: budget.deadline,
  };
}
