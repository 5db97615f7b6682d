// What the sidebar shows about an import's schedule: next run, whether the viewer owns it, warnings (pure).
import type { ImportDefinition } from '../shared/types';
import { checkDue } from './due';
import { runtimeWarning } from './runtime';
import { isScheduled } from './spec';
import type { ImportScheduleState } from './state-store';

/** Facts describeSchedule needs beyond the definition, gathered once per execution by ensureScheduleTrigger(). */
export interface ScheduleContext {
  /** The spreadsheet's zone: schedule hours are wall-clock hours there. */
  timeZone: string;
  /** Per import id. */
  states: Record<string, ImportScheduleState>;
  /** The viewer's trigger time used in Google's current 24-hour window. */
  runtimeUsedMs: number;
  /** About the viewer's own dispatcher trigger (recreated, or could not be created). */
  triggerWarning?: string;
}

export interface ScheduleDescription {
  nextRunAt?: string;
  ownedByMe: boolean;
  warning?: string;
}

/**
 * The context of the current execution. Each Apps Script execution loads the bundle afresh, so this never leaks
 * between executions; it lets callers that only pass (def, now, user) still get zone-correct times.
 */
let executionContext: ScheduleContext | undefined;

export function useScheduleContext(context: ScheduleContext | undefined): void {
  executionContext = context;
}

export function sameUser(a: string | undefined, b: string | undefined): boolean {
  return (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();
}

/**
 * Schedule status for one import as seen by `user`. Without a context (none passed and ensureScheduleTrigger()
 * not called in this execution) the next run is left out rather than computed in the wrong time zone.
 */
export function describeSchedule(
  def: ImportDefinition,
  now: number,
  user: string,
  context: ScheduleContext | undefined = executionContext,
): ScheduleDescription {
  // Without a schedule anyone may set one, so the viewer counts as able to change it.
  if (!isScheduled(def.schedule)) return { ownedByMe: true };
  const ownedByMe = sameUser(def.scheduleOwner, user);
  if (!context) return { ownedByMe };
  const state = context.states[def.id] ?? {};
  const { nextSlot } = checkDue(def.schedule, context.timeZone, state.lastSlot, now);
  const warnings = [state.note];
  if (ownedByMe) warnings.push(context.triggerWarning, runtimeWarning(context.runtimeUsedMs));
  const warning = warnings.filter(Boolean).join(' ');
  return {
    ...(nextSlot !== undefined ? { nextRunAt: new Date(nextSlot).toISOString() } : {}),
    ownedByMe,
    ...(warning ? { warning } : {}),
  };
}
