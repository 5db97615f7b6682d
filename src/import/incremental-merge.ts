// A changes-only run's result: the previous result with changed records replaced, and records that stopped
// matching or were deleted in Lever removed, merged by Lever ID (pure).
import type { LeverRecord } from '../lever/source';
import { dedupeAndSort, type StagedRow } from './rows';

/**
 * Stands in the sort-key cell of a staged row for a changed record that no longer matches the filters: the row
 * removes that ID from the result. Text, so it survives a staging write and read-back unchanged.
 */
export const REMOVED_MARK = 'removed';

export function removalRow(record: LeverRecord): StagedRow {
  return [String(record.id), REMOVED_MARK];
}

export function isRemovalRow(row: StagedRow): boolean {
  return row[1] === REMOVED_MARK;
}

/**
 * `changes` in fetch order (for a repeated ID the last read wins, as in a full run); `deletedIds` from Lever's
 * deleted list. Returns the de-duplicated, sorted result.
 */
export function mergeChanges(
  base: readonly StagedRow[],
  changes: readonly StagedRow[],
  deletedIds: ReadonlySet<string>,
): StagedRow[] {
  const latest = new Map<string, StagedRow>();
  for (const row of changes) latest.set(String(row[0]), row);
  const kept = base.filter((row) => !latest.has(String(row[0])) && !deletedIds.has(String(row[0])));
  const fresh = [...latest.values()].filter((row) => !isRemovalRow(row) && !deletedIds.has(String(row[0])));
  return dedupeAndSort(kept.concat(fresh));
}
