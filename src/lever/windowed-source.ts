// RecordSource that pages several createdAt windows at once (one fetchAll per round), splitting dense ones.
import { AppError } from '../errors';
import type { Clock } from '../ports/clock';
import type { LeverClient, PageOutcome, PageRequest } from './client';
import { isInvalidOffsetToken } from './error-mapping';
import { type FetchSeed, type FetchSeeds, SEED_MAX_BUCKETS } from './fetch-seed';
import { fingerprintQuery } from './fingerprint';
import type { RoundCompanion } from './lookup-prefetch';
import { offsetParam } from './query';
import { chainBound, densityOf, longestFirst, roundBudget } from './round-choice';
import { alignedBuckets, MIN_SLACK, newRecordsSlack, type Pace, planObservedCuts, planSeededCuts } from './seed-plan';
import { SeedTally } from './seed-tally';
import type { FetchProgress, FetchState, LeverRecord, ListQuery, RecordSource } from './source';
import {
  ADVANCED_SKEW_MS,
  addSkip,
  advancedRanges,
  applyPage,
  type Bucket,
  EARLIEST,
  estimateRemaining,
  exactPartitions,
  type FetchWindow,
  fanOut,
  initialWindow,
  isDescending,
  planSplits,
  probeCuts,
  restartWindow,
  type SplitCandidate,
  shareOut,
  skipOf,
  skipOnRestart,
  spanOf,
  type TrustedSkip,
  unreadOf,
  windowForSkip,
  windowParams,
  windowsAt,
} from './windows';

export const FETCH_STATE_VERSION = 1;
const MAX_RESTARTS = 2;
/** Rounds sized for this much more than the latency needs, and never narrower than MIN_WIDTH. */
const WIDTH_MARGIN = 1.5;
const MIN_WIDTH = 4;
/**
 * The state's JSON at most: it is saved in the run's checkpoint, one cell of the state sheet (50,000 characters),
 * beside the checkpoint's other fields. (7,000 when checkpoints were document properties of 9 KB a value.)
 */
const MAX_STATE_BYTES = 20_000;
/** Generous sizes in the state's JSON: a window holding an offset token, and a token alone. */
const WINDOW_BYTES = 260;
/** A window on a bulk instant: its filters (two-valued and advanced_at) and token, generously. */
const PART_WINDOW_BYTES = 360;
const TOKEN_BYTES = 160;
/** Windows of a first round that knows nothing of the account (no seed from an earlier run). */
const PROBE_WINDOWS = 8;
/** Latency from which a first round without a seed probes rather than reading one first page. */
const PROBE_FROM_MS = 1000;
/**
 * Latency from which a blind run plans its windows from its probes (planObservedCuts). Below it Lever's rate bounds
 * the rounds anyway, and the plan's windows only wait for tokens (measured: 5k records at 1 s, bulk-ms 0.6 s slower).
 */
const PLAN_FROM_MS = 2000;
/**
 * The most pages a blind run leaves a window unsplit for not being the critical path (criticalRecords). Measured on
 * first runs: 8 beside 4, 12 and 16; with no cap, bulk-ms 20k at 250 ms went from 18.4 s to 19.8 s.
 */
const LATE_SPLIT_PAGES = 8;

export interface WindowedSourceOptions {
  /** Windows paged at once; 1 is plain sequential paging. At most the rate limiter's burst. */
  maxParallel?: number;
  /** Records per page (Lever's maximum is 100). */
  pageSize?: number;
  /** Ceiling for the JSON size of the state; no window is split beyond it. */
  maxStateBytes?: number;
  /** Other requests (lookup tables) sent along in rounds with fewer windows than `maxParallel`. */
  companion?: RoundCompanion;
  /** Where the last run of a query left its record counts and latency, for the next run's first round. */
  seeds?: FetchSeeds;
}

