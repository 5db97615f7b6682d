// Lever's `GET /opportunities/deleted`: the IDs of opportunities deleted since an instant, for changes-only runs.
import { AppError } from '../errors';
import type { LeverClient } from './client';
import { pageAll } from './paginate';

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
  const ids = new Set<string>();
  const params = { deleted_at_start: since, limit: 100, confidentiality: confidential ? 'all' : undefined };
  const onRecords = (records: unknown[]) => {
    for (const record of records) ids.add(String((record as { id?: unknown }).id));
  };
  const [result] = pageAll(client, [{ request: { path: '/opportunities/deleted', params }, onRecords }], deadline);
  if (result.kind === 'done') return ids;
  if (result.kind === 'failed' && result.status === 403) return null;
  if (result.kind === 'failed') throw result.error;
  throw new AppError('TIME_BUDGET', { reason: 'access' });
}
