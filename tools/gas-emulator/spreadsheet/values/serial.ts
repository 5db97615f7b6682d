// Spreadsheet serial numbers (days since 1899-12-30 on the wall clock) and their instants in an IANA zone.
import { isValidTimeZone, zoneOffsetMinutes } from '../../timezone';

export const DAY_MS = 86_400_000;
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
// Zone offsets only change on quarter-hour boundaries, so one Intl lookup per quarter hour is enough.
const BUCKET_MS = 15 * 60_000;

const quarterHourOffsets = new Map<string, Map<number, number>>();
const dayOffsets = new Map<string, Map<number, number>>();

/** The zone arithmetic is the runtime's (Utilities.formatDate uses it too); this module only caches it. */
export { isValidTimeZone };

function computeOffset(ms: number, timeZone: string): number {
  return zoneOffsetMinutes(ms, timeZone) * 60_000;
}

function cacheFor(caches: Map<string, Map<number, number>>, timeZone: string): Map<number, number> {
  let cache = caches.get(timeZone);
  if (cache === undefined) {
    cache = new Map();
    caches.set(timeZone, cache);
  }
  return cache;
}

/** The zone's offset from UTC at instant `ms`, in milliseconds (New York in winter: -5 h). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  // Most days have one offset from start to end: cache per UTC day, and per quarter hour only on transition days.
  const days = cacheFor(dayOffsets, timeZone);
  const day = Math.floor(ms / DAY_MS);
  let offset = days.get(day);
  if (offset === undefined) {
    const start = computeOffset(day * DAY_MS, timeZone);
    offset = start === computeOffset((day + 1) * DAY_MS, timeZone) ? start : Number.NaN;
    days.set(day, offset);
  }
  return Number.isNaN(offset) ? quarterHourOffset(ms, timeZone) : offset;
}

function quarterHourOffset(ms: number, timeZone: string): number {
  const cache = cacheFor(quarterHourOffsets, timeZone);
  const bucket = Math.floor(ms / BUCKET_MS);
  let offset = cache.get(bucket);
  if (offset === undefined) {
    offset = computeOffset(bucket * BUCKET_MS, timeZone);
    cache.set(bucket, offset);
  }
  return offset;
}

export function serialOfWall(wallMs: number): number {
  return (wallMs - SERIAL_EPOCH_MS) / DAY_MS;
}

export function wallOfSerial(serial: number): number {
  return Math.round(serial * DAY_MS) + SERIAL_EPOCH_MS;
}

/** The serial a Date gets when written into a spreadsheet in `timeZone`. */
export function serialOfInstant(ms: number, timeZone: string): number {
  return serialOfWall(ms + zoneOffsetMs(ms, timeZone));
}

/** The instant a date/time cell stands for in `timeZone` (ambiguous wall times resolve to the earlier one). */
export function instantOfSerial(serial: number, timeZone: string): number {
  const wall = wallOfSerial(serial);
  const guess = wall - zoneOffsetMs(wall, timeZone);
  return wall - zoneOffsetMs(guess, timeZone);
}

export interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday */
  weekDay: number;
}

export function wallParts(serial: number): WallParts {
  const d = new Date(wallOfSerial(serial));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekDay: d.getUTCDay(),
  };
}

/** Serial of a calendar date and time of day (no zone involved: serials are wall-clock values). */
export function serialOf(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return serialOfWall(Date.UTC(year, month - 1, day, hour, minute, second));
}

/** The current calendar year in `timeZone`. */
export function currentYear(now: number, timeZone: string): number {
  return new Date(now + zoneOffsetMs(now, timeZone)).getUTCFullYear();
}