export interface WindowedFetchState extends FetchState {
  query: ListQuery;
  windows: FetchWindow[];
  /** False once Lever has been seen to break newest-first order: windows then read their queries to the end. */
  ordered: boolean;
  /**
   * Ranges left unread on the strength of newest-first order (a window stopping at its floor, a restart narrowed
   * to what was left). Read again, by their own bounds, as soon as any page shows the order does not hold.
   */
  skipped?: TrustedSkip[];
  totals: { requests: number; pages: number; records: number };
  /** Lever's latency as measured by this run's rounds (the slowest request of each), smoothed; absent before any. */
  latencyMs?: number;
  /** Records per createdAt range of the windows finished so far: the next run's seed. */
  buckets?: Bucket[];
  /** True when the first round came from an earlier run's seed. */
  seeded?: boolean;
  /**
   * Pages the seeded windows have still to read by the plan (one less each round). Until none, only a
   * window with far more left than that (a wrong seed) is split: more windows would end on more partial pages.
   */
  plannedPages?: number;
  /** True once a blind run has planned its windows from the densities its first pages showed (planObserved). */
  observed?: boolean;
}

type Counters = { pages: number; records: number };
/** The windows a round sends, and those that wait for a later round (in the order they keep). */
type Picked = { sent: FetchWindow[]; held: FetchWindow[] };
/** What one page did to its window: finished it, left it reading, or split it by an exact two-valued filter. */
type PageEffect = { kind: 'done' } | { kind: 'reading' } | { kind: 'replaced'; windows: FetchWindow[] };

/** created_at_* belong in createdFrom/createdTo (the source splits that range); fold any stray ones in. */
export function normalizeQuery(query: ListQuery): ListQuery {
  const { created_at_start, created_at_end, ...params } = query.params;
  const bound = (value: unknown) => (value === undefined || value === '' ? undefined : Number(value));
  return {
    object: query.object,
    params,
    createdFrom: query.createdFrom ?? bound(created_at_start),
    createdTo: query.createdTo ?? bound(created_at_end),
    ...(query.statusIn ? { statusIn: query.statusIn } : {}),
    ...(query.archiveReasonIn ? { archiveReasonIn: query.archiveReasonIn } : {}),
  };
}

/**
 * What a seed is kept under: the query, with a changes-only refresh's `updated_at_*` bounds reduced to whether
 * they are there (each refresh asks from a new instant; the last refresh's counts fit the next one far better
 * than the full import's).
 */
function seedKey(query: ListQuery): string {
  const params = { ...query.params };
  for (const name of ['updated_at_start', 'updated_at_end']) {
    if (params[name] !== undefined) params[name] = 'since';
  }
  return fingerprintQuery({ ...query, params });
}

function isWindowedState(state: FetchState): state is WindowedFetchState {
  const candidate = state as Partial<WindowedFetchState>;
  return state.version === FETCH_STATE_VERSION && Array.isArray(candidate.windows) && !!candidate.query;
}

export class WindowedRecordSource implements RecordSource {
  private readonly maxParallel: number;
  private readonly pageSize: number;
  private readonly maxStateBytes: number;
  private readonly companion?: RoundCompanion;
  private readonly seeds?: FetchSeeds;
  /** What the fetch has read, for the next run's seed. */
  private readonly tally = new SeedTally();
  /** The fetch `start` planned, with its seed if any, while its first round has not gone out (see replan). */
  private started?: { fingerprint: string; seed: FetchSeed | null };

  constructor(
    private readonly client: LeverClient,
    private readonly clock: Clock,
    options: WindowedSourceOptions = {},
  ) {
    this.maxParallel = Math.max(1, Math.min(options.maxParallel ?? 20, client.maxBatch));
    this.pageSize = options.pageSize ?? 100;
    this.maxStateBytes = options.maxStateBytes ?? MAX_STATE_BYTES;
    this.companion = options.companion;
    this.seeds = options.seeds;
  }

  start(query: ListQuery): FetchState {
    const normalized = normalizeQuery(query);
    const fingerprint = fingerprintQuery(normalized);
    const seed = this.maxParallel > 1 ? this.loadSeed(seedKey(normalized)) : null;
    const latencyMs = seed?.latencyMs ?? this.client.knownLatencyMs;
    const state: WindowedFetchState = {
      version: FETCH_STATE_VERSION,
      fingerprint,
      query: normalized,
      windows: [],
      ordered: true,
      totals: { requests: 0, pages: 0, records: 0 },
      ...(latencyMs ? { latencyMs } : {}),
      ...(seed ? { seeded: true } : {}),
    };
    state.windows = this.firstWindows(state, seed);
    this.started = { fingerprint, seed };
    return state;
  }

