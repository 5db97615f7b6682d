// LeverAccess (what the import engine uses) assembled from one client: windowed source, lookups, previews.
import { AppError } from '../errors';
import type { Clock } from '../gas/clock';
import type { LeverClient } from './client';
import { LookupPrefetch } from './lookup-prefetch';
import { fetchLookups } from './lookups';
import type { LeverAccess, LeverRecord, ListQuery } from './source';
import { normalizeQuery, WindowedRecordSource, type WindowedSourceOptions } from './windowed-source';
import { initialWindow, windowParams } from './windows';

export interface LeverAccessOptions extends WindowedSourceOptions {
  client: LeverClient;
  clock: Clock;
  /** Whether the key may read confidential data (postings are then listed with confidentiality=all). */
  confidentialAccess: boolean;
  /** Deadline for calls that take none (lookups, previews): the execution's work budget. */
  deadline: () => number;
}

function outOfTime(): AppError {
  return new AppError('TIME_BUDGET', 'Lever was too slow to answer in time. Try again in a minute.');
}

/** The newest `limit` records of a query (Lever lists newest first), and whether more exist. */
function firstPage(options: LeverAccessOptions, query: ListQuery, limit: number) {
  const normalized = normalizeQuery(query);
  const window = initialWindow(normalized.createdFrom, normalized.createdTo);
  const pageSize = Math.max(1, Math.min(100, Math.floor(limit)));
  const outcome = options.client.getPage(
    { path: `/${normalized.object}`, params: { ...normalized.params, ...windowParams(window), limit: pageSize } },
    options.deadline(),
  );
  if (outcome.kind === 'failed') throw outcome.error;
  if (outcome.kind === 'deferred') throw outOfTime();
  return { records: outcome.page.data as LeverRecord[], hasMore: outcome.page.hasNext };
}

export function createLeverAccess(options: LeverAccessOptions): LeverAccess {
  const prefetch = new LookupPrefetch(options.confidentialAccess);
  return {
    environment: options.client.environment,
    source: new WindowedRecordSource(options.client, options.clock, { ...options, companion: prefetch }),
    prefetchLookups: (needed) => prefetch.want(needed),
    lookups: (needed) =>
      fetchLookups(options.client, needed, {
        confidentialAccess: options.confidentialAccess,
        deadline: options.deadline(),
        ready: prefetch.complete(),
      }),
    firstPage: (query, limit) => firstPage(options, query, limit),
  };
}
