// Taking over another editor's schedule in one step: it runs from then on with the new owner's trigger and key.
import { AppError } from '../errors';
import { exclusively } from '../ports/store';
import { sameUser } from '../schedule/describe';
import { isScheduled } from '../schedule/spec';
import type { ImportDefinition, KeyStatus } from '../shared/types';
import { approveDefinition } from '../store/approvals';
import { requireDefinition, saveExistingAfresh } from '../store/imports-store';
import { loadKeyStatus } from '../store/key-store';
import { patchImportState, rememberSpreadsheetId } from '../store/schedule-state';
import { type ScheduleChangeDeps, storeOrRetract } from './set-schedule';
import { reconcileTrigger } from './slot';

/** The new owner's saved key must be able to run this import, or the schedule would only move its failures. */
function assertKeyFits(key: KeyStatus, definition: ImportDefinition): void {
  if (!key.saved) {
    throw new AppError('NO_KEY', { reason: 'takeOver' });
  }
  if (key.environment && key.environment !== definition.environment) {
    const { name: importName, environment: wanted } = definition;
    throw new AppError('BAD_INPUT', { reason: 'takeOverEnvironment', importName, wanted, saved: key.environment });
  }
  if (key.permissions && key.permissions[definition.object] === false) {
    throw new AppError('LEVER_FORBIDDEN', { reason: 'takeOverKey', object: definition.object });
  }
}

function assertTakeable(definition: ImportDefinition, user: string): void {
  if (!isScheduled(definition.schedule)) {
    throw new AppError('BAD_INPUT', { reason: 'notScheduled', importName: definition.name });
  }
  if (!user) {
    throw new AppError('BAD_INPUT', { reason: 'unknownUser', action: 'takeOver' });
  }
}

/**
 * Moves a schedule to the calling user: their one dispatcher trigger is ensured first (so a refusal leaves the
 * schedule with its old owner), then the owner changes (a refused write retracts the trigger again). The slot bookkeeping is kept as it is: a slot the old
 * owner's trigger already ran is not run again, and one it missed runs once, from the new owner's trigger. The old
 * owner's trigger retires itself when it next fires or its owner next opens the sidebar (nobody else can delete it).
 */
export function takeOverSchedule(deps: ScheduleChangeDeps, importId: string): ImportDefinition {
  const current = requireDefinition(deps.documentStore, importId);
  assertTakeable(current, deps.user);
  if (sameUser(current.scheduleOwner, deps.user)) return current;
  assertKeyFits(loadKeyStatus(deps.userStore), current);
  reconcileTrigger(
    { triggers: deps.triggers, userStore: deps.userStore, spreadsheetId: deps.spreadsheetId, now: deps.now },
    true,
  );
  rememberSpreadsheetId(deps.documentStore, deps.spreadsheetId);
  const updated = storeOrRetract(deps, () => storeTakeOver(deps, importId));
  approveDefinition(deps.userStore, deps.spreadsheetId, updated, deps.digest);
  return updated;
}

/**
 * The new owner and the slot state, in one hold of the store's lock on a fresh read: the owner's schedule change or
 * a delete made since this call read them is not undone, and no firing lands between the two writes. The old
 * owner's notes (their quota, their email day) say nothing about the new owner's runs; the slot claimed stays.
 * One missing from the index is listed again, within the limit: refused when the index is full (it would not run).
 */
function storeTakeOver(deps: ScheduleChangeDeps, importId: string): ImportDefinition {
  const store = deps.documentStore;
  const updatedAt = new Date(deps.now).toISOString();
  return exclusively(store, () => {
    const updated = saveExistingAfresh(store, importId, (definition) => {
      assertTakeable(definition, deps.user);
      return { ...definition, scheduleOwner: deps.user, updatedAt };
    });
    patchImportState(store, importId, {
      since: deps.now,
      note: undefined,
      noteReason: undefined,
      lastEmailDay: undefined,
    });
    return updated;
  });
}
