// The single trigger slot: one hourly dispatcher trigger per user per spreadsheet while they own a schedule, else none.
import { AppError } from '../errors';
import type { KeyValueStore } from '../ports/store';
import type { TriggerInfo, TriggerPort } from '../ports/triggers';
import { deleteTriggerRecord, readTriggerRecord, writeTriggerRecord } from '../store/schedule-state';

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
    return new AppError('TRIGGER_LIMIT', { reason: 'perDocument' });
  }
  if (PER_SCRIPT_LIMIT.test(message)) {
    return new AppError('TRIGGER_LIMIT', { reason: 'perScript' });
  }
  return new AppError('TRIGGER_LIMIT', { reason: 'other', message });
}

/**
 * Makes the slot hold exactly what is wanted. Every clock trigger but the recorded one is deleted BEFORE a new one
 * is created, so `create()` never meets Google's one-time-based-trigger rule (Apps Script cannot tell a one-off from
 * a recurring trigger, so only the one this code recorded is trusted to recur). getUserTriggers(spreadsheet) may not
 * list the add-on's clock trigger (unknowns 8), so the recorded one is also looked up across the project; only
 * triggers known to be this spreadsheet's (listed here, or recorded for it) are ever deleted.
 */
export function reconcileTrigger(deps: SlotDeps, wanted: boolean): SlotOutcome {
  const record = readTriggerRecord(deps.userStore, deps.spreadsheetId);
  const clockTriggers = deps.triggers.list().filter((t) => t.clock);
  const recorded = record ? findRecorded(deps, clockTriggers, record.uid) : undefined;
  // A one-off Diagnostics probe may hold the slot for a moment: it is recorded, but never kept as the dispatcher.
  const keep = wanted && recorded && record?.handler !== PROBE_RECORD ? recorded : undefined;
  let removed = 0;
  for (const trigger of clockTriggers) {
    if (trigger.uid !== keep?.uid && deps.triggers.delete(trigger.uid)) removed++;
  }
  const listed = recorded !== undefined && clockTriggers.some((t) => t.uid === recorded.uid);
  if (recorded && !keep && !listed && deps.triggers.delete(recorded.uid)) removed++;
  if (!wanted) {
    if (record) deleteTriggerRecord(deps.userStore, deps.spreadsheetId);
    return { created: false, removed, recreated: false };
  }
  if (keep) return { uid: keep.uid, created: false, removed, recreated: false };
  const uid = createRecorded(deps);
  return { uid, created: true, removed, recreated: record !== null && record.handler !== PROBE_RECORD };
}

/** The `handler` a trigger record carries when a Diagnostics probe, not the dispatcher, holds the slot. */
export const PROBE_RECORD = 'onDiagnosticsProbe';

function findRecorded(deps: SlotDeps, listed: TriggerInfo[], uid: string): TriggerInfo | undefined {
  const found = listed.find((t) => t.uid === uid) ?? deps.triggers.find(uid);
  return found?.clock ? found : undefined;
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

/**
 * Google refused a second time-based trigger: when the recorded dispatcher trigger is alive (another execution of
 * this user filled the slot in between, or Google does not list it here), the slot exists, so use it.
 */
function adoptConcurrentTrigger(deps: SlotDeps): TriggerInfo | undefined {
  const record = readTriggerRecord(deps.userStore, deps.spreadsheetId);
  if (!record || record.handler === PROBE_RECORD) return undefined;
  const alive = deps.triggers.find(record.uid);
  return alive?.clock ? alive : undefined;
}
