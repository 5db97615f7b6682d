// Lookups for a result, offers included: offers are fetched only for the rows that can have one (Offer stage or
// hired), which needs the archive reason types first, so they come in a second step.
import { emptyLookups } from '../lever/lookups';
import type { LeverAccess, LookupResult } from '../lever/source';
import type { ColumnSpec } from './column-values';
import { lookupsNeeded } from './columns';
import { offerOpportunity } from './columns-offers';
import { requisitionScope } from './requisition-scope';
import { STAGED_KEY_COLUMNS, type StagedRow } from './rows';

/** The opportunities whose offers the rows need: read from the first offer column's staged values. */
export function offerCandidates(
  specs: readonly ColumnSpec[],
  rows: readonly StagedRow[],
  archiveReasonTypes: Record<string, string>,
): string[] {
  const index = specs.findIndex((spec) => spec.needs?.includes('offers'));
  if (index < 0) return [];
  const ids = rows.map((row) => offerOpportunity(row[STAGED_KEY_COLUMNS + index] ?? '', archiveReasonTypes));
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

/** Every table the specs need for these rows; none fetched when nothing needs one. */
export function lookupsForRows(
  lever: LeverAccess,
  specs: readonly ColumnSpec[],
  rows: readonly StagedRow[],
): LookupResult {
  const needed = lookupsNeeded(specs);
  if (needed.length === 0 || rows.length === 0) return emptyLookups();
  const first = lever.lookups(
    needed.filter((name) => name !== 'offers'),
    requisitionScope(specs, rows),
  );
  if (!needed.includes('offers')) return first;
  const offersFor = offerCandidates(specs, rows, first.archiveReasonTypes);
  if (offersFor.length === 0) return first;
  const second = lever.lookups(['offers'], { offersFor });
  return { ...first, offers: second.offers, notes: [...(first.notes ?? []), ...(second.notes ?? [])] };
}