  /**
   * The engine asks for the lookup tables after `start`: the first round is planned again once they are known,
   * so that windows and lookups together fill it, and a seeded plan leaves their requests room.
   */
  private replan(state: WindowedFetchState): void {
    const { started } = this;
    this.started = undefined;
    const fresh = state.windows.every((window) => window.next === undefined && window.seen === undefined);
    if (!started || started.fingerprint !== state.fingerprint || !fresh) return;
    if ((this.companion?.waiting() ?? 0) > 0) state.windows = this.firstWindows(state, started.seed);
  }

  /** Windows that each hold whole pages by the seed, as many as make the run quickest at its latency. */
  private seededWindows(state: WindowedFetchState, seed: FetchSeed): FetchWindow[] {
    const { createdFrom: from, createdTo: to } = state.query;
    const now = this.clock.now();
    const newest = Math.max(...seed.buckets.map((bucket) => bucket[1]));
    const slack = newRecordsSlack(seed.buckets, seed.savedAt ?? Math.min(now, newest), now);
    const plan = planSeededCuts({
      buckets: seed.buckets,
      pageSize: this.pageSize,
      maxWindows: this.width(state),
      slack: to !== undefined && to < now ? MIN_SLACK : slack,
      companion: this.companion?.waiting() ?? 0,
      pace: this.pace(state),
      instantsCut: cutsInstants(state.query),
    });
    state.plannedPages = plan.pages;
    return windowsAt(plan.cuts, from, to);
  }

  /**
   * The first round's windows, covering the query's whole range: balanced on the last run's counts when a seed
   * is known, otherwise stepping back geometrically from now (one window when paging sequentially).
   */
  private firstWindows(state: WindowedFetchState, seed: FetchSeed | null): FetchWindow[] {
    const { createdFrom: from, createdTo: to } = state.query;
    if (this.maxParallel === 1) return [initialWindow(from, to)];
    if (seed) return this.seededWindows(state, seed);
    // A round is cheap when Lever is quick: one first page, then fan out from what it covered (fewer windows,
    // fewer partial last pages). When it is slow, or not known yet, probe from the first round.
    const quick = state.latencyMs !== undefined && state.latencyMs < PROBE_FROM_MS;
    const top = Math.min(this.clock.now(), to ?? Number.POSITIVE_INFINITY);
    // Beside an import's lookup tables, probes fill what they leave of the limiter's tokens: the first round then
    // reads all it can. Not for a changes-only query (sparse: more probes would read empty pages), nor alone.
    const companion = this.companion?.waiting() ?? 0;
    const room = Math.min(this.width(state), this.client.readyNow) - companion;
    const fill = companion > 0 && state.query.params.updated_at_start === undefined;
    const probes = quick ? 1 : Math.min(this.maxParallel, Math.max(PROBE_WINDOWS, fill ? room : 0));
    return windowsAt(probeCuts(top, probes), from, to);
  }

  /** The seed of an earlier run of this query; none when the cache has none or cannot be read. */
  private loadSeed(fingerprint: string): FetchSeed | null {
    try {
      const seed = this.seeds?.load(fingerprint) ?? null;
      return seed && seed.buckets.length > 0 ? seed : null;
    } catch (_error) {
      return null;
    }
  }

  /**
   * Keeps what this fetch learnt for the next run of the query (a small account then needs no probe either): its
   * records in buckets closing at every page, counted from the oldest.
   */
  private saveSeed(state: WindowedFetchState, read: readonly Bucket[]): void {
    if (!this.seeds) return;
    const aligned = alignedBuckets(read, Math.max(1, Math.floor(this.pageSize / 4)), SEED_MAX_BUCKETS);
    // No record at all is worth keeping too: the next run then reads one window instead of probing.
    const buckets = aligned.length > 0 ? aligned : [[0, 0, 0] as Bucket];
    const latency = state.latencyMs ? { latencyMs: state.latencyMs } : {};
    try {
      this.seeds.save(seedKey(state.query), { buckets, ...latency, savedAt: this.clock.now() });
    } catch (_error) {
      // A seed is only a hint: a cache that refuses it costs the next run some speed, nothing else.
    }
  }

