// Stale schedules (pure): no success for longer than the interval plus a grace hour, and the sentence that says so.
import type { ScheduleSpec } from '../shared/types';
import { nextSlotAfter } from './due';
import { isScheduled } from './spec';
import { localDateTime } from './zone';

const HOUR_MS = 3_600_000;
/** The trigger fires at some minute of each hour, so a run may legitimately start almost an hour after its slot. */
export const STALE_GRACE_MS = HOUR_MS;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** What is known about an import's successes; every field is optional because each source may be missing. */
export interface SuccessFacts {
  /** End of the newest successful run among the kept run records. */
  lastSuccessAt?: number;
  /** The dispatcher's own record of the last scheduled success (survives run records rolling over). */
  lastScheduledSuccessAt?: number;
  /** When the schedule was set, changed or taken over. */
  since?: number;
}

/** The nominal gap between two slots of a schedule, ms. */
export function intervalMs(spec: ScheduleSpec): number {
  switch (spec.kind) {
    case 'hourly':
      return (spec.everyHours ?? 1) * HOUR_MS;
    case 'daily':
      return 24 * HOUR_MS;
    case 'weekly':
      return 7 * 24 * HOUR_MS;
    default:
      return Number.POSITIVE_INFINITY;
  }
}

/** The instant from which a missing success counts: the latest success, or the schedule's start if later. */
export function staleReference(facts: SuccessFacts): number | undefined {
  const known = [facts.lastSuccessAt, facts.lastScheduledSuccessAt, facts.since].filter(
    (ms): ms is number => typeof ms === 'number' && Number.isFinite(ms),
  );
  return known.length > 0 ? Math.max(...known) : undefined;
}

/**
 * The reference instant when the schedule is stale at `now`, else undefined. The deadline is the later of
 * "interval plus grace after the reference" and "grace after the first slot following it", so a day that is 25
 * hours long (clocks going back) does not raise a false alarm.
 */
export function staleSince(spec: ScheduleSpec, zone: string, facts: SuccessFacts, now: number): number | undefined {
  if (!isScheduled(spec)) return undefined;
  const reference = staleReference(facts);
  if (reference === undefined) return undefined;
  const firstSlot = nextSlotAfter(spec, zone, reference) ?? reference;
  const deadline = Math.max(reference + intervalMs(spec), firstSlot) + STALE_GRACE_MS;
  return now > deadline ? reference : undefined;
}

/** "Jan 3, 09:00" in the spreadsheet's zone. */
export function shortLocal(ms: number, zone: string): string {
  const t = localDateTime(ms, zone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[t.month - 1]} ${t.day}, ${two(t.hour)}:${two(t.minute)}`;
}

/**
 * The warning for everyone who can see the import. The owner is told to look at the error; others are told whose
 * key runs the schedule and that they can take it over (the usual cause is an owner who left).
 */
export function staleWarning(reference: number, zone: string, owner: string, viewerIsOwner: boolean): string {
  const since = `No successful refresh since ${shortLocal(reference, zone)}`;
  if (viewerIsOwner) return `${since} — the schedule runs with your Lever key; see the last error to fix it.`;
  const who = owner ? `${owner}'s` : "the schedule owner's";
  return `${since} — the schedule runs with ${who} key; if they left, take it over.`;
}
