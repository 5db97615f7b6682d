// A round Lever's rate will not let go at once (pure): how many requests to send now, and which windows, longest first.
//
// A round lasts its latency only if it need not wait for tokens; one that waits for all of them moves every window,
// the longest too, one page per wait. Sending what Lever refills in one latency keeps its rate busy all the same,
// and the windows with the most pages left, which set when the fetch ends, go every round. Only while a bulk
// instant's range no filter cuts is among them (chainBound): windows of createdAt ranges are cut to even lengths.
import type { DatedRecord, FetchWindow } from './windows';

/** The windows a round sends, and the others (each in the order given). */
export type Chosen = { sent: FetchWindow[]; rest: FetchWindow[] };

/** The limiter's state and Lever's pace, as a round sees them before it goes. */
export interface RoundPace {
  /** Requests the limiter lets go now without a wait. */
  ready: number;
  ratePerSecond: number;
  /** Lever's latency as measured so far; unknown before any round. */
  latencyMs?: number;
}

/**
 * Requests a round of `size` sends: all of them when the limiter has the tokens (or the latency is not known yet),
 * otherwise what Lever refills in one latency or what it lets go now, whichever is more. All of them too when one
 * latency refills less than two: rounds of one would give the longest chain Lever's whole rate and the others
 * nothing (measured: 20k bulk-ms again at 100 ms, 0.1 s slower).
 */
export function roundBudget(size: number, pace: RoundPace): number {
  if (size <= pace.ready || pace.latencyMs === undefined) return size;
  const refill = Math.round((pace.ratePerSecond * pace.latencyMs) / 1000);
  return refill < 2 ? size : Math.min(size, Math.max(refill, pace.ready));
}

/**
 * The `count` windows with the most left to read (ties keep their order), and the others in their order. On a
 * bulk instant, the first `advanced_at` range (or a part left uncut) holds the records that never advanced, which no
 * filter can cut: it goes first. The instant's other ranges follow (their length is unknown: a page on one instant
 * shows no density), then windows not started yet, then the others by the records their last page's density leaves
 * in their range.
 */
export function longestFirst(windows: readonly FetchWindow[], count: number): Chosen {
  const ranked = windows.map((window, index) => ({ window, index, left: recordsLeft(window) }));
  ranked.sort((a, b) => b.left - a.left || a.index - b.index);
  const chosen = new Set(ranked.slice(0, Math.max(0, count)).map((entry) => entry.window));
  return {
    sent: windows.filter((window) => chosen.has(window)),
    rest: windows.filter((window) => !chosen.has(window)),
  };
}

/**
 * True when a window on a bulk instant is among `windows`: the records that never advanced are one range no filter
 * can cut, read page after page, and the end is set by that chain (one page a round) rather than by Lever's rate.
 * Not otherwise: windows of createdAt ranges are cut to about even lengths, and smaller rounds there only cost
 * more rounds (measured: 5k records again at 250 ms 0.15 s slower; an atom found later in a blind run).
 */
export function chainBound(windows: readonly FetchWindow[]): boolean {
  return windows.some((window) => recordsLeft(window) >= Number.MAX_VALUE);
}

/** Records `window` has still to read, by the density its last page showed; a rank where it cannot be known. */
export function recordsLeft(window: FetchWindow): number {
  // A tail reads what moved on its instant while the instant's ranges read: a page or so, read last anyway.
  if (window.tail) return 0;
  const onInstant = window.part !== undefined && window.lo !== null && window.lo === window.hi;
  if (onInstant) return isAtom(window.part ?? {}) ? Number.POSITIVE_INFINITY : Number.MAX_VALUE;
  if (window.density === undefined || window.seen === undefined) return Number.MAX_SAFE_INTEGER;
  return window.density * Math.max(0, window.seen - window.floor);
}

/**
 * A part of an instant with no advanced_at start: the first range, or a part left uncut; either holds the records
 * that never advanced, which no filter can cut.
 */
function isAtom(part: Record<string, string>): boolean {
  return part.advanced_at_start === undefined;
}

/** Records per millisecond of createdAt a page shows (its records over its span), kept to three digits. */
export function densityOf(page: readonly DatedRecord[]): number | undefined {
  const dates = page.map((record) => record.createdAt).filter((at): at is number => Number.isFinite(at));
  if (dates.length === 0) return undefined;
  const spread = Math.max(1, Math.max(...dates) - Math.min(...dates));
  return Number((dates.length / spread).toPrecision(3));
}
