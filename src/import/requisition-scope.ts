// Which requisitions of a result the per-record requisition tables are asked for: only those shown (pure).
import type { LookupScope, RequisitionOfferScope } from '../lever/source';
import type { ColumnSpec } from './column-values';
import { ACTIVE_OFFERS, NEXT_START_DATE, offerScopeOf } from './columns-requisition-hires';
import { STAGED_KEY_COLUMNS, type StagedRow } from './rows';

/** The staged values of one column over the rows, or none when the column is not staged. */
function stagedValues(specs: readonly ColumnSpec[], rows: readonly StagedRow[], key: string): string[] | null {
  const index = specs.findIndex((spec) => spec.key === key);
  if (index < 0) return null;
  return rows.map((row) => String(row[STAGED_KEY_COLUMNS + index] ?? '')).filter((value) => value !== '');
}

/** The scope of the requisition tables: the requisitions whose next start dates and active offers are shown. */
export function requisitionScope(specs: readonly ColumnSpec[], rows: readonly StagedRow[]): LookupScope {
  const offers = (stagedValues(specs, rows, ACTIVE_OFFERS) ?? []).map(offerScopeOf);
  return {
    hireStartsFor: stagedValues(specs, rows, NEXT_START_DATE) ?? [],
    activeOffersFor: offers.filter((scope): scope is RequisitionOfferScope => scope !== null),
  };
}
