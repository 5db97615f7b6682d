// What the sidebar shows about an import's schedule: next run, whether the viewer owns it, warnings (pure).
import type { ImportDefinition } from '../shared/types';
import type { ImportScheduleState } from '../store/schedule-state';
import { checkDue } from './due';
import { runtimeWarning } from './runtime-quota';
import { isScheduled } from './spec';
import { staleSince, staleWarning } from './stale';

/** Facts describeSchedule needs beyond the definition, gathered once per execution (ensureScheduleTrigger). */
export interface ScheduleContext {
  /** The spreadsheet's zone: schedule hours are wall-clock hours there. */
  timeZone: string;
  /** Per import id. */
  states: Record<string, ImportScheduleState>;
  /** The viewer's trigger time used in Google's current 24-hour window. */
  runtimeUsedMs: number;
  /** About the viewer's own dispatcher trigger (recreated, or could not be created). */
  triggerWarning?: string;
  /** Per import id: end of the newest successful run in the run records (epoch ms), for the stale warning. */
  lastSuccessAt?: Record<string, number>;
}

export interface ScheduleDescription {
  nextRunAt?: string;
  ownedByMe: boolean;
  warning?: string;
}

export function sameUser(a: string | undefined, b: string | undefined): boolean {
  return (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();
}

/** The stale warning for one import, worded for the owner or for everyone else. */
function staleText(
  def: ImportDefinition,
  state: ImportScheduleState,
  context: ScheduleContext,
  now: number,
  ownedByMe: boolean,
) {
  if (!isScheduled(def.schedule)) return undefined;
  const facts = {
    lastSuccessAt: context.lastSuccessAt?.[def.id],
    lastScheduledSuccessAt: state.lastSuccessAt,
    since: state.since,
  };
  const reference = staleSince(def.schedule, context.timeZone, facts, now);
  if (reference === undefined) return undefined;
  return staleWarning(reference, context.timeZone, def.scheduleOwner ?? '', ownedByMe);
}

function describeWith(def: ImportDefinition, now: number, ownedByMe: boolean, context: ScheduleContext) {
  const schedule = def.schedule!;
  const state = context.states[def.id] ?? {};
  const { nextSlot } = checkDue(schedule, context.timeZone, state.lastSlot, now);
  const warnings = [staleText(def, state, context, now, ownedByMe), state.note];
  if (ownedByMe) warnings.push(context.triggerWarning, runtimeWarning(context.runtimeUsedMs));
  const warning = warnings.filter(Boolean).join(' ');
  return {
    ...(nextSlot !== undefined ? { nextRunAt: new Date(nextSlot).toISOString() } : {}),
    ownedByMe,
    ...(warning ? { warning } : {}),
  };
}

/**
 * Schedule status for one import as seen by `user`. Without a context (the facts could not be gathered) the next
 * run is left out rather than computed in the wrong time zone.
 */
export function describeSchedule(
  def: ImportDefinition,
  now: number,
  user: string,
  context?: ScheduleContext,
): ScheduleDescription {
  // Without a schedule anyone may set one, so the viewer counts as able to change it.
  if (!isScheduled(def.schedule)) return { ownedByMe: true };
  const ownedByMe = sameUser(def.scheduleOwner, user);
  if (!context) return { ownedByMe };
  return describeWith(def, now, ownedByMe, context);
}

/**
 * The status as any collaborator reads it (the status sheet): no viewer, so no warnings about a viewer's own
 * trigger or quota, and the stale warning names the owner.
 */
export function describeForEveryone(def: ImportDefinition, now: number, context: ScheduleContext): ScheduleDescription {
  if (!isScheduled(def.schedule)) return { ownedByMe: false };
  return describeWith(def, now, false, context);
}