  next(
    saved: FetchState,
    deadline: number,
    sink: (records: LeverRecord[]) => void,
    enough: () => boolean = () => false,
  ): FetchProgress {
    if (!isWindowedState(saved)) {
      throw new AppError('INTERNAL', { reason: 'unreadableProgress' });
    }
    const state = JSON.parse(JSON.stringify(saved)) as WindowedFetchState;
    this.replan(state);
    this.tally.begin(state.fingerprint, state.buckets ?? []);
    const counters: Counters = { pages: 0, records: 0 };
    const sentBefore = this.client.requestsSent;
    while (state.windows.length > 0 && this.clock.now() < deadline && !enough()) {
      if (!this.round(state, deadline, sink, counters)) break;
    }
    if (state.windows.length === 0) this.lastCompanionRound(deadline);
    const requests = this.client.requestsSent - sentBefore;
    state.totals.requests += requests;
    state.totals.pages += counters.pages;
    state.totals.records += counters.records;
    const done = state.windows.length === 0;
    const { folded, read } = this.tally.end(state.fingerprint, state.buckets ?? [], state.windows.map(unreadOf));
    state.buckets = folded;
    if (done) this.saveSeed(state, read);
    return { state, done, requests, ...counters };
  }

  /**
   * One page for every window started (and as many new ones as the round's width leaves room for, after the
   * companion's requests) in a single fetchAll. False when a window had to wait past the deadline.
   */
  private round(state: WindowedFetchState, deadline: number, sink: (r: LeverRecord[]) => void, counters: Counters) {
    // Windows up to the width, waiting for tokens if need be (a smaller round now gains nothing once Lever's rate
    // is the bound, and splits more windows that end on partial pages), unless a bulk instant's range no filter
    // cuts sets the end (cutRound); the companion also gets the tokens the bucket holds beyond them now, so its
    // requests need not displace a window.
    const width = this.width(state);
    const size = Math.max(width, Math.min(this.maxParallel, this.client.sendableNow()));
    const picked = this.pick(state, width, size - width);
    const forCompanion = Math.min(this.companion?.waiting() ?? 0, size - picked.sent.length);
    const { sent, held, requests } = this.cutRound(state, picked, size, forCompanion);
    const own = sent.map((window) => this.requestFor(state.query, window));
    const extra = this.companion?.take(Math.min(forCompanion, requests - own.length)) ?? [];
    const outcomes = this.client.getPages([...own, ...extra], deadline);
    this.measure(state);
    if (extra.length > 0) this.companion?.settle(outcomes.slice(own.length));
    const kept: FetchWindow[] = [];
    const candidates: SplitCandidate[] = [];
    const before = state.windows.length;
    let complete = true;
    sent.forEach((window, index) => {
      const outcome = outcomes[index];
      if (outcome.kind === 'deferred') complete = false;
      else if (outcome.kind === 'failed') kept.push(...this.recover(state, window, outcome));
      else {
        const effect = this.takePage(state, window, outcome.page, sink, counters, candidates);
        if (effect.kind !== 'done') kept.push(...(effect.kind === 'replaced' ? effect.windows : [window]));
        return;
      }
      kept.push(window);
    });
    // Windows added during the loop (ranges read again once the order broke) come after the ones kept.
    state.windows = [...held, ...kept, ...state.windows.slice(before)];
    if (complete && state.ordered) state.windows.push(...this.split(state, candidates, this.freeSlots(state)));
    if (complete) advancePlan(state, sent, picked.sent);
    return complete;
  }

