// Self-healing on sidebar open: the viewer's trigger slot matches their schedules, and the status context is gathered.
import { sentenceOf, toAppError } from '../errors';
import { type ScheduleContext, sameUser } from '../schedule/describe';
import { gatherScheduleFacts } from '../schedule/facts';
import { runtimeUsedMs } from '../schedule/runtime-quota';
import { isScheduled } from '../schedule/spec';
import { listDefinitions } from '../store/imports-store';
import { readSettings, rememberSpreadsheetId } from '../store/schedule-state';
import type { ScheduleChangeDeps } from './set-schedule';
import { reconcileTrigger } from './slot';

/** The same stores, trigger port and viewer as a schedule change. */
export type HealthDeps = ScheduleChangeDeps;

export const TRIGGER_RECREATED_WARNING =
  "Your schedule's trigger had gone missing and was set up again just now. Runs due while it was missing happen at the next hourly check.";

export interface ScheduleHealth extends ScheduleContext {
  failureEmails: boolean;
}

function checkSlot(deps: HealthDeps, ownsSchedules: boolean): string | undefined {
  // Google did not say who this is, so "owns no schedule" cannot be told apart from "unknown": keep the trigger.
  if (!deps.user) return undefined;
  try {
    const slot = reconcileTrigger(
      { triggers: deps.triggers, userStore: deps.userStore, spreadsheetId: deps.spreadsheetId, now: deps.now },
      ownsSchedules,
    );
    if (ownsSchedules) rememberSpreadsheetId(deps.documentStore, deps.spreadsheetId);
    // setSchedule creates the trigger, so one created here means it had been lost.
    return slot.created ? TRIGGER_RECREATED_WARNING : undefined;
  } catch (error) {
    // Opening the sidebar must never fail because of a trigger; the warning tells the owner instead.
    return sentenceOf(toAppError(error));
  }
}

/**
 * Recreates the viewer's missing dispatcher trigger when they own schedules, removes it when they own none, and
 * returns what describeSchedule needs. Only the viewer's own triggers are visible to them, so each user heals theirs.
 */
export function checkScheduleHealth(deps: HealthDeps): ScheduleHealth {
  const definitions = listDefinitions(deps.documentStore);
  const ownsSchedules = definitions.some((d) => isScheduled(d.schedule) && sameUser(d.scheduleOwner, deps.user));
  const triggerWarning = checkSlot(deps, ownsSchedules);
  return {
    timeZone: deps.timeZone,
    ...gatherScheduleFacts(deps.documentStore, definitions),
    runtimeUsedMs: runtimeUsedMs(deps.userStore, deps.now),
    ...(triggerWarning ? { triggerWarning } : {}),
    failureEmails: readSettings(deps.documentStore).failureEmails,
  };
}
