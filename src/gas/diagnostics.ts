// What an execution can reach in Apps Script (unknowns 7 and 8), each check its own call: Diagnostics reads them.
import { activeSpreadsheetOrNull } from './spreadsheet';

/**
 * Whether Google gave this execution an active spreadsheet (throws where the check itself fails). Asked once per
 * execution: the dispatcher's own lookup of its spreadsheet then takes the same answer.
 */
export function hasActiveSpreadsheet(): boolean {
  return activeSpreadsheetOrNull() !== null;
}

export function hasDocumentProperties(): boolean {
  return PropertiesService.getDocumentProperties() !== null;
}

export function hasDocumentLock(): boolean {
  return LockService.getDocumentLock() !== null;
}

/** Every property of the user's store, or null when it cannot be read. */
export function userPropertiesContent(): Record<string, string> | null {
  return readProperties(() => PropertiesService.getUserProperties());
}

/** Every document property, or null when Google gives none here. */
export function documentPropertiesContent(): Record<string, string> | null {
  return readProperties(() => PropertiesService.getDocumentProperties());
}

function readProperties(read: () => GoogleAppsScript.Properties.Properties | null): Record<string, string> | null {
  try {
    const props = read();
    return props ? props.getProperties() : null;
  } catch {
    return null;
  }
}

/** The user at the keyboard ('' when Google hides it). */
export function activeUserEmail(): string {
  try {
    return Session.getActiveUser().getEmail();
  } catch {
    return '';
  }
}
