// The drift check of a full run: records whose row differs from the base it replaces although Lever did not report
// them changed since the last run, i.e. changes its `updated_at_start` filter cannot see (pure).
import { safeCell } from '../sheet/cells';
import type { StagedRow } from './rows';

/** A cell as the base sheet stores it (escaped, truncated), so a fetched value and its read-back compare equal. */
function stored(cell: unknown): string {
  return String(safeCell(cell));
}

/** Whether two staged rows are stored alike in a sheet (a fresh row and its read-back compare equal). */
export function sameStoredRow(a: StagedRow, b: StagedRow): boolean {
  if (a.length !== b.length) return false;
  return a.every((cell, index) => stored(cell) === stored(b[index]));
}

/**
 * Counts the records of the full result that are new or differ from the base without being in `reported` (the IDs
 * Lever's changes query returns since the base). Records only in the base are deletions or reported changes.
 */
export function countDrift(
  base: readonly StagedRow[],
  full: readonly StagedRow[],
  reported: ReadonlySet<string>,
): number {
  const byId = new Map(base.map((row) => [String(row[0]), row]));
  let drift = 0;
  for (const row of full) {
    const id = String(row[0]);
    const before = byId.get(id);
    if (reported.has(id) || (before && sameStoredRow(before, row))) continue;
    drift++;
  }
  return drift;
}
