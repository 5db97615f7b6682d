// LeverAccess (what the import engine uses) assembled from one client: windowed source, lookups, previews.
import { AppError } from '../errors';
import type { Clock } from '../ports/clock';
import type { LeverClient } from './client';
import { changedSince, deletedSince } from './deleted';
import { hiredReasonIds, matchesArchiveReason, resolveHiresOnly } from './hires-query';
import type { LookupCache } from './lookup-cache';
import { LookupPrefetch } from './lookup-prefetch';
import { fetchLookups } from './lookups';
import type {
  FetchState,
  LeverAccess,
  LeverRecord,
  ListQuery,
  LookupName,
  LookupResult,
  LookupScope,
  LookupTables,
  RecordSource,
} from './source';
import { normalizeQuery, WindowedRecordSource, type WindowedSourceOptions } from './windowed-source';
import { initialWindow, windowParams } from './windows';

export interface LeverAccessOptions extends WindowedSourceOptions {
  client: LeverClient;
  clock: Clock;
  /** Whether the key may read confidential data (postings are then listed with confidentiality=all). */
  confidentialAccess: boolean;
  /** Deadline for calls that take none (lookups, previews): the execution's work budget. */
  deadline: () => number;
  /** Lookup tables kept between runs; without it every run fetches them. */
  lookupCache?: LookupCache;
}

function outOfTime(): AppError {
  return new AppError('TIME_BUDGET', { reason: 'access' });
}

/** The query's local status filter (ListQuery.statusIn) over a page of records; all of them when it has none. */
function keepMatching(
  query: Pick<ListQuery, 'statusIn' | 'archiveReasonIn'> | undefined,
  records: LeverRecord[],
): LeverRecord[] {
  const wanted = query?.statusIn;
  const byReason = records.filter((record) => matchesArchiveReason(query, record));
  if (!wanted) return byReason;
  return byReason.filter((record) => typeof record.status === 'string' && wanted.includes(record.status));
}

/** A source whose sink only receives the records that pass the query's local filter. */
function locallyFiltered(source: RecordSource, resolve: (query: ListQuery) => ListQuery): RecordSource {
  return {
    start: (query) => source.start(resolve(query)),
    next: (state, deadline, sink, enough) => {
      const query = (state as FetchState & { query?: ListQuery }).query;
      return source.next(state, deadline, (records) => sink(keepMatching(query, records)), enough);
    },
  };
}

/** A source that calls `found` once, the first time a confidential record reaches the sink. */
export function noticingConfidential(source: RecordSource, found: () => void): RecordSource {
  let noticed = false;
  return {
    start: (query) => source.start(query),
    next: (state, deadline, sink, enough) =>
      source.next(
        state,
        deadline,
        (records) => {
          if (!noticed && records.some((record) => record.confidentiality === 'confidential')) {
            noticed = true;
            found();
          }
          sink(records);
        },
        enough,
      ),
  };
}

/** The first `limit` records of a query, and whether more exist. */
function firstPage(options: LeverAccessOptions, query: ListQuery, limit: number) {
  const normalized = normalizeQuery(resolved(options, query));
  const window = initialWindow(normalized.createdFrom, normalized.createdTo);
  const pageSize = Math.max(1, Math.min(100, Math.floor(limit)));
  const outcome = options.client.getPage(
    { path: `/${normalized.object}`, params: { ...normalized.params, ...windowParams(window), limit: pageSize } },
    options.deadline(),
  );
  if (outcome.kind === 'failed') throw outcome.error;
  if (outcome.kind === 'deferred') throw outOfTime();
  return { records: keepMatching(normalized, outcome.page.data as LeverRecord[]), hasMore: outcome.page.hasNext };
}

/** The query with "Hires only" turned into Lever's archive reason filter (one request, only when asked). */
function resolved(options: LeverAccessOptions, query: ListQuery): ListQuery {
  return resolveHiresOnly(query, () => hiredReasonIds(options.client, options.deadline()));
}

/** Lookups from the cache first, then those fetched alongside the records, then the rest; fresh ones cached. */
function lookupsFor(options: LeverAccessOptions, prefetch: LookupPrefetch) {
  let cached: Partial<LookupTables> = {};
  const cache = options.lookupCache;
  return {
    prefetch(needed: readonly LookupName[]): void {
      cached = { ...cached, ...cache?.load(needed.filter((name) => !cached[name])) };
      prefetch.want(needed.filter((name) => !cached[name]));
    },
    lookups(needed: readonly LookupName[], scope?: LookupScope): LookupResult {
      cached = { ...cached, ...cache?.load(needed.filter((name) => !cached[name])) };
      return fetchLookups(options.client, needed, {
        confidentialAccess: options.confidentialAccess,
        deadline: options.deadline(),
        ready: { ...prefetch.complete(), ...cached },
        now: options.clock.now(),
        offersFor: scope?.offersFor,
        fetched: (tables) => cache?.save({ ...prefetch.complete(), ...tables }),
      });
    },
  };
}

export function createLeverAccess(options: LeverAccessOptions): LeverAccess {
  const prefetch = new LookupPrefetch(options.confidentialAccess);
  const lookups = lookupsFor(options, prefetch);
  return {
    environment: options.client.environment,
    source: locallyFiltered(
      new WindowedRecordSource(options.client, options.clock, { ...options, companion: prefetch }),
      (query) => resolved(options, query),
    ),
    prefetchLookups: (needed) => lookups.prefetch(needed),
    lookups: (needed, scope) => lookups.lookups(needed, scope),
    firstPage: (query, limit) => firstPage(options, query, limit),
    deletedSince: (since, confidential) => deletedSince(options.client, since, confidential, options.deadline()),
    changedSince: (query) => changedSince(options.client, query, options.deadline()),
  };
}
