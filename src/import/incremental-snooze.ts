// Snoozes that run out change nothing Lever reports (no `updatedAt`, no filter sees it), so imports with a snoozed
// filter keep each row's snooze end and apply the filter locally at every commit; "snoozed excluded" imports also
// keep the snoozed records in the base, out of the sheet, until their snooze ends (pure).
import type { ListQuery } from '../lever/source';
import type { ImportDefinition } from '../shared/types';
import { type ColumnSpec, epochMs } from './column-values';
import { STAGED_KEY_COLUMNS, type StagedRow } from './rows';

/** Staged, never shown: when the record's snooze ends (empty when not snoozed). */
export const SNOOZE_END_SPEC: ColumnSpec = {
  key: 'snoozeEnds (incremental)',
  label: 'Snooze ends',
  type: 'date',
  inDefault: false,
  extract: (record) => epochMs(record.snoozedUntil),
};

/** The staged snooze end for opportunity imports whose result depends on who is snoozed. */
export function snoozeSpecs(definition: ImportDefinition): ColumnSpec[] {
  return definition.object === 'opportunities' && definition.filters.snoozed !== 'include' ? [SNOOZE_END_SPEC] : [];
}

/** "Snoozed excluded": the fetch reads snoozed records too, and the commit parks them (see `splitBySnooze`). */
export function parksSnoozed(query: ListQuery): boolean {
  return query.object === 'opportunities' && (query.params.snoozed === false || query.params.snoozed === 'false');
}

/** The query a fetch sends: without `snoozed=false` when the snoozed records are parked. */
export function withParked(query: ListQuery): ListQuery {
  if (!parksSnoozed(query)) return query;
  const params = { ...query.params };
  delete params.snoozed;
  return { ...query, params };
}

export interface SnoozeSplit {
  /** The rows the sheet shows: the import's snoozed filter applied at `now`. */
  shown: StagedRow[];
  /** The rows the next changes-only run merges into: shown plus the parked snoozed ones. */
  kept: StagedRow[];
}

/** Applies the snoozed filter to staged rows at `now`, from the staged snooze end. */
export function splitBySnooze(
  rows: StagedRow[],
  query: ListQuery,
  stagedSpecs: readonly ColumnSpec[],
  now: number,
): SnoozeSplit {
  const index = stagedSpecs.indexOf(SNOOZE_END_SPEC);
  const wanted = query.params.snoozed;
  if (index < 0 || wanted === undefined) return { shown: rows, kept: rows };
  const snoozed = (row: StagedRow) => {
    const end = row[STAGED_KEY_COLUMNS + index];
    return typeof end === 'number' && end > now;
  };
  if (parksSnoozed(query)) return { shown: rows.filter((row) => !snoozed(row)), kept: rows };
  const shown = rows.filter(snoozed);
  return { shown, kept: shown };
}
