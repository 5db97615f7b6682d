// Schedule operations for sidebar calls, wired to Apps Script: set or take over a schedule, self-heal, failure emails.
import { AppError } from '../errors';
import { sha256 } from '../gas/digest';
import { documentStore, userStore } from '../gas/properties';
import { activeSpreadsheet, currentUserEmail } from '../gas/spreadsheet';
import { spreadsheetTriggers } from '../gas/triggers';
import { refreshStatusSheet } from '../health/status-sheet';
import type { KeyValueStore } from '../ports/store';
import { sameUser, useScheduleContext } from '../schedule/describe';
import { isScheduled } from '../schedule/spec';
import type { ImportDefinition, ScheduleSpec } from '../shared/types';
import { approveDefinition } from '../store/approvals';
import { readSettings, writeSettings } from '../store/schedule-state';
import { changeSchedule } from '../trigger/set-schedule';
import { checkScheduleHealth, type ScheduleHealth } from '../trigger/slot-health';
import { takeOverSchedule } from '../trigger/take-over';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function sidebarDeps(spreadsheet: Spreadsheet = activeSpreadsheet(), store: KeyValueStore = documentStore()) {
  return {
    documentStore: store,
    userStore: userStore(),
    triggers: spreadsheetTriggers(spreadsheet),
    user: currentUserEmail(),
    spreadsheetId: spreadsheet.getId(),
    timeZone: spreadsheet.getSpreadsheetTimeZone(),
    now: Date.now(),
    digest: sha256,
  };
}

/** Runs a schedule change, then redraws the status sheet (its Schedule and Next run columns just changed). */
function changeThenRefresh(change: (deps: ReturnType<typeof sidebarDeps>) => ImportDefinition): ImportDefinition {
  const spreadsheet = activeSpreadsheet();
  const updated = change(sidebarDeps(spreadsheet));
  refreshStatusSheet(spreadsheet);
  return updated;
}

/** Sidebar call: stores the schedule (owner only) and keeps the user's single trigger in step. */
export function setImportSchedule(importId: string, spec: ScheduleSpec): ImportDefinition {
  return changeThenRefresh((deps) => changeSchedule(deps, importId, spec));
}

/** Sidebar call: the calling editor becomes the schedule's owner, with their own trigger and key. */
export function takeOverImportSchedule(importId: string): ImportDefinition {
  return changeThenRefresh((deps) => takeOverSchedule(deps, importId));
}

/**
 * For getSidebarState: recreates the current user's dispatcher trigger if it went missing (or removes one that
 * serves nothing) and makes describeSchedule zone-aware for the rest of this execution. Never throws for
 * trigger problems: they come back as `triggerWarning`.
 */
export function ensureScheduleTrigger(store?: KeyValueStore): ScheduleHealth {
  const health = checkScheduleHealth(sidebarDeps(activeSpreadsheet(), store));
  useScheduleContext(health);
  return health;
}

/** Whether scheduled failures are emailed to their owners in this spreadsheet (SidebarState.failureEmails). */
export function failureEmailsEnabled(store: KeyValueStore = documentStore()): boolean {
  return readSettings(store).failureEmails;
}

/** Turns the failure email to schedule owners on or off for this spreadsheet (on by default); returns the setting. */
export function setFailureEmails(enabled: boolean): boolean {
  if (typeof enabled !== 'boolean') throw new AppError('BAD_INPUT', 'Choose whether failure emails are on or off.');
  writeSettings(documentStore(), { failureEmails: enabled });
  return failureEmailsEnabled();
}

/**
 * After a sidebar save: when the saving user owns the import's schedule, what they saved is what their trigger may
 * run (approval.ts). A save by anyone else leaves the owner's approval as it was, so their trigger refuses it.
 */
export function approveIfOwner(definition: ImportDefinition): ImportDefinition {
  const user = currentUserEmail();
  if (!isScheduled(definition.schedule) || !user || !sameUser(definition.scheduleOwner, user)) return definition;
  approveDefinition(userStore(), activeSpreadsheet().getId(), definition, sha256);
  return definition;
}
