// The trigger-context probe: what a trigger execution of this user could reach, kept in UserProperties per spreadsheet.

import type { TriggerContextProbe } from '../diagnostics/report';
import { hasActiveSpreadsheet, hasDocumentLock, hasDocumentProperties } from '../gas/diagnostics';
import { documentById } from '../gas/document';
import { userStore } from '../gas/properties';
import { deleteProjectTrigger } from '../gas/triggers';
import { type KeyValueStore, readJson, writeJson } from '../ports/store';
import { deleteTriggerRecord, readTriggerRecord, spreadsheetIdForTrigger } from '../store/schedule-state';
import { PROBE_RECORD } from '../trigger/slot';

const PROBE_PREFIX = 'diagnostics.probe.';

export function readProbe(user: KeyValueStore, spreadsheetId: string): TriggerContextProbe | null {
  return readJson<TriggerContextProbe>(user, PROBE_PREFIX + spreadsheetId);
}

function attempt<T>(check: () => T, problems: string[]): T | null {
  try {
    return check();
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
    return null;
  }
}

/**
 * Records the context of this trigger execution. The spreadsheet is found without document context: from
 * `e.triggerUid` and the user's `trigger.<spreadsheetId>` records, as the dispatcher does. Returns the id, or null.
 */
function recordTriggerContext(e: GoogleAppsScript.Events.TimeDriven | undefined, handler: string): string | null {
  const user = userStore();
  const uid = e?.triggerUid;
  const spreadsheetId = uid ? spreadsheetIdForTrigger(user, uid) : null;
  if (!uid || !spreadsheetId) return null;
  const problems: string[] = [];
  const listing = attempt(() => documentById(spreadsheetId).triggerListing(uid), problems);
  const probe: TriggerContextProbe = {
    at: new Date().toISOString(),
    handler,
    activeSpreadsheet: attempt(hasActiveSpreadsheet, problems),
    documentProperties: attempt(hasDocumentProperties, problems),
    documentLock: attempt(hasDocumentLock, problems),
    triggerUid: true,
    listedInSpreadsheet: listing ? listing.inSpreadsheet : null,
    listedInProject: listing ? listing.inProject : null,
    ...(problems.length > 0 ? { problem: problems[0].slice(0, 300) } : {}),
  };
  writeJson(user, PROBE_PREFIX + spreadsheetId, probe);
  return spreadsheetId;
}

/** At the start of every dispatcher firing: cheap, and never throws (the dispatch must go on whatever happens). */
export function probeDispatcherContext(e?: GoogleAppsScript.Events.TimeDriven): void {
  try {
    recordTriggerContext(e, 'onScheduledRun');
  } catch {
    // A failed probe only leaves Diagnostics "pending".
  }
}

/** The one-off Diagnostics trigger: records the context, then deletes itself and its record, leaving the slot empty. */
export function runDiagnosticsProbe(e?: GoogleAppsScript.Events.TimeDriven): void {
  const uid = e?.triggerUid;
  let spreadsheetId: string | null = null;
  try {
    spreadsheetId = recordTriggerContext(e, PROBE_RECORD);
  } finally {
    if (uid) {
      const user = userStore();
      const id = spreadsheetId ?? spreadsheetIdForTrigger(user, uid);
      const record = id ? readTriggerRecord(user, id) : null;
      if (id && record?.uid === uid && record.handler === PROBE_RECORD) deleteTriggerRecord(user, id);
      deleteProjectTrigger(uid);
    }
  }
}
