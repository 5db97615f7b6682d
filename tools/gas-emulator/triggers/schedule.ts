// When a time-based trigger fires: schedules built by ClockTriggerBuilder and their next firing time in a time zone.
import { dateOfDayNumber, dayNumber, zonedParts, zonedToEpoch } from '../timezone';

const MINUTE = 60_000;

/** A recurring schedule's local time of day: `hour` plus an offset in minutes (negative for nearMinute jitter). */
interface LocalTime {
  hour: number;
  offsetMinutes: number;
}

export type Schedule =
  | { kind: 'once'; at: number }
  | { kind: 'interval'; everyMs: number; anchor: number }
  | ({ kind: 'daily'; everyDays: number; anchorDay: number } & LocalTime)
  | ({ kind: 'weekly'; everyWeeks: number; weekDay: number; anchorMonday: number } & LocalTime)
  | ({ kind: 'monthly'; monthDay: number } & LocalTime);

/** The first firing time strictly after `after`, or null when a one-off schedule has nothing left. */
export function nextFireAfter(schedule: Schedule, after: number, timeZone: string): number | null {
  switch (schedule.kind) {
    case 'once':
      return schedule.at > after ? schedule.at : null;
    case 'interval': {
      if (schedule.anchor > after) return schedule.anchor;
      const periods = Math.floor((after - schedule.anchor) / schedule.everyMs) + 1;
      return schedule.anchor + periods * schedule.everyMs;
    }
    case 'daily':
      return firstMatchingDay(
        after,
        timeZone,
        schedule,
        (day) => mod(day - schedule.anchorDay, schedule.everyDays) === 0,
      );
    case 'weekly':
      return firstMatchingDay(after, timeZone, schedule, (day) => {
        if (weekDayOf(day) !== schedule.weekDay) return false;
        return mod((mondayOf(day) - schedule.anchorMonday) / 7, schedule.everyWeeks) === 0;
      });
    case 'monthly':
      return firstMatchingDay(after, timeZone, schedule, (day) => dateOfDayNumber(day).day === schedule.monthDay);
  }
}

/** The local instant of `time` on local day `day` (DST-aware: 09:00 stays 09:00 on the wall clock). */
export function instantOn(day: number, time: LocalTime, timeZone: string): number {
  const date = dateOfDayNumber(day);
  return zonedToEpoch({ ...date, hour: time.hour }, timeZone) + time.offsetMinutes * MINUTE;
}

function firstMatchingDay(after: number, timeZone: string, time: LocalTime, matches: (day: number) => boolean): number {
  const local = zonedParts(after, timeZone);
  const today = dayNumber(local.year, local.month, local.day);
  // A year and a half covers every monthly day and weekly periods up to ~75 weeks.
  for (let day = today - 1; day < today + 550 * 7; day++) {
    if (!matches(day)) continue;
    const at = instantOn(day, time, timeZone);
    if (at > after) return at;
  }
  throw new Error('Trigger schedule never fires');
}

export function localDayOf(ms: number, timeZone: string): number {
  const local = zonedParts(ms, timeZone);
  return dayNumber(local.year, local.month, local.day);
}

/** 1 (Monday) to 7 (Sunday) of a day counter (day 0, 1970-01-01, was a Thursday). */
export function weekDayOf(day: number): number {
  return mod(day + 3, 7) + 1;
}

export function mondayOf(day: number): number {
  return day - (weekDayOf(day) - 1);
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

export function describeSchedule(schedule: Schedule, timeZone: string): string {
  const at = (t: LocalTime) => {
    const minutes = t.hour * 60 + t.offsetMinutes;
    const hh = String(Math.floor(mod(minutes, 1440) / 60)).padStart(2, '0');
    return `${hh}:${String(mod(minutes, 60)).padStart(2, '0')} ${timeZone}`;
  };
  switch (schedule.kind) {
    case 'once':
      return `once at ${new Date(schedule.at).toISOString()}`;
    case 'interval':
      return schedule.everyMs % 3_600_000 === 0
        ? `every ${schedule.everyMs / 3_600_000} hour(s)`
        : `every ${schedule.everyMs / MINUTE} minute(s)`;
    case 'daily':
      return `every ${schedule.everyDays} day(s) at ${at(schedule)}`;
    case 'weekly':
      return `every ${schedule.everyWeeks} week(s) on day ${schedule.weekDay} at ${at(schedule)}`;
    case 'monthly':
      return `monthly on day ${schedule.monthDay} at ${at(schedule)}`;
  }
}
