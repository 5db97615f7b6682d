// A seeded first round (pure): createdAt cuts where each window holds whole pages, as many as make the run quickest.
//
// The seed keeps its records in buckets that close at every page counted from the oldest record (alignedBuckets),
// so a window cut where one closes holds exactly so many full pages: the only partial page is the newest window's,
// which also takes the records created since the seed. How many windows, and so how many pages each, comes from a
// model of Lever's limit (a burst, then a steady rate) and of rounds that last the latency (roundsMs).
import type { Bucket } from './windows';

const sum = (buckets: readonly Bucket[]) => buckets.reduce((total, bucket) => total + bucket[2], 0);

/** Sorted buckets, those that share an instant merged: a cut between two never splits an instant's records. */
export function mergeInstants(buckets: readonly Bucket[]): Bucket[] {
  const sorted = buckets.filter((bucket) => bucket[2] > 0).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Bucket[] = [];
  for (const [from, to, count] of sorted) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) merged[merged.length - 1] = [last[0], Math.max(last[1], to), last[2] + count];
    else merged.push([from, to, count]);
  }
  return merged;
}

/**
 * The same records in buckets that close once they reach the next multiple of `step` records counted from the
 * oldest (past it only when an instant holds several; an instant of more than a step closes what is open below it
 * first, short of it, to stand alone), so windows cut where buckets meet hold whole pages. A step
 * of a quarter page leaves room to pack around instants that hold several records; it doubles until at most `max`
 * buckets remain (a huge account keeps coarser cuts, still at whole pages).
 */
export function alignedBuckets(buckets: readonly Bucket[], step: number, max: number): Bucket[] {
  const merged = mergeInstants(buckets);
  while (sum(merged) > step * Math.max(1, max)) step *= 2;
  const aligned: Bucket[] = [];
  let below = 0;
  let current: Bucket | null = null;
  for (const [from, to, count] of merged) {
    // An instant of more than a step closes what is open below it first: its bucket must be the instant alone, so
    // that a plan knows it (pagesToRead) and a cut can fall right below it.
    if (current && from === to && count > step) {
      aligned.push(current);
      below += current[2];
      current = null;
    }
    current = current ? [current[0], to, current[2] + count] : [from, to, count];
    if (below + current[2] >= (Math.floor(below / step) + 1) * step) {
      aligned.push(current);
      below += current[2];
      current = null;
    }
  }
  if (current) aligned.push(current);
  return aligned;
}

/** What the run's rounds are up against: Lever's latency, and its token bucket as the client's limiter sees it. */
export interface Pace {
  latencyMs: number;
  ratePerSecond: number;
  burst: number;
  /** Tokens the limiter starts with. */
  startTokens: number;
}

/** Milliseconds rounds of these sizes take: each waits for the tokens it lacks, then lasts the latency. */
export function roundsMs(sizes: readonly number[], pace: Pace): number {
  let tokens = pace.startTokens;
  let ms = 0;
  for (const size of sizes) {
    ms += (Math.max(0, size - tokens) / pace.ratePerSecond) * 1000 + pace.latencyMs;
    tokens = Math.max(tokens, size) - size;
    tokens = Math.min(pace.burst, tokens + (pace.ratePerSecond * pace.latencyMs) / 1000);
  }
  return ms;
}

/** Requests each round sends: a page of every window still reading, then the companion's in the room left. */
export function roundSizes(pages: readonly number[], width: number, companion: number): number[] {
  const sizes: number[] = [];
  let waiting = companion;
  for (let round = 1; round <= Math.max(0, ...pages) || waiting > 0; round++) {
    const own = pages.filter((count) => count >= round).length;
    const extra = Math.min(waiting, Math.max(own === 0 ? 1 : 0, width - own));
    waiting -= extra;
    sizes.push(own + extra);
  }
  return sizes;
}

/**
 * Windows packed from the oldest record up, each with as many buckets as fit in `capacity` records, cut where two
 * buckets meet. A bucket wider than a window (a coarse seed) is cut by even spread, a guess; an instant never is.
 */
export function packWindows(buckets: readonly Bucket[], capacity: number): { cuts: number[]; counts: number[] } {
  const cuts: number[] = [];
  const counts: number[] = [];
  let held = 0;
  for (const [from, to, count] of buckets) {
    if (held + count <= capacity) {
      held += count;
      continue;
    }
    if (held > 0) {
      cuts.push(from);
      counts.push(held);
    }
    held = count;
    for (let piece = 1; held > capacity && from < to; piece++) {
      const cut = from + Math.ceil(((to - from + 1) * piece * capacity) / count);
      if (cut > to) break;
      cuts.push(cut);
      counts.push(capacity);
      held -= capacity;
    }
  }
  counts.push(held);
  return { cuts, counts };
}

