// Lever's list of what was deleted since an instant, for changes-only runs: `GET /opportunities/deleted` (the IDs of
// deleted opportunities). The drift check's changed IDs ride the records rounds (changed-prefetch.ts).
import { AppError } from '../errors';
import type { LeverClient, PageRequest } from './client';
import { pageAll } from './paginate';
import type { QueryParams } from './query';

type Params = QueryParams;

const PAGE_SIZE = 100;

/** Every ID of a paged list; null on a 403. */
function idsOf(client: LeverClient, path: string, params: Params, deadline: number): Set<string> | null {
  const ids = new Set<string>();
  const onRecords = (records: unknown[]) => {
    for (const record of records) ids.add(String((record as { id?: unknown }).id));
  };
  const [result] = pageAll(
    client,
    [{ request: { path, params: { ...params, limit: PAGE_SIZE } }, onRecords }],
    deadline,
  );
  if (result.kind === 'done') return ids;
  if (result.kind === 'failed' && result.status === 403) return null;
  if (result.kind === 'failed') throw result.error;
  throw new AppError('TIME_BUDGET', { reason: 'access' });
}

/**
 * IDs deleted at or after `since`; null when the key may not read the list (403), so the caller falls back to
 * catching deletions at the next full run. `confidential` asks for confidential deletions too (the key reads them).
 */
export function deletedSince(
  client: LeverClient,
  since: number,
  confidential: boolean,
  deadline: number,
): Set<string> | null {
  const { path, params } = deletedRequest(since, confidential);
  return idsOf(client, path, params, deadline);
}

/** The first page's request of the deleted list (the page size `idsOf` uses too). */
export function deletedRequest(since: number, confidential: boolean): PageRequest {
  const params = { deleted_at_start: since, confidentiality: confidential ? 'all' : undefined, limit: PAGE_SIZE };
  return { path: '/opportunities/deleted', params };
}
