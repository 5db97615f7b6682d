// Wall-clock arithmetic in an IANA time zone. Pure: it reads wall clocks through Intl, or, where Intl has no zone data
// (Apps Script's V8 may lack it, unknowns 9), through a zone-format function the Apps Script side passes in.
import type { LocalDate, LocalDateTime, ZoneFormat } from '../ports/clock';

export type { LocalDate, LocalDateTime, ZoneFormat };

const HOUR_MS = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

let fallbackFormat: ZoneFormat | null = null;
/** Zones Intl was tried with: true when it knows them. */
const intlKnows = new Map<string, boolean>();

/** Installs the reader used for zones Intl does not know (null removes it). */
export function useZoneFallback(format: ZoneFormat | null): void {
  fallbackFormat = format;
}

/** True when Intl knows the zone (an unknown one would make every later call throw). */
export function intlKnowsZone(zone: string): boolean {
  let known = intlKnows.get(zone);
  if (known === undefined) {
    try {
      formatterFor(zone);
      known = true;
    } catch {
      known = false;
    }
    intlKnows.set(zone, known);
  }
  return known;
}

/** The wall-clock reading of instant `ms` in `zone`: Intl when it knows the zone, else the installed fallback. */
export function localDateTime(ms: number, zone: string): LocalDateTime {
  if (fallbackFormat && !intlKnowsZone(zone)) return fallbackFormat(ms, zone);
  return intlDateTime(ms, zone);
}

/** The wall-clock reading of instant `ms` in `zone` through Intl alone (throws RangeError without zone data). */
export function intlDateTime(ms: number, zone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    // Some ICU versions still print midnight as 24 despite h23.
    hour: parts.hour % 24,
    minute: parts.minute,
    second: parts.second,
  };
}

function wallClockAsUtc(local: LocalDateTime): number {
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
}

/** How far `zone` is ahead of UTC at instant `ms`. */
export function zoneOffsetMs(ms: number, zone: string): number {
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  return wallClockAsUtc(localDateTime(wholeSecond, zone)) - wholeSecond;
}

/**
 * The instant at which the clocks in `zone` show `hour`:00 on `date`. When DST skips that hour the first instant
 * after the gap is used; when the hour happens twice, the first one.
 */
export function instantAt(date: LocalDate, hour: number, zone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour);
  const first = wall - zoneOffsetMs(wall, zone);
  const second = wall - zoneOffsetMs(first, zone);
  const matches = (ms: number) => wallClockAsUtc(localDateTime(ms, zone)) === wall;
  const hits = [first, second].filter(matches);
  // In a DST gap neither guess reads `hour`: the later guess is the first instant after the gap.
  if (hits.length === 0) return Math.max(first, second);
  const earliest = Math.min(...hits);
  // When the clocks fall back, the hour may also have been read one hour earlier: prefer that first reading.
  return matches(earliest - HOUR_MS) ? earliest - HOUR_MS : earliest;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday, like Date.getUTCDay. */
export function weekDayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** `yyyy-MM-dd` of instant `ms` in `zone`: the key for "once per day" rules. */
export function dayKey(ms: number, zone: string): string {
  const { year, month, day } = localDateTime(ms, zone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True when the zone can be read: Intl knows it, or a fallback is installed (which may still refuse a bad zone). */
export function isKnownZone(zone: string): boolean {
  return fallbackFormat !== null || intlKnowsZone(zone);
}
