// The base a run's commit reads, read instead while its fetch waits for Lever's tokens: time slept anyway.
import { type IncrementalBase, loadIncrementalBase } from '../store/incremental-base';
import { readBaseRows } from './incremental-base-sheet';
import type { StagedRow } from './rows';
import type { Slice } from './slice';

/**
 * Records a fetch reads a second at the least (Lever's 10 requests a second, 8 at 2.5 s of latency, 100 records
 * each): what tells whether a fetch of the base's size ends in this execution.
 */
const RECORDS_PER_SECOND = 800;

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
  if (!base) return;
  if (slice.checkpoint.kind !== 'changes' && base.fingerprint !== slice.plan.fingerprint) return;
  const cost = costMs(base.rows * base.width);
  // Only when the fetch and the read both end in this execution: the rows read early are then the commit's (a
  // fetch spilling over would read them again in its last execution, and here for nothing).
  const fetchMs = (base.rows / RECORDS_PER_SECOND) * 1000;
  if (slice.deps.now() + fetchMs + cost > slice.deps.budget.deadline) return;
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
