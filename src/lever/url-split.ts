// Lever queries whose URL would pass UrlFetch's 2 KB limit, split into several whose union is exactly the same result.
import { AppError } from '../errors';
import { fingerprintQuery } from './fingerprint';
import { buildQueryString } from './query';
import type { FetchProgress, FetchState, LeverQueryParams, LeverRecord, ListQuery, RecordSource } from './source';

/** Longest URL sent: under Google's 2 KB (2,048 in its quota table, 2,082 in UrlFetchApp.fetch's reference). */
export const MAX_URL_CHARS = 2000;
/** What each page request adds to a query: created_at bounds, limit and an offset token (Lever's are ~100 chars). */
export const PAGE_PARAMS_CHARS = 400;

/**
 * Filters Lever reads as the union of their repeated values (lever-api.md §2.1). Across filters it is AND, so
 * (A1 ∪ A2) ∩ (B1 ∪ B2) = ∪ (Ai ∩ Bj): one query per combination of parts is exact, whatever the list order.
 */
const UNION_KEYS = new Set([
  'tag',
  'stage_id',
  'posting_id',
  'archived_posting_id',
  'archive_reason_id',
  'origin',
  'source',
  'contact_id',
  'location',
]);

/** Characters left for the query string of `path` once the base, the path and the page parameters are counted. */
export function queryRoom(baseUrl: string, path: string): number {
  return MAX_URL_CHARS - `${baseUrl}${path}?`.length - PAGE_PARAMS_CHARS;
}

/** `key=value&` as sent, percent-encoded. */
function pairLength(key: string, value: string | number): number {
  return encodeURIComponent(key).length + encodeURIComponent(String(value)).length + 2;
}

function listLength(key: string, values: ReadonlyArray<string | number>): number {
  return values.reduce<number>((sum, value) => sum + pairLength(key, value), 0);
}

/** Room per list, shared out so that short lists stay whole and long ones get equal shares (fewest parts). */
function shareRoom(lengths: Array<[string, number]>, room: number): Map<string, number> {
  const sorted = [...lengths].sort((a, b) => a[1] - b[1]);
  const shares = new Map<string, number>();
  let left = room;
  sorted.forEach(([key, length], index) => {
    const share = Math.min(length, Math.floor(left / (sorted.length - index)));
    shares.set(key, share);
    left -= share;
  });
  return shares;
}

/** Consecutive runs of `values` whose pairs fit in `room`; a single value too long for it is refused. */
function pack(key: string, values: ReadonlyArray<string | number>, room: number): Array<Array<string | number>> {
  const chunks: Array<Array<string | number>> = [];
  let [current, used] = [[] as Array<string | number>, 0];
  for (const value of values) {
    const length = pairLength(key, value);
    if (length > room) throw new AppError('BAD_INPUT', { reason: 'filterValueTooLong', filter: key });
    if (used + length > room) [current, used] = [[], 0];
    if (current.length === 0) chunks.push(current);
    current.push(value);
    used += length;
  }
  return chunks;
}

/** The parameters as one or more sets, each short enough for `room`, whose results' union is the original's. */
export function splitParams(params: LeverQueryParams, room: number): LeverQueryParams[] {
  if (buildQueryString(params).length <= room) return [params];
  const lists = Object.entries(params).filter(
    (entry): entry is [string, Array<string | number>] => UNION_KEYS.has(entry[0]) && Array.isArray(entry[1]),
  );
  const fixed = Object.fromEntries(Object.entries(params).filter(([key]) => !lists.some(([name]) => name === key)));
  const shares = shareRoom(
    lists.map(([key, values]) => [key, listLength(key, values)]),
    room - buildQueryString(fixed).length - 1,
  );
  let parts: LeverQueryParams[] = [params];
  for (const [key, values] of lists) {
    const chunks = pack(key, values, shares.get(key) ?? 0);
    parts = parts.flatMap((part) => chunks.map((chunk) => ({ ...part, [key]: chunk })));
  }
  return parts;
}

/**
 * The query as the queries actually sent: one when its URL fits, otherwise one per part of its long lists. Parts
 * carry no local filters (statusIn, archiveReasonIn): those stay on the whole query, applied by the caller.
 */
export function splitQuery(query: ListQuery, room: number): ListQuery[] {
  const parts = splitParams(query.params, room);
  if (parts.length === 1) return [query];
  const { statusIn: _status, archiveReasonIn: _reasons, ...rest } = query;
  return parts.map((params) => ({ ...rest, params }));
}

interface SplitFetchState extends FetchState {
  kind: 'split';
  /** The whole query: the local filters read it, and the parts are derived from it again. */
  query: ListQuery;
  part: number;
  parts: number;
  /** The current part's own state. */
  inner: FetchState;
}

const SPLIT_STATE_VERSION = 1;

function isSplitState(state: FetchState): state is SplitFetchState {
  return (state as Partial<SplitFetchState>).kind === 'split';
}

type Counts = Pick<FetchProgress, 'requests' | 'pages' | 'records'>;

function added(counts: Counts, progress: FetchProgress): Counts {
  return {
    requests: counts.requests + progress.requests,
    pages: counts.pages + progress.pages,
    records: counts.records + progress.records,
  };
}

/**
 * A source whose queries never pass the URL limit: a long one is read as its parts, one after the other, each by
 * `source` (records a part shares with another come twice; the engine de-duplicates by ID). `room` gives the
 * characters a query string may take for an object's list.
 */
export function splittingLongQueries(source: RecordSource, room: (query: ListQuery) => number): RecordSource {
  const partsOf = (query: ListQuery) => splitQuery(query, room(query));
  return {
    start(query) {
      const parts = partsOf(query);
      if (parts.length === 1) return source.start(query);
      const state: SplitFetchState = {
        version: SPLIT_STATE_VERSION,
        fingerprint: fingerprintQuery(query),
        kind: 'split',
        query,
        part: 0,
        parts: parts.length,
        inner: source.start(parts[0]),
      };
      return state;
    },
    next(saved, deadline, sink, enough) {
      if (!isSplitState(saved)) return source.next(saved, deadline, sink, enough);
      return nextOfParts(source, partsOf(saved.query), saved, { deadline, sink, enough });
    },
  };
}

function nextOfParts(
  source: RecordSource,
  parts: ListQuery[],
  saved: SplitFetchState,
  call: { deadline: number; sink: (records: LeverRecord[]) => void; enough?: () => boolean },
): FetchProgress {
  if (parts.length !== saved.parts) throw new AppError('INTERNAL', { reason: 'unreadableProgress' });
  const state: SplitFetchState = { ...saved };
  let counts: Counts = { requests: 0, pages: 0, records: 0 };
  for (;;) {
    const progress = source.next(state.inner, call.deadline, call.sink, call.enough);
    counts = added(counts, progress);
    state.inner = progress.state;
    const last = state.part + 1 >= state.parts;
    if (!progress.done || last) return { state, done: progress.done && last, ...counts };
    state.part += 1;
    state.inner = source.start(parts[state.part]);
    if (call.enough?.()) return { state, done: false, ...counts };
  }
}
