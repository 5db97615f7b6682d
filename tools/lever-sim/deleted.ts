// `GET /opportunities/deleted`: opportunities deleted from the account, with `deletedAt` and `deletedBy`, filtered by
// `deleted_at_start`/`deleted_at_end` (inclusive) and by confidentiality as the opportunity list is.

import { confidentialityFilter, present, rangeFilter } from './filter-kit';
import { type ListPage, positionalSource, readPage } from './pagination';
import type { QueryParams } from './params';
import type { LeverReadings } from './readings';
import type { DeletedOpportunity, LeverDataset } from './types';

export interface DeletedRequest {
  params: QueryParams;
  canSeeConfidential: boolean;
  readings: Pick<LeverReadings, 'confidentialDenial'>;
}

/**
 * Oldest deletion first (ties by id): deletions only ever join at the end, so positional tokens stay exact while
 * records are deleted between pages. Reads `dataset.deletedOpportunities` live (it is small).
 */
export function deletedPage(dataset: LeverDataset, request: DeletedRequest): ListPage<unknown> {
  const { params, canSeeConfidential, readings } = request;
  const predicates = present([
    confidentialityFilter<DeletedOpportunity>(
      params,
      canSeeConfidential,
      (record) => record.confidentiality,
      readings.confidentialDenial,
    ),
    rangeFilter<DeletedOpportunity>(params, 'deleted_at', (record) => record.deletedAt),
  ]);
  const items = [...(dataset.deletedOpportunities ?? [])].sort(
    (a, b) => a.deletedAt - b.deletedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const accept = (record: DeletedOpportunity) => predicates.every((predicate) => predicate(record));
  return readPage(positionalSource(items), params, 'opportunities/deleted', accept);
}