  /**
   * The windows that go now beside the companion's requests, and how many requests the round sends. The picked
   * ones, waiting for tokens if need be, unless one chain of pages sets when the fetch ends rather than Lever's rate
   * (chainBound): then no more than Lever refills in one latency (or lets go now), the longest of all that may go
   * first (at least one window); those left out wait for the next round ahead of the rest, their state unchanged.
   */
  private cutRound(state: WindowedFetchState, picked: Picked, size: number, forCompanion: number) {
    const pace = { ready: this.client.sendableNow(), ratePerSecond: this.client.ratePerSecond };
    const budget = roundBudget(size, { ...pace, latencyMs: state.latencyMs });
    const all = { ...picked, requests: size };
    const ready = picked.held.filter((window) => !waitsForInstant(state.windows, window));
    if (picked.sent.length + forCompanion <= budget || !chainBound([...picked.sent, ...ready])) return all;
    // Windows past the width or not started may go before the picked ones: a part of the instant must not wait
    // for windows already reading to end.
    const room = Math.max(Math.min(1, picked.sent.length), budget - forCompanion);
    const { sent, rest } = longestFirst([...picked.sent, ...ready], room);
    return { sent, held: [...rest, ...picked.held.filter((window) => !ready.includes(window))], requests: budget };
  }

  /**
   * What the companion still waits to send once the windows are done goes in one round of its own: the round a
   * plan that filled every round with windows counted on (a seeded run whose lookups expired). Without it, each
   * list would be asked on its own after the fetch, a round apiece. One round only: a list of many pages is better
   * read as the fetch's own windowed query than page by page here.
   */
  private lastCompanionRound(deadline: number): void {
    if (!this.companion || this.companion.waiting() === 0 || this.clock.now() >= deadline) return;
    const extra = this.companion.take(this.maxParallel);
    if (extra.length > 0) this.companion.settle(this.client.getPages(extra, deadline));
  }

  /**
   * Windows already reading go first (as many as the width); windows not yet started fill what is left once
   * the companion (lookup tables) has had its room, beyond the `spare` the round has past the width. The others
   * wait for the next round, ahead of the rest; a tail waits until the rest of its instant is read.
   */
  private pick(state: WindowedFetchState, width: number, spare: number): Picked {
    const started = (window: FetchWindow) => window.next !== undefined || window.seen !== undefined;
    const all = state.windows.filter(started);
    const reading = all.slice(0, width);
    const waits = (window: FetchWindow) => waitsForInstant(state.windows, window);
    const fresh = state.windows.filter((window) => !started(window) && !waits(window));
    const room = width - reading.length;
    // A seeded plan already left the companion its room: its windows go first.
    const waiting = state.seeded ? 0 : Math.max(0, (this.companion?.waiting() ?? 0) - spare);
    const forCompanion = Math.min(waiting, Math.max(0, room - 1));
    const taken = Math.min(fresh.length, Math.max(reading.length === 0 ? 1 : 0, room - forCompanion));
    const held = [...all.slice(width), ...fresh.slice(taken), ...state.windows.filter(waits)];
    return { sent: [...reading, ...fresh.slice(0, taken)], held };
  }

  /** Hands the page's records to the sink, and says what became of the window. */
  private takePage(
    state: WindowedFetchState,
    window: FetchWindow,
    page: Extract<PageOutcome, { kind: 'page' }>['page'],
    sink: (records: LeverRecord[]) => void,
    counters: Counters,
    candidates: SplitCandidate[],
  ): PageEffect {
    const data = page.data as LeverRecord[];
    if (state.ordered && !isDescending(window, data)) this.distrustOrder(state);
    const result = applyPage(window, { data, hasNext: page.hasNext, next: page.next }, state.ordered);
    if (result.early) state.skipped = addSkip(state.skipped ?? [], skipOf(window));
    counters.pages += 1;
    counters.records += result.records.length;
    this.tally.add(result.records);
    if (result.records.length > 0) sink(result.records);
    if (result.done) return { kind: 'done' };
    window.density = densityOf(data);
    const parts = this.partitionOnInstant(state, window, data);
    if (parts) return { kind: 'replaced', windows: parts };
    candidates.push({ window, remaining: estimateRemaining(window, data), span: spanOf(data) });
    return { kind: 'reading' };
  }

