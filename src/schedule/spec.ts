// Schedule specs as the sidebar sends them: validation to a clean copy, and a short description for messages.
import { AppError, type BadInputDetails } from '../errors';
import type { ScheduleSpec } from '../shared/types';

/** Add-on clock triggers fire at most hourly, so these divisors of a day are the only intervals offered. */
export const ALLOWED_INTERVAL_HOURS: readonly number[] = [1, 2, 4, 6, 8, 12];

export const WEEK_DAYS: readonly string[] = [
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
];

function isHour(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 23;
}

function badInput(details: BadInputDetails): AppError {
  return new AppError('BAD_INPUT', details);
}

/** A validated copy holding only the fields its kind uses; throws BAD_INPUT with a sentence for the sidebar. */
export function validateScheduleSpec(spec: unknown): ScheduleSpec {
  if (typeof spec !== 'object' || spec === null) throw badInput({ reason: 'scheduleMissing' });
  const { kind, everyHours, hour, weekDay } = spec as Partial<ScheduleSpec>;
  switch (kind) {
    case 'off':
      return { kind: 'off' };
    case 'hourly':
      if (typeof everyHours !== 'number' || !ALLOWED_INTERVAL_HOURS.includes(everyHours)) {
        throw badInput({ reason: 'interval', allowed: [...ALLOWED_INTERVAL_HOURS] });
      }
      return { kind, everyHours };
    case 'daily':
      if (!isHour(hour)) throw badInput({ reason: 'hour' });
      return { kind, hour };
    case 'weekly': {
      if (!isHour(hour)) throw badInput({ reason: 'hour' });
      const day = typeof weekDay === 'string' ? weekDay.toUpperCase() : '';
      if (!WEEK_DAYS.includes(day)) throw badInput({ reason: 'weekDay' });
      return { kind, hour, weekDay: day };
    }
    default:
      throw badInput({ reason: 'scheduleKind' });
  }
}

export function isScheduled(spec: ScheduleSpec | undefined): spec is ScheduleSpec {
  return spec !== undefined && spec.kind !== 'off';
}

function hourLabel(hour: number | undefined): string {
  return `${String(hour ?? 0).padStart(2, '0')}:00`;
}

/** "every 4 hours", "daily at 07:00", "every Monday at 07:00" (times in the spreadsheet's zone). */
export function describeSpec(spec: ScheduleSpec): string {
  switch (spec.kind) {
    case 'hourly':
      return spec.everyHours === 1 ? 'every hour' : `every ${spec.everyHours} hours`;
    case 'daily':
      return `daily at ${hourLabel(spec.hour)}`;
    case 'weekly': {
      const day = (spec.weekDay ?? '').toLowerCase();
      return `every ${day.charAt(0).toUpperCase()}${day.slice(1)} at ${hourLabel(spec.hour)}`;
    }
    default:
      return 'off';
  }
}
