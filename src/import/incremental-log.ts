// The base as an append log (pure): a changes-only run appends only the rows that changed and removal marks, the
// live base is each ID's last row, and a log grown too long (or too big) is rewritten compact.
import { sameStoredRow } from './incremental-drift';
import { isRemovalRow, REMOVED_MARK } from './incremental-merge';
import type { StagedRow } from './rows';

/**
 * Superseded rows and removal marks a log may carry, as a share of its live rows, before a changes-only run rewrites
 * it compact: reading them costs every refresh, rewriting costs one whole write (the daily full run compacts anyway).
 */
export const COMPACT_SHARE = 0.25;

/** The live rows of a log in the order of their IDs' first rows: each ID's last row, unless that is a removal mark. */
export function liveRows(log: readonly StagedRow[]): StagedRow[] {
  const latest = new Map<string, StagedRow>();
  for (const row of log) if (row[0] !== '') latest.set(String(row[0]), row);
  return [...latest.values()].filter((row) => !isRemovalRow(row));
}

/**
 * What a run appends to turn the live base `before` into `after`: the rows of `after` that are new or differ, then a
 * removal mark (padded to `width`) for each ID of `before` that `after` no longer has. Whatever took a record out
 * (a change, a deletion, a snooze that ended) is covered, since the two results are compared and not the fetch.
 */
export function logAppend(before: readonly StagedRow[], after: readonly StagedRow[], width: number): StagedRow[] {
  const previous = new Map(before.map((row) => [String(row[0]), row]));
  const changed = after.filter((row) => {
    const old = previous.get(String(row[0]));
    return !old || !sameStoredRow(old, row);
  });
  const present = new Set(after.map((row) => String(row[0])));
  const gone = [...previous.keys()].filter((id) => !present.has(id));
  return changed.concat(gone.map((id) => removalMark(id, width)));
}

function removalMark(id: string, width: number): StagedRow {
  const row: StagedRow = [id, REMOVED_MARK];
  while (row.length < width) row.push('');
  return row;
}

/** Whether a log of `logRows` rows holding `live` live ones carries more dead rows than it may. */
export function logTooLong(logRows: number, live: number): boolean {
  return logRows - live > live * COMPACT_SHARE;
}
