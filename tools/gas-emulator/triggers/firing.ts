// Moving the clock forward fires due triggers in time order, each as a fresh execution as its owner.
import type { EmulatorCore } from '../core';
import type { ExecutionResult } from '../options';
import type { TriggerContextReading } from '../readings';
import { runExecution } from '../runtime/runner';
import { isoWeekOfYear, zonedParts } from '../timezone';
import { AuthModeEnum } from './enums';
import type { TriggerRecord } from './store';

const TOO_MUCH_COMPUTER_TIME = 'Service using too much computer time for one day';
const RUNTIME_QUOTA = 'triggerRuntime';
/** A safety net against a schedule bug turning advanceTo into an endless loop. */
const MAX_FIRINGS = 100_000;

export function advanceTo(core: EmulatorCore, to: number, context: TriggerContextReading): ExecutionResult[] {
  const results: ExecutionResult[] = [];
  for (let firings = 0; firings < MAX_FIRINGS; firings++) {
    const due = core.triggers.nextDue(to);
    if (!due) break;
    const dueAt = due.nextFireAt as number;
    // Executions run one after another: a trigger due while an earlier one ran starts when that one ended.
    core.clock.forwardTo(dueAt);
    results.push(fire(core, due, context));
    core.triggers.markFired(due.uid, dueAt, core.clock.exact());
  }
  core.clock.forwardTo(to);
  return results;
}

export function triggerRuntimeUsed(core: EmulatorCore, user: string): number {
  return core.quotas.used(user, RUNTIME_QUOTA);
}

/**
 * What the execution can reach (readings.ts): 'full' runs in the trigger's document as a sidebar call would,
 * 'no-active-spreadsheet' keeps the document's properties and lock, 'none' has no document at all.
 */
export function fire(core: EmulatorCore, trigger: TriggerRecord, context: TriggerContextReading): ExecutionResult {
  const overQuota = triggerRuntimeUsed(core, trigger.owner) >= core.limits.dailyTriggerRuntimeMs;
  const result = runExecution(
    core,
    {
      fn: trigger.handler,
      args: [timeDrivenEvent(trigger, core.clock.now())],
      user: trigger.owner,
      activeSpreadsheetId: context === 'full' ? trigger.documentId : null,
      documentId: context === 'none' ? null : trigger.documentId,
      authMode: 'FULL',
      limitMs: core.limits.executionLimitMs,
      simpleTrigger: false,
      trigger: { uid: trigger.uid, handler: trigger.handler },
    },
    overQuota ? TOO_MUCH_COMPUTER_TIME : undefined,
  );
  core.quotas.add(trigger.owner, RUNTIME_QUOTA, result.elapsedMs);
  return result;
}

/** The event object of a time-driven trigger, in the trigger's time zone. */
function timeDrivenEvent(trigger: TriggerRecord, at: number): Record<string, unknown> {
  const local = zonedParts(at, trigger.timeZone);
  return {
    authMode: AuthModeEnum.FULL,
    year: local.year,
    month: local.month,
    'day-of-month': local.day,
    'day-of-week': local.weekDay,
    'week-of-year': isoWeekOfYear(local.year, local.month, local.day),
    hour: local.hour,
    minute: local.minute,
    second: local.second,
    timezone: trigger.timeZone,
    triggerUid: trigger.uid,
  };
}
