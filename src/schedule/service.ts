// Schedule operations for sidebar calls, wired to Apps Script: set a schedule, self-heal on open, failure emails.
import { documentStore, userStore } from '../gas/properties';
import { activeSpreadsheet } from '../gas/spreadsheet';
import { runningUserEmail, spreadsheetTriggers } from '../gas/triggers';
import type { ImportDefinition, ScheduleSpec } from '../shared/types';
import { checkScheduleHealth, type ScheduleHealth } from './health';
import { changeSchedule } from './set-schedule';
import { writeSettings } from './state-store';
import { useScheduleContext } from './status';

function sidebarDeps() {
  const spreadsheet = activeSpreadsheet();
  return {
    documentStore: documentStore(),
    userStore: userStore(),
    triggers: spreadsheetTriggers(spreadsheet),
    user: runningUserEmail(),
    spreadsheetId: spreadsheet.getId(),
    timeZone: spreadsheet.getSpreadsheetTimeZone(),
    now: Date.now(),
  };
}

/** Sidebar call: stores the schedule (owner only) and keeps the user's single trigger in step. */
export function setImportSchedule(importId: string, spec: ScheduleSpec): ImportDefinition {
  return changeSchedule(sidebarDeps(), importId, spec);
}

/**
 * For getSidebarState: recreates the current user's dispatcher trigger if it went missing (or removes one that
 * serves nothing) and makes describeSchedule zone-aware for the rest of this execution. Never throws for
 * trigger problems: they come back as `triggerWarning`.
 */
export function ensureScheduleTrigger(): ScheduleHealth {
  const health = checkScheduleHealth(sidebarDeps());
  useScheduleContext(health);
  return health;
}

/** Turns the failure email to schedule owners on or off for this spreadsheet (on by default). */
export function setFailureEmails(enabled: boolean): void {
  writeSettings(documentStore(), { failureEmails: enabled === true });
}
