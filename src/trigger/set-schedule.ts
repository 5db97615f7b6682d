// Setting or removing an import's schedule: validation, the owner-only rule, and the trigger slot kept in step.
import { AppError } from '../errors';
import { exclusively, type KeyValueStore } from '../ports/store';
import type { TriggerPort } from '../ports/triggers';
import { sameUser } from '../schedule/describe';
import { latestSlotAtOrBefore } from '../schedule/due';
import { isScheduled, validateScheduleSpec } from '../schedule/spec';
import { DAILY_URLFETCH_CALLS, exceedsScheduleShare, expectedCallsPerDay } from '../schedule/urlfetch-quota';
import type { ImportDefinition, ScheduleSpec } from '../shared/types';
import { approveDefinition, type Digest, withdrawApproval } from '../store/approvals';
import { listDefinitions, requireDefinition, saveExistingAfresh } from '../store/imports-store';
import { latestRun } from '../store/runs-store';
import { deleteImportState, patchImportState, readImportState, rememberSpreadsheetId } from '../store/schedule-state';
import { reconcileTrigger } from './slot';

export interface ScheduleChangeDeps {
  documentStore: KeyValueStore;
  userStore: KeyValueStore;
  triggers: TriggerPort;
  /** The user making the change (whose trigger will run the schedule). */
  user: string;
  spreadsheetId: string;
  timeZone: string;
  now: number;
  /** For the owner's approval of what their trigger runs (approval.ts). */
  digest: Digest;
}

/** Only the owner may change a schedule: it runs with their Lever key, from their trigger. */
export function assertMayChangeSchedule(definition: ImportDefinition, user: string): void {
  const owner = definition.scheduleOwner ?? '';
  if (!isScheduled(definition.schedule) || owner === '' || sameUser(owner, user)) return;
  throw new AppError('NOT_OWNER', { owner });
}

function sameSpec(a: ScheduleSpec | undefined, b: ScheduleSpec): boolean {
  return JSON.stringify(a ?? { kind: 'off' }) === JSON.stringify(b);
}

/** Whether the user owns a stored schedule (other than `except`'s), so their trigger has something to run. */
function ownsSchedules(deps: ScheduleChangeDeps, except?: string): boolean {
  return listDefinitions(deps.documentStore).some(
    (d) => d.id !== except && isScheduled(d.schedule) && sameUser(d.scheduleOwner, deps.user),
  );
}

function slotDeps(deps: ScheduleChangeDeps) {
  return { triggers: deps.triggers, userStore: deps.userStore, spreadsheetId: deps.spreadsheetId, now: deps.now };
}

/** The definition with `spec` as its schedule: a schedule that is on runs as (and is owned by) the user setting it. */
function withSchedule(deps: ScheduleChangeDeps, definition: ImportDefinition, spec: ScheduleSpec): ImportDefinition {
  const updatedAt = new Date(deps.now).toISOString();
  const { scheduleOwner: _previousOwner, ...rest } = definition;
  return isScheduled(spec)
    ? { ...rest, schedule: spec, scheduleOwner: deps.user, updatedAt }
    : { ...rest, schedule: spec, updatedAt };
}

/**
 * The definition and its slot state, written together on a fresh read in the store's lock (BUSY when it cannot be
 * had): a take-over, another editor's change or a firing's claim made since this call first read them is seen, not
 * written over, and the owner rule is checked again on that read. An import deleted meanwhile is not brought back.
 * One missing from the index is listed again, within the limit: a schedule turned on is refused when the index is
 * full (it would never run), one turned off is stored all the same (nothing left to run).
 */
function storeSchedule(deps: ScheduleChangeDeps, importId: string, spec: ScheduleSpec): ImportDefinition {
  const store = deps.documentStore;
  const whenFull = isScheduled(spec) ? 'refuse' : 'keepUnlisted';
  return exclusively(store, () => {
    const current = requireDefinition(store, importId);
    assertMayChangeSchedule(current, deps.user);
    const updated = saveExistingAfresh(store, importId, () => withSchedule(deps, current, spec), { whenFull });
    updateSlotState(deps, current, spec);
    return updated;
  });
}

