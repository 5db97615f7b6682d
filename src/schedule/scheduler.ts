// The single trigger slot: one hourly dispatcher trigger per user per spreadsheet while they own a schedule, else none.
import { AppError } from '../errors';
import type { KeyValueStore } from '../gas/properties';
import type { TriggerInfo, TriggerPort } from '../gas/triggers';
import { deleteTriggerRecord, readTriggerRecord, writeTriggerRecord } from './state-store';

/** The global in src/main.ts that the trigger calls. */
export const DISPATCH_HANDLER = 'onScheduledRun';

export interface SlotDeps {
  triggers: TriggerPort;
  /** The running user's UserProperties (trigger records live with the user, like the triggers). */
  userStore: KeyValueStore;
  spreadsheetId: string;
  now: number;
}

export interface SlotOutcome {
  /** The dispatcher trigger left in place, when one is wanted. */
  uid?: string;
  created: boolean;
  /** Stale triggers deleted (duplicates, one-offs, a previous version's handlers). */
  removed: number;
  /** The recorded trigger had disappeared (deleted by hand, or a run died mid-swap) and was recreated. */
  recreated: boolean;
}

const PER_DOCUMENT_LIMIT = /too many time-based triggers in this document/i;
const PER_SCRIPT_LIMIT = /too many triggers/i;

/** Google's trigger errors as TRIGGER_LIMIT with a sentence the user can act on. */
export function triggerError(error: unknown): AppError {
  const message = error instanceof Error ? error.message : String(error);
  if (PER_DOCUMENT_LIMIT.test(message)) {
    return new AppError(
      'TRIGGER_LIMIT',
      'Google allows one scheduled trigger per person in each spreadsheet and another one is in the way. ' +
        'Reopen Lever for Sheets so it can clean up, then set the schedule again.',
    );
  }
  if (PER_SCRIPT_LIMIT.test(message)) {
    return new AppError(
      'TRIGGER_LIMIT',
      "You have reached Google's limit of 20 triggers for Lever for Sheets across your spreadsheets. " +
        'Turn off schedules in spreadsheets you no longer use, then try again.',
    );
  }
  return new AppError('TRIGGER_LIMIT', `Google could not create the schedule's trigger: ${message}`);
}

/**
 * Makes the slot hold exactly what is wanted. Every clock trigger but the recorded one is deleted BEFORE a new one
 * is created, so `create()` never meets Google's one-time-based-trigger rule (Apps Script cannot tell a one-off from
 * a recurring trigger, so only the one this code recorded is trusted to recur).
 */
export function reconcileTrigger(deps: SlotDeps, wanted: boolean): SlotOutcome {
  const record = readTriggerRecord(deps.userStore, deps.spreadsheetId);
  const clockTriggers = deps.triggers.list().filter((t) => t.clock);
  const keep = wanted && record ? clockTriggers.find((t) => t.uid === record.uid) : undefined;
  let removed = 0;
  for (const trigger of clockTriggers) {
    if (trigger !== keep && deps.triggers.delete(trigger.uid)) removed++;
  }
  if (!wanted) {
    if (record) deleteTriggerRecord(deps.userStore, deps.spreadsheetId);
    return { created: false, removed, recreated: false };
  }
  if (keep) return { uid: keep.uid, created: false, removed, recreated: false };
  const uid = createRecorded(deps);
  return { uid, created: true, removed, recreated: record !== null };
}

function createRecorded(deps: SlotDeps): string {
  let uid: string;
  try {
    uid = deps.triggers.createHourly(DISPATCH_HANDLER);
  } catch (error) {
    const adopted = adoptConcurrentTrigger(deps);
    if (adopted) return adopted.uid;
    throw triggerError(error);
  }
  writeTriggerRecord(deps.userStore, {
    spreadsheetId: deps.spreadsheetId,
    uid,
    createdAt: new Date(deps.now).toISOString(),
  });
  return uid;
}

/** Another execution of this user (a second sidebar call) may have filled the slot in between: use its trigger. */
function adoptConcurrentTrigger(deps: SlotDeps): TriggerInfo | undefined {
  const record = readTriggerRecord(deps.userStore, deps.spreadsheetId);
  if (!record) return undefined;
  return deps.triggers.list().find((t) => t.clock && t.uid === record.uid);
}
