// Schedule operations for sidebar calls, wired to Apps Script: set or take over a schedule, self-heal, failure emails.
import { AppError } from '../errors';
import { sha256 } from '../gas/digest';
import { activeDocument, type DocumentPorts } from '../gas/document';
import { documentStore, userStore } from '../gas/properties';
import { currentUserEmail } from '../gas/spreadsheet';
import type { KeyValueStore } from '../ports/store';
import { sameUser } from '../schedule/describe';
import { isScheduled } from '../schedule/spec';
import type { ImportDefinition, ScheduleSpec } from '../shared/types';
import { approveDefinition } from '../store/approvals';
import { readSettings, writeSettings } from '../store/schedule-state';
import { changeSchedule } from '../trigger/set-schedule';
import { checkScheduleHealth, type ScheduleHealth } from '../trigger/slot-health';
import { takeOverSchedule } from '../trigger/take-over';
import { refreshStatusSheet } from './status-sheet';

function sidebarDeps(spreadsheet: DocumentPorts = activeDocument(), store: KeyValueStore = documentStore()) {
  return {
    documentStore: store,
    userStore: userStore(),
    triggers: spreadsheet.triggers(),
    user: currentUserEmail(),
    spreadsheetId: spreadsheet.info.id,
    timeZone: spreadsheet.info.timeZone,
    now: Date.now(),
    digest: sha256,
  };
}

/** Runs a schedule change, then redraws the status sheet (its Schedule and Next run columns just changed). */
function changeThenRefresh(change: (deps: ReturnType<typeof sidebarDeps>) => ImportDefinition): ImportDefinition {
  const spreadsheet = activeDocument();
  const updated = change(sidebarDeps(spreadsheet));
  refreshStatusSheet(spreadsheet.workbook());
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
 * serves nothing) and returns the context describeSchedule needs to be zone-aware. Never throws for
 * trigger problems: they come back as `triggerWarning`.
 */
export function ensureScheduleTrigger(store?: KeyValueStore): ScheduleHealth {
  return checkScheduleHealth(sidebarDeps(activeDocument(), store));
}

/** Whether scheduled failures are emailed to their owners in this spreadsheet (SidebarState.failureEmails). */
export function failureEmailsEnabled(store: KeyValueStore = documentStore()): boolean {
  return readSettings(store).failureEmails;
}

/** Turns the failure email to schedule owners on or off for this spreadsheet (on by default); returns the setting. */
export function setFailureEmails(enabled: boolean): boolean {
  if (typeof enabled !== 'boolean') throw new AppError('BAD_INPUT', { reason: 'failureEmails' });
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
  approveDefinition(userStore(), activeDocument().info.id, definition, sha256);
  return definition;
}