  /**
   * A full page on one createdAt instant (an account migrated in bulk) cannot be split by createdAt: the window
   * stops, and its range is read again side by side as one window per value of each exact two-valued filter the
   * query leaves free on the instant, each cut further into `advanced_at` ranges, plus a window below the instant
   * and one above it. Each reads its own query to the end, so together they hold the window's records whatever
   * the list order (what it read above comes twice; the engine de-duplicates). A stage change while they read
   * moves a record into [since, now]: the tail window reads that last. Not when paging sequentially.
   */
  private partitionOnInstant(state: WindowedFetchState, window: FetchWindow, data: LeverRecord[]) {
    if (this.maxParallel === 1 || !state.ordered || window.part || window.seen === undefined) return null;
    if (data.length < this.pageSize || spanOf(data) !== 0) return null;
    const instant = window.seen;
    const around = aroundInstant(window, instant);
    const twoValued = exactPartitions(state.query.object, state.query.params);
    // One instant for the ranges' top and the tail's bottom: read twice, the clock could leave a gap between them.
    const since = this.clock.now() - ADVANCED_SKEW_MS;
    const bounds = { around: around.length, since };
    const parts = this.advancedParts(state, data, twoValued.length > 0 ? twoValued : [{}], bounds);
    const cut = parts.length > Math.max(1, twoValued.length);
    if (!cut && twoValued.length === 0) return null;
    const on = (part: Record<string, string>) => ({ lo: instant, hi: instant, floor: instant, part });
    const tail = cut ? [{ ...on({ advanced_at_start: String(since) }), tail: true as const }] : [];
    return [...parts.map(on), ...tail, ...around];
  }

  /**
   * Each two-valued part of an instant cut into `advanced_at` ranges, as many as the round's width leaves (the tail
   * included), shared out by how many of the page's records each part holds (a part the page hardly shows stays
   * one window: it would end on partial pages), each range below `since`. Uncut for requisitions (no such filter),
   * when the query bounds `advanced_at` itself, or when a record of the page has no `lastAdvancedAt`.
   */
  private advancedParts(
    state: WindowedFetchState,
    data: LeverRecord[],
    twoValued: Array<Record<string, string>>,
    { around, since }: { around: number; since: number },
  ): Array<Record<string, string>> {
    if (!cutsInstants(state.query)) return twoValued;
    // One record without it and Lever's documented "never null" does not hold: no range would select such records.
    if (!data.every((record) => Number.isFinite(record.lastAdvancedAt))) return twoValued;
    const room = Math.min(this.width(state), this.slotsBySize(state, PART_WINDOW_BYTES) + 1) - around - 1;
    const samples = twoValued.map((part) => data.filter((record) => holdsPart(record, part)));
    const sizes = samples.map((sample) => sample.length);
    const counts = shareOut(room, sizes);
    return twoValued.flatMap((part, k) => {
      const ranges = advancedRanges(samples[k], counts[k], since);
      return ranges.length > 0 ? ranges.map((range) => ({ ...part, ...range })) : [part];
    });
  }

  /**
   * A refused offset token restarts the window (a few times at most); every other failure ends the fetch.
   * Returns the window split off by the restart, if any.
   */
  private recover(
    state: WindowedFetchState,
    window: FetchWindow,
    outcome: Extract<PageOutcome, { kind: 'failed' }>,
  ): FetchWindow[] {
    if (!isInvalidOffsetToken(outcome.leverMessage) || (window.restarts ?? 0) >= MAX_RESTARTS) throw outcome.error;
    const skipped = skipOnRestart(window, state.ordered);
    if (skipped) state.skipped = addSkip(state.skipped ?? [], skipped);
    const upper = restartWindow(window, state.ordered, this.clock.now());
    return upper ? [upper] : [];
  }

  /**
   * Lever broke newest-first order: no window stops early from now on, and every range skipped on the strength
   * of that order is read again by its own created_at bounds (the engine de-duplicates what comes twice).
   */
  private distrustOrder(state: WindowedFetchState): void {
    state.ordered = false;
    const unboundedFrom = state.query.createdFrom === undefined;
    state.windows.push(...(state.skipped ?? []).map((skip) => windowForSkip(skip, unboundedFrom)));
    state.skipped = [];
  }

