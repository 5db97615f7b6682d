// Java SimpleDateFormat patterns (what Utilities.formatDate takes) rendered in an IANA zone, en-US symbols.
import {
  dayNumber,
  isValidTimeZone,
  MONTH_NAMES as MONTHS,
  type ZonedParts,
  zonedParts,
  zoneOffsetMinutes,
} from '../timezone';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export class PatternError extends Error {}

type Token = { literal: string } | { letter: string; count: number };

export function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      const { text, next } = readQuoted(pattern, i);
      tokens.push({ literal: text });
      i = next;
    } else if (/[A-Za-z]/.test(ch)) {
      if (!(ch in FIELDS)) throw new PatternError(`Illegal pattern character '${ch}'`);
      let count = 1;
      while (pattern[i + count] === ch) count++;
      tokens.push({ letter: ch, count });
      i += count;
    } else {
      tokens.push({ literal: ch });
      i++;
    }
  }
  return tokens;
}

/** `'o''clock'` → `o'clock`; `''` alone → `'`. */
function readQuoted(pattern: string, start: number): { text: string; next: number } {
  if (pattern[start + 1] === "'") return { text: "'", next: start + 2 };
  let text = '';
  let i = start + 1;
  while (i < pattern.length) {
    if (pattern[i] === "'") {
      if (pattern[i + 1] === "'") {
        text += "'";
        i += 2;
        continue;
      }
      return { text, next: i + 1 };
    }
    text += pattern[i++];
  }
  throw new PatternError('Unterminated quote');
}

interface Instant {
  parts: ZonedParts;
  /** Minutes east of UTC. */
  offset: number;
  ms: number;
  timeZone: string;
}

export function formatJavaDate(ms: number, requestedZone: string, pattern: string): string {
  // Java falls back to GMT for an unknown zone id instead of failing.
  const timeZone = isValidTimeZone(requestedZone) ? requestedZone : 'GMT';
  const instant: Instant = { parts: zonedParts(ms, timeZone), offset: zoneOffsetMinutes(ms, timeZone), ms, timeZone };
  return tokenize(pattern)
    .map((token) => ('literal' in token ? token.literal : FIELDS[token.letter](token.count, instant)))
    .join('');
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const text = (full: string, count: number) => (count >= 4 ? full : full.slice(0, 3));
const twelveHour = (hour: number) => (hour % 12 === 0 ? 12 : hour % 12);

/** One renderer per SimpleDateFormat letter; `count` is how many times the letter repeats. */
const FIELDS: Record<string, (count: number, i: Instant) => string> = {
  G: (_, { parts }) => (parts.year > 0 ? 'AD' : 'BC'),
  y: (count, { parts }) => (count === 2 ? pad(parts.year % 100, 2) : pad(parts.year, count)),
  Y: (count, { parts }) => (count === 2 ? pad(usWeek(parts).year % 100, 2) : pad(usWeek(parts).year, count)),
  M: (count, { parts }) => (count >= 3 ? text(MONTHS[parts.month - 1], count) : pad(parts.month, count)),
  L: (count, { parts }) => (count >= 3 ? text(MONTHS[parts.month - 1], count) : pad(parts.month, count)),
  w: (count, { parts }) => pad(usWeek(parts).week, count),
  W: (count, { parts }) => pad(Math.floor((parts.day - 1 + firstWeekDayOfMonth(parts)) / 7) + 1, count),
  D: (count, { parts: p }) => pad(dayNumber(p.year, p.month, p.day) - dayNumber(p.year, 1, 1) + 1, count),
  d: (count, { parts }) => pad(parts.day, count),
  F: (count, { parts }) => pad(Math.floor((parts.day - 1) / 7) + 1, count),
  E: (count, { parts }) => text(DAYS[parts.weekDay - 1], count),
  u: (count, { parts }) => pad(parts.weekDay, count),
  a: (_, { parts }) => (parts.hour < 12 ? 'AM' : 'PM'),
  H: (count, { parts }) => pad(parts.hour, count),
  k: (count, { parts }) => pad(parts.hour === 0 ? 24 : parts.hour, count),
  K: (count, { parts }) => pad(parts.hour % 12, count),
  h: (count, { parts }) => pad(twelveHour(parts.hour), count),
  m: (count, { parts }) => pad(parts.minute, count),
  s: (count, { parts }) => pad(parts.second, count),
  S: (count, { parts }) => pad(parts.millisecond, count),
  z: (count, { ms, timeZone }) => zoneName(ms, timeZone, count >= 4 ? 'long' : 'short'),
  Z: (_, { offset }) => formatOffset(offset, false, true),
  X: (count, { offset }) =>
    offset === 0 ? 'Z' : count === 1 ? formatOffset(offset, false, false) : formatOffset(offset, count >= 3, true),
};

function formatOffset(minutes: number, colon: boolean, withMinutes: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hours = pad(Math.floor(abs / 60), 2);
  if (!withMinutes) return `${sign}${hours}`;
  return `${sign}${hours}${colon ? ':' : ''}${pad(abs % 60, 2)}`;
}

function zoneName(ms: number, timeZone: string, style: 'short' | 'long'): string {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: style })
      .formatToParts(new Date(ms))
      .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  // Intl writes GMT+5:30 where Java writes GMT+05:30.
  const match = /^GMT([+-])(\d{1,2})(?::(\d{2}))?$/.exec(name);
  return match ? `GMT${match[1]}${pad(Number(match[2]), 2)}:${match[3] ?? '00'}` : name;
}

/** US locale weeks: start on Sunday; week 1 is the week that holds January 1st. */
function usWeek(p: ZonedParts): { year: number; week: number } {
  const today = dayNumber(p.year, p.month, p.day);
  const sunday = today - (p.weekDay % 7);
  const saturday = sunday + 6;
  const nextJan1 = dayNumber(p.year + 1, 1, 1);
  if (saturday >= nextJan1) return { year: p.year + 1, week: 1 };
  const jan1 = dayNumber(p.year, 1, 1);
  const firstSunday = jan1 - ((((jan1 + 4) % 7) + 7) % 7);
  return { year: p.year, week: Math.floor((sunday - firstSunday) / 7) + 1 };
}

/** 0 (Sunday) to 6 (Saturday) of the first day of the month. */
function firstWeekDayOfMonth(p: ZonedParts): number {
  const first = dayNumber(p.year, p.month, 1);
  return (((first + 4) % 7) + 7) % 7;
}
