// Setting or removing an import's schedule: validation, the owner-only rule, and the trigger slot kept in step.
import { AppError } from '../errors';
import type { KeyValueStore } from '../ports/store';
import type { TriggerPort } from '../ports/triggers';
import { sameUser } from '../schedule/describe';
import { latestSlotAtOrBefore } from '../schedule/due';
import { isScheduled, validateScheduleSpec } from '../schedule/spec';
import { DAILY_URLFETCH_CALLS, exceedsScheduleShare, expectedCallsPerDay } from '../schedule/urlfetch-quota';
import type { ImportDefinition, ScheduleSpec } from '../shared/types';
import { approveDefinition, type Digest, withdrawApproval } from '../store/approvals';
import { listDefinitions, requireDefinition, updateDefinition } from '../store/imports-store';
import { latestRun } from '../store/runs-store';
import { deleteImportState, rememberSpreadsheetId, writeImportState } from '../store/schedule-state';
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

function ownsOtherSchedules(deps: ScheduleChangeDeps, importId: string): boolean {
  return listDefinitions(deps.documentStore).some(
    (d) => d.id !== importId && isScheduled(d.schedule) && sameUser(d.scheduleOwner, deps.user),
  );
}

function slotDeps(deps: ScheduleChangeDeps) {
  return { triggers: deps.triggers, userStore: deps.userStore, spreadsheetId: deps.spreadsheetId, now: deps.now };
}

function storeSchedule(deps: ScheduleChangeDeps, importId: string, spec: ScheduleSpec): ImportDefinition {
  const updatedAt = new Date(deps.now).toISOString();
  const updated = updateDefinition(deps.documentStore, importId, (definition) => {
    const { scheduleOwner: _previousOwner, ...rest } = definition;
    return isScheduled(spec)
      ? { ...rest, schedule: spec, scheduleOwner: deps.user, updatedAt }
      : { ...rest, schedule: spec, updatedAt };
  });
  if (!updated) throw new AppError('BAD_INPUT', { reason: 'importGone' });
  return updated;
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
    deleteImportState(deps.documentStore, importId);
    reconcileTrigger(slotDeps(deps), ownsOtherSchedules(deps, importId));
    return updated;
  }
  if (!deps.user) {
    throw new AppError('BAD_INPUT', { reason: 'unknownUser', action: 'set' });
  }
  assertWithinUrlFetchShare(deps, current, spec);
  reconcileTrigger(slotDeps(deps), true);
  rememberSpreadsheetId(deps.documentStore, deps.spreadsheetId);
  const unchanged = sameSpec(current.schedule, spec) && sameUser(current.scheduleOwner, deps.user);
  const updated = storeSchedule(deps, importId, spec);
  approveDefinition(deps.userStore, deps.spreadsheetId, updated, deps.digest);
  // A new or changed schedule starts with its next slot, not with one that passed before it was set.
  if (!unchanged) {
    writeImportState(deps.documentStore, importId, {
      lastSlot: latestSlotAtOrBefore(spec, deps.timeZone, deps.now),
      since: deps.now,
    });
  }
  return updated;
}
