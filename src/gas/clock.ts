// Time and the execution budget: Apps Script kills an execution at 6 minutes, so work stops well before.
import type { Budget, Clock } from '../ports/clock';

/** The bundle is loaded fresh for every execution, so this is when the current execution started. */
const EXECUTION_STARTED_AT = Date.now();

export const EXECUTION_LIMIT_MS = 360_000;
/** Stop starting new work here; the rest is for the checkpoint and the commit. */
export const WORK_BUDGET_MS = 270_000;

export const appsScriptClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => Utilities.sleep(ms),
};

export function executionBudget(workMs: number = WORK_BUDGET_MS): Budget {
  return { startedAt: EXECUTION_STARTED_AT, deadline: EXECUTION_STARTED_AT + workMs };
}
