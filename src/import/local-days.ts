// Calendar days in a time zone as epoch-ms bounds, exact across DST changes (pure: the zone is an offset function).
import type { ZoneOffsetAt } from '../ports/clock';

/** Minutes east of UTC in effect at an instant (New York in winter: -300). */
export type { ZoneOffsetAt };

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Parses `yyyy-MM-dd`, returning null for anything else, including impossible dates like 2025-02-30. */
export function parseIsoDay(text: string): CalendarDay | null {
  const match = ISO_DAY.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return { year, month, day };
}

/**
 * The first instant of a local day. Midnight may occur twice (clocks go back at midnight: the earlier one counts)
 * or not at all (clocks jump forward at midnight: the day starts at the jump).
 */
export function startOfLocalDay(day: CalendarDay, offsetAt: ZoneOffsetAt): number {
  const wallClock = Date.UTC(day.year, day.month - 1, day.day);
  const candidateOffsets = new Set([
    offsetAt(wallClock - 14 * HOUR),
    offsetAt(wallClock),
    offsetAt(wallClock + 14 * HOUR),
  ]);
  const instants = [...candidateOffsets].map((offset) => ({ offset, at: wallClock - offset * MINUTE }));
  const consistent = instants.filter(({ offset, at }) => offsetAt(at) === offset).map(({ at }) => at);
  if (consistent.length > 0) return Math.min(...consistent);
  return Math.max(...instants.map(({ at }) => at));
}

export function nextDay(day: CalendarDay): CalendarDay {
  const next = new Date(Date.UTC(day.year, day.month - 1, day.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

/** The last millisecond of a local day (inclusive upper bound). */
export function endOfLocalDay(day: CalendarDay, offsetAt: ZoneOffsetAt): number {
  return startOfLocalDay(nextDay(day), offsetAt) - 1;
}
