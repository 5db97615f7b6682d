// Schedule bookkeeping in properties: per-import slot state and settings (document), trigger records (user).
import { exclusively, type KeyValueStore, readJson, writeJson } from '../ports/store';

/** DocumentProperties: what the dispatcher remembers about one scheduled import. */
export interface ImportScheduleState {
  /** Epoch ms of the last slot a run was started for (a slot is handled once, whatever the outcome). */
  lastSlot?: number;
  /** `yyyy-MM-dd` (spreadsheet zone) of the last failure email, so a broken key mails once a day. */
  lastEmailDay?: string;
  /** Why the last firing did not run a due import; cleared when a run starts. */
  note?: string;
  /** What the note is about, so the same wait is logged once rather than every hour. */
  noteReason?: 'busy' | 'quota';
  /** Epoch ms the schedule was set, changed or taken over: staleness is counted from here at the earliest. */
  since?: number;
  /** Epoch ms of the last scheduled run that succeeded (run records keep only the last few runs). */
  lastSuccessAt?: number;
}

export interface ScheduleSettings {
  /** Email the schedule's owner when a scheduled run fails. On unless turned off for this spreadsheet. */
  failureEmails: boolean;
}

/** UserProperties: the one dispatcher trigger this user holds in one spreadsheet. */
export interface TriggerRecord {
  spreadsheetId: string;
  uid: string;
  createdAt: string;
  /** Set only when the slot is held by a trigger other than the dispatcher (a one-off Diagnostics probe). */
  handler?: string;
}

const STATE_PREFIX = 'schedule.state.';
const SETTINGS_KEY = 'schedule.settings';
const SPREADSHEET_ID_KEY = 'schedule.spreadsheetId';
/** The storage table in docs/design.md names this prefix for the user's per-spreadsheet trigger bookkeeping. */
const TRIGGER_PREFIX = 'trigger.';

export function readImportState(doc: KeyValueStore, importId: string): ImportScheduleState {
  return readJson<ImportScheduleState>(doc, STATE_PREFIX + importId) ?? {};
}

export function writeImportState(doc: KeyValueStore, importId: string, state: ImportScheduleState): void {
  writeJson(doc, STATE_PREFIX + importId, state);
}

/** Read-modify-write of a few fields, so writers of different fields never undo each other. */
export function patchImportState(
  doc: KeyValueStore,
  importId: string,
  patch: Partial<ImportScheduleState>,
): ImportScheduleState {
  const next: ImportScheduleState = { ...readImportState(doc, importId), ...patch };
  for (const key of Object.keys(next) as (keyof ImportScheduleState)[]) {
    if (next[key] === undefined) delete next[key];
  }
  writeImportState(doc, importId, next);
  return next;
}

/**
 * patchImportState for a writer that holds no lease (a skipped import's note, a take-over, a refusal): on a fresh
 * read inside the store's lock, so what it writes back cannot undo another execution's claim made since this
 * execution last read the state. Returns the state it found.
 */
export function patchImportStateAfresh(
  doc: KeyValueStore,
  importId: string,
  patch: (current: ImportScheduleState) => Partial<ImportScheduleState>,
): ImportScheduleState {
  return exclusively(doc, () => {
    const current = readImportState(doc, importId);
    patchImportState(doc, importId, patch(current));
    return current;
  });
}

/**
 * Notes why a due import waits and says whether the same wait was noted already (so it is logged once). Best effort:
 * when even the store's lock is busy the note waits for a later firing (false: the wait is logged again).
 */
export function noteWait(doc: KeyValueStore, importId: string, note: string, noteReason: 'busy' | 'quota'): boolean {
  try {
    return patchImportStateAfresh(doc, importId, () => ({ note, noteReason })).noteReason === noteReason;
  } catch {
    return false;
  }
}

export function deleteImportState(doc: KeyValueStore, importId: string): void {
  doc.delete(STATE_PREFIX + importId);
}

/** Import ids that have schedule state, to drop the state of deleted imports. */
export function importIdsWithState(doc: KeyValueStore): string[] {
  return doc
    .keys()
    .filter((key) => key.startsWith(STATE_PREFIX))
    .map((key) => key.slice(STATE_PREFIX.length));
}

export function readSettings(doc: KeyValueStore): ScheduleSettings {
  const stored = readJson<Partial<ScheduleSettings>>(doc, SETTINGS_KEY);
  return { failureEmails: stored?.failureEmails !== false };
}

export function writeSettings(doc: KeyValueStore, settings: ScheduleSettings): void {
  writeJson(doc, SETTINGS_KEY, settings);
}

/** Kept with the document too: a trigger that runs without an active spreadsheet can still read it there. */
export function rememberSpreadsheetId(doc: KeyValueStore, spreadsheetId: string): void {
  if (doc.get(SPREADSHEET_ID_KEY) !== spreadsheetId) doc.set(SPREADSHEET_ID_KEY, spreadsheetId);
}

export function storedSpreadsheetId(doc: KeyValueStore | null): string | null {
  return doc ? doc.get(SPREADSHEET_ID_KEY) : null;
}

export function readTriggerRecord(user: KeyValueStore, spreadsheetId: string): TriggerRecord | null {
  return readJson<TriggerRecord>(user, TRIGGER_PREFIX + spreadsheetId);
}

export function writeTriggerRecord(user: KeyValueStore, record: TriggerRecord): void {
  writeJson(user, TRIGGER_PREFIX + record.spreadsheetId, record);
}

export function deleteTriggerRecord(user: KeyValueStore, spreadsheetId: string): void {
  user.delete(TRIGGER_PREFIX + spreadsheetId);
}

/** The spreadsheet whose dispatcher trigger has this unique id, from the user's own records. */
export function spreadsheetIdForTrigger(user: KeyValueStore, triggerUid: string): string | null {
  for (const key of user.keys()) {
    if (!key.startsWith(TRIGGER_PREFIX)) continue;
    const record = readJson<TriggerRecord>(user, key);
    if (record?.uid === triggerUid) return record.spreadsheetId;
  }
  return null;
}
