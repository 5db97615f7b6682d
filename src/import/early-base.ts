// The base a run's commit reads, read instead while its fetch waits for Lever's tokens: time slept anyway.
import { type IncrementalBase, loadIncrementalBase } from '../store/incremental-base';
import { readBaseRows } from './incremental-base-sheet';
import type { StagedRow } from './rows';
import type { Slice } from './slice';

/**
 * Bases up to this many rows only: the fetch of an import that size ends in the same execution, so the rows read
 * early are the commit's (a longer fetch would read them again in its last execution).
 */
const EARLY_MAX_ROWS = 100_000;

/**
 * The base asked for early, by the slice it was asked for (the commit of the same execution asks with it), and its
 * rows once read. Closed once the commit has asked: a wait after that (the commit's own requests) reads nothing.
 */
const early = new WeakMap<Slice, { record: string; rows?: StagedRow[]; closed?: true }>();

/**
 * Asks Lever's client to read the base the commit will read (a changes-only run's, or the base a full run of the
 * same definition checks for drift) at its first wait for tokens, when the read, at `costMs`, ends before the
 * fetch's deadline. Nothing when no wait comes: the commit reads it then, as before.
 */
export function readBaseWhileWaiting(slice: Slice, costMs: (cells: number) => number): void {
  if (slice.checkpoint.fetchDone || !slice.lever.whileWaiting) return;
  const base = loadIncrementalBase(slice.deps.store, slice.definition.id);
  if (!base || base.rows > EARLY_MAX_ROWS) return;
  if (slice.checkpoint.kind !== 'changes' && base.fingerprint !== slice.plan.fingerprint) return;
  const cost = costMs(base.rows * base.width);
  const entry: { record: string; rows?: StagedRow[]; closed?: true } = { record: JSON.stringify(base) };
  early.set(slice, entry);
  slice.lever.whileWaiting(() => {
    if (entry.closed || slice.deps.now() + cost > slice.deps.budget.deadline) return;
    try {
      entry.rows = readBaseRows(slice.deps.workbook, base) ?? undefined;
    } catch (_error) {
      // The commit reads it, and says what went wrong.
    }
  });
}

/** The base's rows: those read early when the base is still the one read, otherwise read now. */
export function baseRowsFor(slice: Slice, base: IncrementalBase): StagedRow[] | null {
  const entry = early.get(slice);
  if (entry) entry.closed = true;
  if (entry?.rows && entry.record === JSON.stringify(base)) return entry.rows;
  return readBaseRows(slice.deps.workbook, base);
}
