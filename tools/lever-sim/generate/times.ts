// Creation times spread back from `now`, with ties (same ms, order then falls to the id) and records exactly at,
// or 1 ms before, local and UTC midnights, where inclusive date filters go wrong.

import type { Rng } from './random';

const DAY = 86_400_000;

/** Local wall-clock parts of an instant, through a cached Intl formatter per time zone. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function msSinceLocalMidnight(ms: number, timeZone: string): number {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(ms).map((part) => [part.type, part.value]));
  const seconds = Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second);
  return seconds * 1000 + (((ms % 1000) + 1000) % 1000);
}

/** The instant of local midnight that starts the day containing `ms` in `timeZone`. */
export function startOfLocalDay(ms: number, timeZone: string): number {
  let midnight = ms - msSinceLocalMidnight(ms, timeZone);
  // A DST change between midnight and `ms` leaves us an hour off: correct towards the nearest midnight.
  const drift = msSinceLocalMidnight(midnight, timeZone);
  if (drift !== 0) midnight += drift < DAY / 2 ? -drift : DAY - drift;
  return midnight;
}

export interface TimeOptions {
  now: number;
  spanDays: number;
  timeZone: string;
}

type Boundary = 'localMidnight' | 'tie' | 'beforeLocalMidnight' | 'utcMidnight';

/** The first records always sit on these, so even a small dataset has every boundary. */
const PLANTED: readonly Boundary[] = ['localMidnight', 'tie', 'beforeLocalMidnight', 'utcMidnight', 'tie'];

/** `count` creation times; the first five planted on boundaries, then ~3% ties and ~1% midnights at random. */
export function creationTimes(rng: Rng, count: number, options: TimeOptions): number[] {
  const times: number[] = [];
  const span = options.spanDays * DAY;
  for (let i = 0; i < count; i++) {
    const random = options.now - 1 - Math.floor(rng.float() * span);
    const boundary = i < PLANTED.length ? PLANTED[i] : randomBoundary(rng);
    times.push(boundary === null ? random : onBoundary(boundary, random, times[i - 1] ?? random, options.timeZone));
  }
  return times;
}

function randomBoundary(rng: Rng): Boundary | null {
  const roll = rng.float();
  if (roll < 0.03) return 'tie';
  if (roll < 0.035) return 'localMidnight';
  if (roll < 0.038) return 'beforeLocalMidnight';
  if (roll < 0.04) return 'utcMidnight';
  return null;
}

function onBoundary(boundary: Boundary, random: number, previous: number, timeZone: string): number {
  switch (boundary) {
    case 'tie':
      return previous;
    case 'localMidnight':
      return startOfLocalDay(random, timeZone);
    case 'beforeLocalMidnight':
      return startOfLocalDay(random, timeZone) - 1;
    case 'utcMidnight':
      return random - (random % DAY);
  }
}

/** A time between `from` and `to` (inclusive, clamped so it never precedes `from`). */
export function between(rng: Rng, from: number, to: number): number {
  return to <= from ? from : from + Math.floor(rng.float() * (to - from + 1));
}
