// Wall-clock arithmetic in IANA time zones (Intl only), for trigger schedules, event objects and formatDate.

/** English month names, shared by Utilities.formatDate and the Sheets date formats. */
export const MONTH_NAMES: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export interface ZonedParts {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 1 (Monday) to 7 (Sunday), like java.time. */
  weekDay: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export function zonedParts(ms: number, timeZone: string): ZonedParts {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) parts[part.type] = part.value;
  const yearOfEra = Number(parts.year);
  return {
    year: parts.era === 'BC' ? 1 - yearOfEra : yearOfEra,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: ((ms % 1000) + 1000) % 1000,
    weekDay: WEEKDAYS[parts.weekday] ?? 0,
  };
}

/** Offset of the zone from UTC at instant `ms`, in minutes (east positive: New York in winter is -300). */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  return Math.round((asUtc - ms) / 60000);
}

/**
 * The instant at which the zone's wall clock shows the given local time. A time skipped by a DST jump
 * resolves to the same wall time shifted forward by the gap (Java/Joda behaviour); an ambiguous time
 * resolves to the earlier instant.
 */
export function zonedToEpoch(
  local: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number },
  timeZone: string,
): number {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour ?? 0, local.minute ?? 0, local.second ?? 0);
  const offsetBefore = zoneOffsetMinutes(wall - 86400000, timeZone);
  const offsetAfter = zoneOffsetMinutes(wall + 86400000, timeZone);
  const candidates = [wall - offsetBefore * 60000, wall - offsetAfter * 60000].sort((a, b) => a - b);
  for (const candidate of candidates) {
    if (wallTime(candidate, timeZone) === wall) return candidate;
  }
  // In a gap: keep the offset from before the jump, which lands after it.
  return wall - offsetBefore * 60000;
}

function wallTime(ms: number, timeZone: string): number {
  return ms + zoneOffsetMinutes(ms, timeZone) * 60000;
}

/** Days since 1970-01-01 of a local calendar date (a plain day counter, no zone). */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / 86400000);
}

/** The calendar date of a day counter from dayNumber. */
export function dateOfDayNumber(days: number): { year: number; month: number; day: number } {
  const d = new Date(days * 86400000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO-8601 week of year (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeekOfYear(year: number, month: number, day: number): number {
  const days = dayNumber(year, month, day);
  const weekDay = ((((days + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday (4)
  const thursday = days - weekDay + 4;
  const thursdayYear = dateOfDayNumber(thursday).year;
  return Math.floor((thursday - dayNumber(thursdayYear, 1, 1)) / 7) + 1;
}