  private requestFor(query: ListQuery, window: FetchWindow): PageRequest {
    return {
      path: `/${query.object}`,
      params: {
        ...query.params,
        ...windowParams(window),
        limit: this.pageSize,
        offset: window.next === undefined ? undefined : offsetParam(window.next),
      },
    };
  }

  /**
   * A window reaching down to 1970 fans out over the years below its first page; others halve where dense. While
   * a seeded plan runs, only a window with twice what the plan leaves it (a wrong or stale seed) is split, never
   * the oldest (its range, and so its estimate, reaches back to 1970).
   */
  private split(state: WindowedFetchState, candidates: SplitCandidate[], slots: number): FetchWindow[] {
    const planned = 2 * this.pageSize * (state.plannedPages ?? 0);
    const overPlan = (candidate: SplitCandidate) =>
      candidate.window.floor !== EARLIEST && candidate.remaining > planned;
    const worth = planned > 0 ? candidates.filter(overPlan) : candidates;
    const wide = worth.find((candidate) => candidate.window.floor === EARLIEST);
    if (wide) return fanOut(wide.window, wide.span ?? 0, slots);
    const observed = this.observedOnce(state, candidates, slots);
    if (observed) return observed;
    return planSplits(worth, slots, Math.max(this.pageSize, planned, this.criticalRecords(state, candidates)));
  }

  /**
   * Records a window of a blind run must have left to be worth halving, while Lever's rate (not the round's width)
   * bounds the rounds: more than the whole fetch reads at that rate in one latency per page of the window, or it
   * ends before the rest anyway and its split only ends one more window on a partial page (at 100 ms one window
   * alone reads at the rate). Only up to LATE_SPLIT_PAGES: a larger estimate, drawn from one page's density, may
   * hide a dense stretch or a bulk instant that the window then reads alone at the end.
   */
  private criticalRecords(state: WindowedFetchState, candidates: readonly SplitCandidate[]): number {
    const perLatency = (this.client.ratePerSecond * (state.latencyMs ?? PROBE_FROM_MS)) / 1000;
    if (state.seeded || perLatency >= this.width(state)) return 0;
    const total = candidates.reduce((sum, candidate) => sum + candidate.remaining, 0);
    return Math.min(LATE_SPLIT_PAGES * this.pageSize, total / Math.max(1, perLatency));
  }

  /**
   * A blind run, once every window reaching back to 1970 has been narrowed: the windows still reading are cut as
   * a seeded plan would cut them, into windows of whole pages by the densities their pages showed, as many as
   * make the rest quickest (rather than halving the densest, which leaves small windows ending on partial pages).
   * Null when there is no such plan (halve the densest instead); planned once.
   */
  private observedOnce(state: WindowedFetchState, candidates: SplitCandidate[], slots: number): FetchWindow[] | null {
    if (state.seeded || state.observed || (state.latencyMs ?? 0) < PLAN_FROM_MS || candidates.length === 0) return null;
    state.observed = true;
    const reading = candidates.filter((candidate) => candidate.window.seen !== undefined);
    const ranges = reading.map(({ window, remaining }) => ({ floor: window.floor, seen: window.seen ?? 0, remaining }));
    const plan = planObservedCuts({
      ranges,
      pageSize: this.pageSize,
      maxWindows: this.width(state),
      slots,
      others: state.windows.length - reading.length,
      companion: this.companion?.waiting() ?? 0,
      pace: this.pace(state),
    });
    if (!plan) return null;
    return reading.flatMap(({ window }, index) => cutBelow(window, plan.cuts[index]));
  }

  private pace(state: WindowedFetchState): Pace {
    return {
      latencyMs: state.latencyMs ?? PROBE_FROM_MS,
      ratePerSecond: this.client.ratePerSecond,
      burst: this.client.maxBatch,
      startTokens: this.client.readyNow,
    };
  }

  /** Folds the last round's latency into the state (a round lasts as long as its slowest request). */
  private measure(state: WindowedFetchState): void {
    const last = this.client.lastFetchMs;
    if (last === undefined) return;
    state.latencyMs = state.latencyMs === undefined ? last : Math.round((state.latencyMs + last) / 2);
  }