export interface SeedPlanInput {
  /** The seed's buckets (see alignedBuckets). */
  buckets: readonly Bucket[];
  pageSize: number;
  /** Windows one round pages at most (the round's width). */
  maxWindows: number;
  /** Records expected above the seed's newest: created since it was saved. They fall in the newest window. */
  slack: number;
  /** Requests of one page each that share the rounds' room (lookup tables). */
  companion: number;
  pace: Pace;
  /** Whether a full page on one instant is read again side by side in `advanced_at` ranges (opportunities). */
  instantsCut?: boolean;
}

export interface SeedPlan {
  /** Where windows start (see windowsAt). */
  cuts: number[];
  /** Pages each window holds at most. */
  pages: number;
}

/**
 * The windows of a seeded first round: for every number of pages a window may hold, the windows packed from the
 * oldest record up, and the quickest by the model; the fewest requests when two take as long.
 */
export function planSeededCuts(input: SeedPlanInput): SeedPlan {
  const seeded = mergeInstants(input.buckets);
  const buckets = [...seeded];
  if (buckets.length === 0) return { cuts: [], pages: 1 };
  const newest = buckets[buckets.length - 1];
  buckets[buckets.length - 1] = [newest[0], newest[1], newest[2] + Math.max(0, input.slack)];
  const allPages = Math.max(1, Math.ceil(sum(buckets) / input.pageSize));
  let best: { ms: number; requests: number; plan: SeedPlan } | null = null;
  for (let pages = Math.ceil(allPages / Math.max(1, input.maxWindows)); pages <= allPages; pages++) {
    const packed = packWindows(buckets, pages * input.pageSize);
    const { cuts, counts } = packed;
    if (counts.length > input.maxWindows) continue;
    // The instants as the seed counted them: the slack for records created since is no instant's.
    const perWindow = pagesToRead(seeded, packed, input.pageSize, input.instantsCut === true);
    const ms = roundsMs(roundSizes(perWindow, input.maxWindows, input.companion), input.pace);
    const requests = perWindow.reduce((total, count) => total + count, 0);
    if (!best || ms < best.ms - 1 || (ms <= best.ms + 1 && requests < best.requests)) {
      best = { ms, requests, plan: { cuts, pages } };
    }
    // Past twice the best, fewer and longer windows only take longer.
    if (counts.length === 1 || ms > 2 * best.ms) break;
  }
  return best?.plan ?? { cuts: [], pages: allPages };
}

/**
 * Pages each window packWindows made reads itself. Where `instantsCut`, an instant holding more than a page (an
 * account migrated in bulk) costs its window one: a full page on one instant is read again side by side in
 * `advanced_at` ranges of their own (partitionOnInstant), which this plan does not make. Counted whole, it would set
 * every plan's length alike, and the fewest requests, a few long windows, would win. Where not (requisitions have no
 * such filter), its window does read it page after page, and it counts whole.
 */
export function pagesToRead(
  buckets: readonly Bucket[],
  packed: { cuts: readonly number[]; counts: readonly number[] },
  pageSize: number,
  instantsCut: boolean,
): number[] {
  const records = [...packed.counts];
  // packWindows never cuts an instant: the window an instant's bucket starts in holds all of it.
  for (const [from, to, count] of instantsCut ? buckets : []) {
    if (from !== to || count <= pageSize) continue;
    const window = packed.cuts.filter((cut) => cut <= from).length;
    records[window] -= count - pageSize;
  }
  return records.map((count) => Math.max(1, Math.ceil(count / pageSize)));
}

/** The seed's last 30 days of records tell how many a seed of its age has missed. */
const RECENT_MS = 30 * 86_400_000;
/** Records kept free in the newest window whatever the seed's age (a few created, un-archived or moved). */
export const MIN_SLACK = 10;

/** Records created since the seed was saved, by the rate of its last 30 days, with a margin. */
export function newRecordsSlack(buckets: readonly Bucket[], savedAt: number, now: number): number {
  const recent = buckets.filter((bucket) => bucket[1] >= savedAt - RECENT_MS);
  const perMs = sum(recent) / RECENT_MS;
  return MIN_SLACK + Math.ceil(2 * perMs * Math.max(0, now - savedAt));
}

/** A window still reading after a blind round: the range it has left, [floor, seen], and the records estimated in it. */
export interface ObservedRange {
  floor: number;
  seen: number;
  remaining: number;
}

export interface ObservedPlanInput {
  ranges: readonly ObservedRange[];
  pageSize: number;
  /** Windows one round pages at most. */
  maxWindows: number;
  /** New windows the state has room for. */
  slots: number;
  /** Windows beside the ranges (not started, or parts of an instant), counted as a page each. */
  others: number;
  companion: number;
  pace: Pace;
}

export interface ObservedPlan {
  /** Per range, where its new windows start (ascending; the range's own window keeps the top from the last). */
  cuts: number[][];
  pages: number;
}

/**
 * A range cut from its top down into windows of `capacity` records by even spread, the lowest taking what is left
 * (never a window of its own: below a page's extrapolated reach there may be no record at all). The density is
 * measured at the top (the page just read), so that is where whole pages are likeliest; the lowest absorbs the error.
 */
