// RecordSource that pages several createdAt windows at once (one fetchAll per round), splitting dense ones.
import { AppError } from '../errors';
import type { Clock } from '../ports/clock';
import type { LeverClient, PageOutcome, PageRequest } from './client';
import { isInvalidOffsetToken } from './error-mapping';
import { fingerprintQuery } from './fingerprint';
import type { RoundCompanion } from './lookup-prefetch';
import { offsetParam } from './query';
import type { FetchProgress, FetchState, LeverRecord, ListQuery, RecordSource } from './source';
import {
  addSkip,
  applyPage,
  EARLIEST,
  estimateRemaining,
  type FetchWindow,
  fanOut,
  initialWindow,
  isDescending,
  planSplits,
  restartWindow,
  type SplitCandidate,
  skipOf,
  skipOnRestart,
  spanOf,
  type TrustedSkip,
  windowForSkip,
  windowParams,
} from './windows';

export const FETCH_STATE_VERSION = 1;
const MAX_RESTARTS = 2;
/** Rounds sized for this much more than the latency needs, and never narrower than MIN_WIDTH. */
const WIDTH_MARGIN = 1.5;
const MIN_WIDTH = 4;
/** Generous sizes in the state's JSON: a window holding an offset token, and a token alone. */
const WINDOW_BYTES = 260;
const TOKEN_BYTES = 160;

export interface WindowedSourceOptions {
  /** Windows paged at once; 1 is plain sequential paging. At most the rate limiter's burst. */
  maxParallel?: number;
  /** Records per page (Lever's maximum is 100). */
  pageSize?: number;
  /** Ceiling for the JSON size of the state; no window is split beyond it. */
  maxStateBytes?: number;
  /** Other requests (lookup tables) sent along in rounds with fewer windows than `maxParallel`. */
  companion?: RoundCompanion;
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
}

type Counters = { pages: number; records: number };

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

function isWindowedState(state: FetchState): state is WindowedFetchState {
  const candidate = state as Partial<WindowedFetchState>;
  return state.version === FETCH_STATE_VERSION && Array.isArray(candidate.windows) && !!candidate.query;
}

export class WindowedRecordSource implements RecordSource {
  private readonly maxParallel: number;
  private readonly pageSize: number;
  private readonly maxStateBytes: number;
  private readonly companion?: RoundCompanion;

  constructor(
    private readonly client: LeverClient,
    private readonly clock: Clock,
    options: WindowedSourceOptions = {},
  ) {
    this.maxParallel = Math.max(1, Math.min(options.maxParallel ?? 20, client.maxBatch));
    this.pageSize = options.pageSize ?? 100;
    this.maxStateBytes = options.maxStateBytes ?? 7000;
    this.companion = options.companion;
  }

  start(query: ListQuery): FetchState {
    const normalized = normalizeQuery(query);
    const state: WindowedFetchState = {
      version: FETCH_STATE_VERSION,
      fingerprint: fingerprintQuery(normalized),
      query: normalized,
      windows: [initialWindow(normalized.createdFrom, normalized.createdTo)],
      ordered: true,
      totals: { requests: 0, pages: 0, records: 0 },
    };
    return state;
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
    const counters: Counters = { pages: 0, records: 0 };
    const sentBefore = this.client.requestsSent;
    while (state.windows.length > 0 && this.clock.now() < deadline && !enough()) {
      if (!this.round(state, deadline, sink, counters)) break;
    }
    const requests = this.client.requestsSent - sentBefore;
    state.totals.requests += requests;
    state.totals.pages += counters.pages;
    state.totals.records += counters.records;
    return { state, done: state.windows.length === 0, requests, ...counters };
  }

  /** One page for every window in a single fetchAll. False when a window had to wait past the deadline. */
  private round(state: WindowedFetchState, deadline: number, sink: (r: LeverRecord[]) => void, counters: Counters) {
    const own = state.windows.map((window) => this.requestFor(state.query, window));
    const extra = this.companion?.take(this.width(state) - own.length) ?? [];
    const outcomes = this.client.getPages([...own, ...extra], deadline);
    this.measure(state);
    if (extra.length > 0) this.companion?.settle(outcomes.slice(own.length));
    const kept: FetchWindow[] = [];
    const candidates: SplitCandidate[] = [];
    let complete = true;
    state.windows.forEach((window, index) => {
      const outcome = outcomes[index];
      if (outcome.kind === 'deferred') complete = false;
      else if (outcome.kind === 'failed') kept.push(...this.recover(state, window, outcome));
      else if (this.takePage(state, window, outcome.page, sink, counters, candidates)) return;
      kept.push(window);
    });
    // Windows added during the loop (ranges read again once the order broke) come after the ones kept.
    state.windows = [...kept, ...state.windows.slice(own.length)];
    if (complete && state.ordered) state.windows.push(...this.split(candidates, this.freeSlots(state)));
    return complete;
  }

  /** Hands the page's records to the sink; true when the window is finished. */
  private takePage(
    state: WindowedFetchState,
    window: FetchWindow,
    page: Extract<PageOutcome, { kind: 'page' }>['page'],
    sink: (records: LeverRecord[]) => void,
    counters: Counters,
    candidates: SplitCandidate[],
  ): boolean {
    const data = page.data as LeverRecord[];
    if (state.ordered && !isDescending(window, data)) this.distrustOrder(state);
    const result = applyPage(window, { data, hasNext: page.hasNext, next: page.next }, state.ordered);
    if (result.early) state.skipped = addSkip(state.skipped ?? [], skipOf(window));
    counters.pages += 1;
    counters.records += result.records.length;
    if (result.records.length > 0) sink(result.records);
    if (!result.done) candidates.push({ window, remaining: estimateRemaining(window, data), span: spanOf(data) });
    return result.done;
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

  /** A window reaching down to 1970 fans out over the years below its first page; others halve where dense. */
  private split(candidates: SplitCandidate[], slots: number): FetchWindow[] {
    const wide = candidates.find((candidate) => candidate.window.floor === EARLIEST);
    if (wide) return fanOut(wide.window, wide.span ?? 0, slots);
    return planSplits(candidates, slots, this.pageSize);
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
    const tokensToCome = state.windows.filter((window) => window.next === undefined).length * TOKEN_BYTES;
    const bySize = Math.floor((this.maxStateBytes - JSON.stringify(state).length - tokensToCome) / WINDOW_BYTES);
    return Math.max(0, Math.min(this.width(state) - state.windows.length, bySize));
  }
}
