// TriggerPort over ScriptApp: this user's add-on clock triggers in one spreadsheet, and who the trigger runs as.
import type { TriggerInfo, TriggerPort } from '../ports/triggers';
import { activeSpreadsheetOrNull, openSpreadsheetById } from './spreadsheet';

function describe(trigger: GoogleAppsScript.Script.Trigger): TriggerInfo {
  return {
    uid: trigger.getUniqueId(),
    handler: trigger.getHandlerFunction(),
    clock: trigger.getEventType() === ScriptApp.EventType.CLOCK,
  };
}

/** Triggers of the running user in `spreadsheet`, as ScriptApp.getUserTriggers reports them for an add-on. */
export function spreadsheetTriggers(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): TriggerPort {
  // getProjectTriggers() spans all the user's documents: it is only searched for one known id, never listed.
  const find = (uid: string) =>
    ScriptApp.getUserTriggers(spreadsheet).find((t) => t.getUniqueId() === uid) ??
    ScriptApp.getProjectTriggers().find((t) => t.getUniqueId() === uid);
  return {
    list: () => ScriptApp.getUserTriggers(spreadsheet).map(describe),
    find: (uid) => {
      const trigger = find(uid);
      return trigger ? describe(trigger) : undefined;
    },
    createHourly: (handler) => ScriptApp.newTrigger(handler).timeBased().everyHours(1).create().getUniqueId(),
    delete: (uid) => {
      const trigger = find(uid);
      if (!trigger) return false;
      ScriptApp.deleteTrigger(trigger);
      return true;
    },
  };
}

/** Where a trigger is listed for the running user: getUserTriggers(spreadsheet) and getProjectTriggers(). */
export function triggerListing(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  uid: string,
): { inSpreadsheet: boolean; inProject: boolean } {
  return {
    inSpreadsheet: ScriptApp.getUserTriggers(spreadsheet).some((t) => t.getUniqueId() === uid),
    inProject: ScriptApp.getProjectTriggers().some((t) => t.getUniqueId() === uid),
  };
}

/** Creates a one-off clock trigger calling `handler` after `ms` and returns its unique id. */
export function createOneOffTrigger(handler: string, ms: number): string {
  return ScriptApp.newTrigger(handler).timeBased().after(ms).create().getUniqueId();
}

/**
 * Deletes one of the user's triggers found across the project. For a dispatcher trigger whose spreadsheet
 * cannot be identified any more: it can serve nothing, and it would otherwise fire every hour forever.
 */
export function deleteProjectTrigger(uid: string): boolean {
  const trigger = ScriptApp.getProjectTriggers().find((t) => t.getUniqueId() === uid);
  if (!trigger) return false;
  ScriptApp.deleteTrigger(trigger);
  return true;
}

/**
 * The spreadsheet a trigger execution works on. Google may give a clock trigger no active spreadsheet, so the
 * fallback opens it by a stored id (this is why the manifest asks for the full `spreadsheets` scope).
 */
export function openTriggerSpreadsheet(
  storedIds: () => Array<string | null>,
): GoogleAppsScript.Spreadsheet.Spreadsheet | null {
  const active = activeSpreadsheetOrNull();
  if (active) return active;
  const id = storedIds().find((candidate) => Boolean(candidate));
  return id ? openSpreadsheetById(id) : null;
}
