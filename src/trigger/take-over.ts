// Taking over another editor's schedule in one step: it runs from then on with the new owner's trigger and key.
import { AppError } from '../errors';
import { sameUser } from '../schedule/describe';
import { isScheduled } from '../schedule/spec';
import type { ImportDefinition, KeyStatus } from '../shared/types';
import { approveDefinition } from '../store/approvals';
import { requireDefinition, updateDefinition } from '../store/imports-store';
import { loadKeyStatus } from '../store/key-store';
import { patchImportState, rememberSpreadsheetId } from '../store/schedule-state';
import type { ScheduleChangeDeps } from './set-schedule';
import { reconcileTrigger } from './slot';

const ENVIRONMENT_NAMES: Record<string, string> = { production: 'production', sandbox: 'sandbox', eu: 'EU' };

/** The new owner's saved key must be able to run this import, or the schedule would only move its failures. */
function assertKeyFits(key: KeyStatus, definition: ImportDefinition): void {
  if (!key.saved) {
    throw new AppError(
      'NO_KEY',
      'Connect Lever first: a schedule you take over runs with your own Lever API key, and you have not saved one.',
    );
  }
  if (key.environment && key.environment !== definition.environment) {
    const wanted = ENVIRONMENT_NAMES[definition.environment] ?? definition.environment;
    const saved = ENVIRONMENT_NAMES[key.environment] ?? key.environment;
    throw new AppError(
      'BAD_INPUT',
      `"${definition.name}" reads from Lever ${wanted}, but your saved key is for Lever ${saved}. ` +
        `Connect a ${wanted} key first, then take the schedule over.`,
    );
  }
  if (key.permissions && key.permissions[definition.object] === false) {
    throw new AppError(
      'LEVER_FORBIDDEN',
      `Your Lever key cannot read ${definition.object}, so the schedule would fail with it. ` +
        'Ask a Lever admin to grant the key that access, then try again.',
    );
  }
}

function assertTakeable(definition: ImportDefinition, user: string): void {
  if (!isScheduled(definition.schedule)) {
    throw new AppError('BAD_INPUT', `"${definition.name}" has no schedule to take over. Set one instead.`);
  }
  if (!user) {
    throw new AppError(
      'BAD_INPUT',
      'Google did not tell Lever for Sheets which account you use, so the schedule could not be moved to you. Reload the spreadsheet and try again.',
    );
  }
}

/**
 * Moves a schedule to the calling user: their one dispatcher trigger is ensured first (so a refusal leaves the
 * schedule with its old owner), then the owner changes. The slot bookkeeping is kept as it is: a slot the old
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
  const updatedAt = new Date(deps.now).toISOString();
  const updated = updateDefinition(deps.documentStore, importId, (definition) => ({
    ...definition,
    scheduleOwner: deps.user,
    updatedAt,
  }));
  if (!updated)
    throw new AppError('BAD_INPUT', 'This import no longer exists. It may have been deleted by another editor.');
  approveDefinition(deps.userStore, deps.spreadsheetId, updated, deps.digest);
  // The old owner's notes (their quota, their email day) say nothing about the new owner's runs.
  patchImportState(deps.documentStore, importId, {
    since: deps.now,
    note: undefined,
    noteReason: undefined,
    lastEmailDay: undefined,
  });
  return updated;
}