export function observedPieces(range: ObservedRange, capacity: number): { cuts: number[]; counts: number[] } {
  const span = range.seen - range.floor;
  const pieces = Math.max(1, Math.floor(range.remaining / Math.max(1, capacity)));
  if (span < 1 || pieces === 1) return { cuts: [], counts: [range.remaining] };
  const cuts: number[] = [];
  for (let k = pieces - 1; k >= 1; k--) {
    const cut = range.seen - Math.floor((span * k * capacity) / range.remaining);
    if (cut > range.floor && cut <= range.seen && cut > (cuts[cuts.length - 1] ?? range.floor)) cuts.push(cut);
  }
  const counts = [range.remaining - cuts.length * capacity, ...cuts.map(() => capacity)];
  return { cuts, counts };
}

/**
 * Rounds of full windows beyond which a blind plan is not made: one page's density, extrapolated over ranges that
 * wide, is too rough (measured: 20k records at 2.5 s took a round more than halving the densest windows).
 */
const TRUSTED_ROUNDS = 3;

/**
 * A blind run's plan once its probes are back, as a seeded run's from the densities they showed: each window's
 * range left cut into windows of whole estimated pages, as many pages a window as the model finds quickest within
 * the round's width and the state's room. Null when no range holds more than one window's worth, or when the
 * estimates hold more than TRUSTED_ROUNDS rounds.
 */
export function planObservedCuts(input: ObservedPlanInput): ObservedPlan | null {
  const estimated = input.ranges.reduce((total, range) => total + range.remaining, 0) / input.pageSize;
  if (estimated > TRUSTED_ROUNDS * input.maxWindows) return null;
  const most = Math.max(0, ...input.ranges.map((range) => range.remaining));
  const allPages = Math.max(1, Math.ceil(most / input.pageSize));
  let best: { ms: number; requests: number; plan: ObservedPlan } | null = null;
  for (let pages = 1; pages <= allPages; pages++) {
    const pieces = input.ranges.map((range) => observedPieces(range, pages * input.pageSize));
    const added = pieces.reduce((total, piece) => total + piece.cuts.length, 0);
    if (added > input.slots || input.ranges.length + added + input.others > input.maxWindows) continue;
    const perWindow = pieces.flatMap((piece) =>
      piece.counts.map((count) => Math.max(1, Math.ceil(count / input.pageSize))),
    );
    perWindow.push(...Array.from({ length: input.others }, () => 1));
    const ms = roundsMs(roundSizes(perWindow, input.maxWindows, input.companion), input.pace);
    const requests = perWindow.reduce((total, count) => total + count, 0);
    // As quick by the model: the most windows, since the estimates err (a window short of its plan ends sooner).
    if (!best || ms < best.ms - 1) {
      best = { ms, requests, plan: { cuts: pieces.map((piece) => piece.cuts), pages } };
    }
    if (added === 0) break;
  }
  if (!best) return null;
  const cuts = spreadSpare(input, best.plan.cuts);
  return cuts.some((rangeCuts) => rangeCuts.length > 0) ? { cuts, pages: best.plan.pages } : null;
}

/**
 * Windows the plan leaves of the width (whole pages come in coarse steps) go to the ranges whose windows hold the
 * most, one at a time, each range then cut evenly: a round of fewer windows than the width is time lost when slow.
 */
function spreadSpare(input: ObservedPlanInput, planned: number[][]): number[][] {
  const cuts = planned.map((rangeCuts) => [...rangeCuts]);
  const added = () => cuts.reduce((total, rangeCuts) => total + rangeCuts.length, 0);
  // Never the oldest range: it may reach far below the account's first record, where no estimate holds.
  const oldest = Math.min(...input.ranges.map((range) => range.floor));
  const perWindow = (k: number) =>
    input.ranges[k].floor === oldest ? 0 : input.ranges[k].remaining / (cuts[k].length + 1);
  for (;;) {
    const spare = Math.min(input.slots, input.maxWindows - input.ranges.length - input.others) - added();
    const order = input.ranges.map((_, k) => k).sort((a, b) => perWindow(b) - perWindow(a));
    const fullest = order[0];
    if (spare <= 0 || fullest === undefined || perWindow(fullest) < 2 * input.pageSize) return cuts;
    const next = evenCuts(input.ranges[fullest], cuts[fullest].length + 2);
    if (next.length <= cuts[fullest].length) return cuts;
    cuts[fullest] = next;
  }
}

/** Cuts that part a range into `pieces` windows of even estimated counts. */
function evenCuts(range: ObservedRange, pieces: number): number[] {
  const span = range.seen - range.floor;
  const cuts: number[] = [];
  for (let k = 1; k < pieces; k++) {
    const cut = range.floor + Math.ceil((span * k) / pieces);
    if (cut > (cuts[cuts.length - 1] ?? range.floor) && cut <= range.seen) cuts.push(cut);
  }
  return cuts;
}