  /**
   * Requests in flight per round: enough to keep Lever's rate busy through a round's latency, with room for
   * windows that end mid-round, and no more (every window ends on a partial page). The whole burst until
   * the latency is known.
   */
  private width(state: WindowedFetchState): number {
    if (state.latencyMs === undefined) return this.maxParallel;
    const busy = Math.ceil((this.client.ratePerSecond * state.latencyMs * WIDTH_MARGIN) / 1000);
    return Math.min(this.maxParallel, Math.max(MIN_WIDTH, busy + 2));
  }

  /** New windows allowed now: parallelism left, within the state's size budget once every window has a token. */
  private freeSlots(state: WindowedFetchState): number {
    return Math.max(0, Math.min(this.width(state) - state.windows.length, this.slotsBySize(state)));
  }

  /** New windows the state's size budget allows, once every window has a token. */
  private slotsBySize(state: WindowedFetchState, bytesEach = WINDOW_BYTES): number {
    const tokensToCome = state.windows.filter((window) => window.next === undefined).length * TOKEN_BYTES;
    return Math.floor((this.maxStateBytes - JSON.stringify(state).length - tokensToCome) / bytesEach);
  }
}

/**
 * The plan's pages go one a round per window: a round that left some of the picked windows out (cutRound) moved
 * the plan by the share of them it sent, kept to six digits (a saved state carries no long fractions).
 */
function advancePlan(state: WindowedFetchState, sent: readonly FetchWindow[], picked: readonly FetchWindow[]): void {
  if (!state.plannedPages) return;
  const share = picked.filter((window) => sent.includes(window)).length / Math.max(1, picked.length);
  state.plannedPages = Math.max(0, Math.round((state.plannedPages - share) * 1e6) / 1e6);
}

/** Whether the query's instants may be cut in `advanced_at` ranges: opportunities, unless it bounds that itself. */
function cutsInstants({ object, params }: ListQuery): boolean {
  return object === 'opportunities' && params.advanced_at_start === undefined && params.advanced_at_end === undefined;
}

/** The windows above and below `instant` that, beside the windows on it, hold the rest of `window`'s range. */
function aroundInstant(window: FetchWindow, instant: number): FetchWindow[] {
  const unboundedBelow = window.lo === null && window.floor === EARLIEST;
  const around: FetchWindow[] = [];
  if (window.hi === null || window.hi > instant) around.push({ lo: instant + 1, hi: window.hi, floor: instant + 1 });
  if (instant > window.floor)
    around.push({ lo: unboundedBelow ? null : window.floor, hi: instant - 1, floor: window.floor });
  return around;
}

/** Whether `record` has the values of a two-valued part (exactPartitions): only to share windows out, never to keep it. */
function holdsPart(record: LeverRecord, part: Record<string, string>): boolean {
  if (part.confidentiality !== undefined && record.confidentiality !== part.confidentiality) return false;
  if (part.archived !== undefined && (record.archived != null) !== (part.archived === 'true')) return false;
  return true;
}

/** True while `window` is a tail that must wait: another window on its instant is still to read. */
function waitsForInstant(windows: readonly FetchWindow[], window: FetchWindow): boolean {
  return !!window.tail && windows.some((other) => !other.tail && other.lo === window.lo && other.hi === window.hi);
}

/**
 * New windows for [floor, last cut) of a reading window, one starting at each cut (ascending, inside its unread
 * range); the window keeps [last cut, seen] by its floor, as splitWindow does, so no instant is lost or read twice.
 */
function cutBelow(window: FetchWindow, cuts: readonly number[]): FetchWindow[] {
  const inside = cuts.filter((cut) => cut > window.floor && cut <= (window.seen ?? window.floor));
  if (inside.length === 0) return [];
  const starts = [window.floor, ...inside];
  const lower = starts.slice(0, -1).map((start, k) => ({
    lo: k === 0 && window.lo === null && window.floor === EARLIEST ? null : start,
    hi: starts[k + 1] - 1,
    floor: start,
    ...(window.part ? { part: window.part } : {}),
  }));
  window.floor = inside[inside.length - 1];
  return lower.reverse();
}
