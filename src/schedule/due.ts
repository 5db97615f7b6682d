// Due-time rules (pure): a schedule's slots in the spreadsheet's time zone, and whether an import is due now.
import type { ScheduleSpec } from '../shared/types';
import { isScheduled, WEEK_DAYS } from './spec';
import { addDays, instantAt, type LocalDate, localDateTime, weekDayOf } from './zone';

/** A weekly schedule's slots are at most 7 days apart; one more day covers DST shifts at either end. */
const SEARCH_DAYS = 8;

/** The wall-clock hours of `date` on which the schedule has a slot, ascending. */
export function slotHoursOn(spec: ScheduleSpec, date: LocalDate): number[] {
  switch (spec.kind) {
    case 'hourly': {
      const every = spec.everyHours ?? 1;
      const hours: number[] = [];
      for (let hour = 0; hour < 24; hour += every) hours.push(hour);
      return hours;
    }
    case 'daily':
      return [spec.hour ?? 0];
    case 'weekly':
      return WEEK_DAYS[weekDayOf(date)] === spec.weekDay ? [spec.hour ?? 0] : [];
    default:
      return [];
  }
}

function slotsOn(spec: ScheduleSpec, date: LocalDate, zone: string): number[] {
  return slotHoursOn(spec, date).map((hour) => instantAt(date, hour, zone));
}

function localDateOf(ms: number, zone: string): LocalDate {
  const { year, month, day } = localDateTime(ms, zone);
  return { year, month, day };
}

/** The most recent slot at or before `now`, as epoch ms; undefined when the schedule is off. */
export function latestSlotAtOrBefore(spec: ScheduleSpec, zone: string, now: number): number | undefined {
  if (!isScheduled(spec)) return undefined;
  const today = localDateOf(now, zone);
  for (let back = 0; back <= SEARCH_DAYS; back++) {
    const slots = slotsOn(spec, addDays(today, -back), zone).filter((slot) => slot <= now);
    if (slots.length > 0) return Math.max(...slots);
  }
  return undefined;
}

/** The first slot strictly after `now`, as epoch ms; undefined when the schedule is off. */
export function nextSlotAfter(spec: ScheduleSpec, zone: string, now: number): number | undefined {
  if (!isScheduled(spec)) return undefined;
  const today = localDateOf(now, zone);
  for (let ahead = 0; ahead <= SEARCH_DAYS; ahead++) {
    const slots = slotsOn(spec, addDays(today, ahead), zone).filter((slot) => slot > now);
    if (slots.length > 0) return Math.min(...slots);
  }
  return undefined;
}

export interface DueCheck {
  /** True when a slot has passed that has not been handled yet. */
  due: boolean;
  /** The slot a run started now would handle (the latest one passed), when due. */
  slot?: number;
  /** The slot the import will next run for: the pending one when due, else the next one to come. */
  nextSlot?: number;
}

/**
 * Compares the latest passed slot with the last handled one. Several slots missed in a row (the account was over
 * quota, the trigger did not fire) collapse into the latest, so a run that was missed happens once, not as a storm.
 */
export function checkDue(spec: ScheduleSpec, zone: string, lastSlot: number | undefined, now: number): DueCheck {
  const latest = latestSlotAtOrBefore(spec, zone, now);
  if (latest !== undefined && (lastSlot === undefined || latest > lastSlot)) {
    return { due: true, slot: latest, nextSlot: latest };
  }
  return { due: false, nextSlot: nextSlotAfter(spec, zone, now) };
}