/**
 * Inside storeSchedule's lock. Off: the state goes. A new or changed schedule starts with its next slot, not with one
 * that passed before it was set (never below a slot a firing claimed); the same schedule keeps its state.
 */
function updateSlotState(deps: ScheduleChangeDeps, current: ImportDefinition, spec: ScheduleSpec): void {
  const store = deps.documentStore;
  if (!isScheduled(spec)) {
    deleteImportState(store, current.id);
    return;
  }
  if (sameSpec(current.schedule, spec) && sameUser(current.scheduleOwner, deps.user)) return;
  const slots = [readImportState(store, current.id).lastSlot, latestSlotAtOrBefore(spec, deps.timeZone, deps.now)];
  const known = slots.filter((slot): slot is number => slot !== undefined);
  // The old schedule's wait notes say nothing about the new one; the last success and email day still hold.
  patchImportState(store, current.id, {
    lastSlot: known.length > 0 ? Math.max(...known) : undefined,
    since: deps.now,
    note: undefined,
    noteReason: undefined,
  });
}

/**
 * Refused rather than lowered: a quietly lowered schedule would run less often than the user chose without them
 * noticing. The last run's request count stands for the next runs (none yet: nothing to judge, so allowed).
 */
function assertWithinUrlFetchShare(deps: ScheduleChangeDeps, definition: ImportDefinition, spec: ScheduleSpec): void {
  const requests = latestRun(deps.documentStore, definition.id)?.requests ?? 0;
  if (!exceedsScheduleShare(spec, requests)) return;
  const perDay = expectedCallsPerDay(spec, requests);
  throw new AppError('BAD_INPUT', {
    reason: 'scheduleCalls',
    importName: definition.name,
    requests,
    perDay,
    limit: DAILY_URLFETCH_CALLS,
  });
}

/**
 * Validates and stores a schedule, then makes the user's trigger slot match: the trigger is created BEFORE a new
 * schedule is stored (a refused trigger leaves nothing half-set) and removed AFTER the user's last one is turned off.
 */
export function changeSchedule(deps: ScheduleChangeDeps, importId: string, rawSpec: unknown): ImportDefinition {
  const spec = validateScheduleSpec(rawSpec);
  const current = requireDefinition(deps.documentStore, importId);
  assertMayChangeSchedule(current, deps.user);
  if (!isScheduled(spec)) {
    const updated = storeSchedule(deps, importId, spec);
    withdrawApproval(deps.userStore, deps.spreadsheetId, importId);
    reconcileTrigger(slotDeps(deps), ownsSchedules(deps, importId));
    return updated;
  }
  if (!deps.user) {
    throw new AppError('BAD_INPUT', { reason: 'unknownUser', action: 'set' });
  }
  assertWithinUrlFetchShare(deps, current, spec);
  reconcileTrigger(slotDeps(deps), true);
  rememberSpreadsheetId(deps.documentStore, deps.spreadsheetId);
  const updated = storeOrRetract(deps, () => storeSchedule(deps, importId, spec));
  approveDefinition(deps.userStore, deps.spreadsheetId, updated, deps.digest);
  return updated;
}

/**
 * A schedule change or take-over stored after the trigger was ensured: when the store refuses (BUSY, or the fresh
 * read found the schedule taken over or the import deleted), the user's slot goes back to what the stored schedules,
 * this one's included, need.
 */
export function storeOrRetract(deps: ScheduleChangeDeps, store: () => ImportDefinition): ImportDefinition {
  try {
    return store();
  } catch (error) {
    try {
      reconcileTrigger(slotDeps(deps), ownsSchedules(deps));
    } catch {
      // The refusal is what the user must read; a trigger left serving nothing retires at the next sidebar open.
    }
    throw error;
  }
}
