// TriggerPort over ScriptApp: this user's add-on clock triggers in one spreadsheet, and who the trigger runs as.

/** What the scheduler needs to know about a trigger (Apps Script cannot tell a one-off from a recurring one). */
export interface TriggerInfo {
  uid: string;
  handler: string;
  /** Time-based: the kind an add-on may hold only one of per user per document. */
  clock: boolean;
}

export interface TriggerPort {
  /** The running user's triggers of this add-on in the spreadsheet (never another user's). */
  list(): TriggerInfo[];
  /** Creates an hourly clock trigger calling `handler` and returns its unique id. */
  createHourly(handler: string): string;
  /** Deletes the trigger with this id if the user still has it; false when it was already gone. */
  delete(uid: string): boolean;
}

function describe(trigger: GoogleAppsScript.Script.Trigger): TriggerInfo {
  return {
    uid: trigger.getUniqueId(),
    handler: trigger.getHandlerFunction(),
    clock: trigger.getEventType() === ScriptApp.EventType.CLOCK,
  };
}

/** Triggers of the running user in `spreadsheet`, as ScriptApp.getUserTriggers reports them for an add-on. */
export function spreadsheetTriggers(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): TriggerPort {
  const find = (uid: string) => ScriptApp.getUserTriggers(spreadsheet).find((t) => t.getUniqueId() === uid);
  return {
    list: () => ScriptApp.getUserTriggers(spreadsheet).map(describe),
    createHourly: (handler) => ScriptApp.newTrigger(handler).timeBased().everyHours(1).create().getUniqueId(),
    delete: (uid) => {
      const trigger = find(uid);
      if (!trigger) return false;
      ScriptApp.deleteTrigger(trigger);
      return true;
    },
  };
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
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return active;
  const id = storedIds().find((candidate) => Boolean(candidate));
  return id ? SpreadsheetApp.openById(id) : null;
}
