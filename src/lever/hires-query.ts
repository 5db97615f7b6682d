// "Hires only": Lever's hired archive reasons, fetched once, turned into the opportunity query's reason filter.
import { AppError } from '../errors';
import type { LeverClient } from './client';
import { pageAll } from './paginate';
import type { LeverRecord, ListQuery } from './source';

/** IDs of every archive reason of type `hired` (active or not: old hires keep their reason). */
export function hiredReasonIds(client: LeverClient, deadline: number): string[] {
  const ids: string[] = [];
  const [result] = pageAll(
    client,
    [
      {
        request: { path: '/archive_reasons', params: { type: 'hired', limit: 100 } },
        onRecords: (records) => {
          for (const record of records as Array<Record<string, unknown>>) {
            // `type=hired` is Lever's filter; the type is checked again in case it is ever ignored.
            if (typeof record?.id === 'string' && record.type === 'hired') ids.push(record.id);
          }
        },
      },
    ],
    deadline,
  );
  if (result.kind === 'failed') throw result.error;
  if (result.kind === 'deferred') throw new AppError('TIME_BUDGET', { reason: 'access' });
  return ids;
}

/** The hired reasons in an archive-reason type table (empty when the key could not read it). */
export function hiredIn(types: Readonly<Record<string, string>>): string[] {
  return Object.keys(types).filter((id) => types[id] === 'hired');
}

/** The query with `hiresOnly` resolved: Lever filters by the reasons, and the records are checked again locally. */
export function resolveHiresOnly(query: ListQuery, hiredIds: () => string[]): ListQuery {
  if (!query.hiresOnly || query.object !== 'opportunities') return query;
  const { hiresOnly: _resolved, ...rest } = query;
  const ids = hiredIds();
  const params = { ...rest.params };
  if (ids.length > 0) params.archive_reason_id = ids;
  else params.archived = true;
  return { ...rest, params, archiveReasonIn: ids };
}

/** Whether a record passes the query's local archive-reason filter (all pass when it has none). */
export function matchesArchiveReason(query: Pick<ListQuery, 'archiveReasonIn'> | undefined, record: LeverRecord) {
  const wanted = query?.archiveReasonIn;
  if (!wanted) return true;
  const archived = record.archived as { reason?: unknown } | null | undefined;
  const reason = archived && typeof archived === 'object' ? archived.reason : undefined;
  return typeof reason === 'string' && wanted.includes(reason);
}
