// LeverAccess (what the import engine uses) assembled from one client: windowed source, lookups, previews.
import { AppError } from '../errors';
import type { Clock } from '../ports/clock';
import { ChangedPrefetch } from './changed-prefetch';
import type { LeverClient } from './client';
import { deletedSince } from './deleted';
import { DeletedPrefetch, RoundCompanions } from './deleted-prefetch';
import { hiredIn, hiredReasonIds, matchesArchiveReason, resolveHiresOnly } from './hires-query';
import type { LookupCache } from './lookup-cache';
import { LookupPrefetch } from './lookup-prefetch';
import { fetchLookups } from './lookups';
import type {
  ChangedQuery,
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
import { queryRoom, splitQuery, splittingLongQueries } from './url-split';
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

/** A source whose records `tap` sees on their way to the sink. */
function tapping(source: RecordSource, tap: (records: LeverRecord[]) => void): RecordSource {
  return {
    start: (query) => source.start(query),
    next: (state, deadline, sink, enough) =>
      source.next(
        state,
        deadline,
        (records) => {
          tap(records);
          sink(records);
        },
        enough,
      ),
  };
}

/** A source that calls `found` once, the first time a confidential record reaches the sink. */
export function noticingConfidential(source: RecordSource, found: () => void): RecordSource {
  let noticed = false;
  return tapping(source, (records) => {
    if (!noticed && records.some((record) => record.confidentiality === 'confidential')) {
      noticed = true;
      found();
    }
  });
}

/** A source whose records the drift check's list sees as they arrive (ChangedPrefetch.note). */
function noting(source: RecordSource, changed: ChangedPrefetch): RecordSource {
  return tapping(source, (records) => changed.note(records));
}

/** Characters the query string of a list of `query.object` may take in this client's URLs. */
function roomFor(client: LeverClient): (query: ListQuery) => number {
  return (query) => queryRoom(client.baseUrl, `/${query.object}`);
}

/**
 * The first `limit` records of a query, and whether more exist. A query split for its URL's length asks each part
 * (up to a batch) for a page and shows the newest of them.
 */
function firstPage(options: LeverAccessOptions, query: ListQuery, limit: number, hired: () => string[]) {
  const normalized = normalizeQuery(resolveHiresOnly(query, hired));
  const parts = splitQuery(normalized, roomFor(options.client)(normalized));
  const window = initialWindow(normalized.createdFrom, normalized.createdTo);
  const pageSize = Math.max(1, Math.min(100, Math.floor(limit)));
  const asked = parts.slice(0, options.client.maxBatch);
  const outcomes = options.client.getPages(
    asked.map((part) => ({
      path: `/${part.object}`,
      params: { ...part.params, ...windowParams(window), limit: pageSize },
    })),
    options.deadline(),
  );
  const pages = outcomes.map((outcome) => {
    if (outcome.kind === 'failed') throw outcome.error;
    if (outcome.kind === 'deferred') throw outOfTime();
    return outcome.page;
  });
  if (pages.length === 1)
    return { records: keepMatching(normalized, pages[0].data as LeverRecord[]), hasMore: pages[0].hasNext };
  const records = newestDistinct(
    keepMatching(
      normalized,
      pages.flatMap((page) => page.data as LeverRecord[]),
    ),
  );
  const hasMore = records.length > pageSize || asked.length < parts.length || pages.some((page) => page.hasNext);
  return { records: records.slice(0, pageSize), hasMore };
}

/** Records once each by ID, newest first. */
function newestDistinct(records: LeverRecord[]): LeverRecord[] {
  const byId = new Map(records.map((record) => [record.id, record]));
  return [...byId.values()].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
}

/**
 * Lever's hired reasons for "Hires only", read from the archive reason tables the commit needs anyway (one
 * /archive_reasons a run, kept for the commit); asked with Lever's own filter when the key may not list them all.
 */
function hiredReasons(options: LeverAccessOptions, lookups: ReturnType<typeof lookupsFor>): string[] {
  const hired = hiredIn(lookups.lookups(['archiveReasonTypes', 'archiveReasons']).archiveReasonTypes);
  return hired.length > 0 ? hired : hiredReasonIds(options.client, options.deadline());
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
        hireStartsFor: scope?.hireStartsFor,
        activeOffersFor: scope?.activeOffersFor,
        fetched: (tables) => {
          // Kept for the rest of the execution too (a run without a cache asks each endpoint once).
          cached = { ...cached, ...tables };
          cache?.save({ ...prefetch.complete(), ...tables });
        },
      });
    },
  };
}

/**
 * IDs Lever's `updated_at_start` filter returns for `since` within the createdAt bounds (the drift check of a full
 * run), paged in parallel createdAt windows like the records (a few hundred changes cost one round, not one per
 * page); null when the key may not list them (403).
 */
function windowedChangedSince(options: LeverAccessOptions, query: ChangedQuery): Set<string> | null {
  const source = new WindowedRecordSource(options.client, options.clock, { maxParallel: options.maxParallel });
  const params = { updated_at_start: query.since, ...(query.confidential ? { confidentiality: 'all' } : {}) };
  const listed: ListQuery = {
    object: 'opportunities',
    params,
    createdFrom: query.createdFrom,
    createdTo: query.createdTo,
  };
  const ids = new Set<string>();
  try {
    const progress = source.next(source.start(listed), options.deadline(), (records) => {
      for (const record of records) ids.add(String(record.id));
    });
    if (!progress.done) throw outOfTime();
    return ids;
  } catch (error) {
    if (error instanceof AppError && error.code === 'LEVER_FORBIDDEN') return null;
    throw error;
  }
}

export function createLeverAccess(options: LeverAccessOptions): LeverAccess {
  const prefetch = new LookupPrefetch(options.confidentialAccess);
  const deleted = new DeletedPrefetch();
  const changed = new ChangedPrefetch(() => options.clock.now());
  // The deleted list (changes-only runs) or the drift check's list (full runs) first: each is one query the run
  // needs for certain, and the sooner its first page goes, the fewer pages are left for the end.
  const companion = new RoundCompanions([deleted, changed, prefetch]);
  const lookups = lookupsFor(options, prefetch);
  const hired = () => hiredReasons(options, lookups);
  return {
    environment: options.client.environment,
    source: locallyFiltered(
      splittingLongQueries(
        noting(new WindowedRecordSource(options.client, options.clock, { ...options, companion }), changed),
        roomFor(options.client),
      ),
      (query) => resolveHiresOnly(query, hired),
    ),
    prefetchLookups: (needed) => lookups.prefetch(needed),
    lookups: (needed, scope) => lookups.lookups(needed, scope),
    firstPage: (query, limit) => firstPage(options, query, limit, hired),
    prefetchDeleted: (since, confidential) => deleted.want(since, confidential),
    deletedSince: (since, confidential) => {
      const prefetched = deleted.answerFor(since, confidential);
      return prefetched ? prefetched.ids : deletedSince(options.client, since, confidential, options.deadline());
    },
    prefetchChanged: (query) => changed.want(query),
    whileWaiting: (task) => options.client.whileWaiting(task),
    prefetchedChanged: (query) => changed.answerFor(query),
    changedSince: (query) => windowedChangedSince(options, query),
  };
}
