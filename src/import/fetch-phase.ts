// Fetching: pages go to the staging sheet as they arrive, and the checkpoint follows each staging write.
import type { LeverRecord } from '../lever/source';
import { appendStaged } from '../sheet/staging';
import { saveCheckpoint } from './checkpoint';
import { type StagedRow, stageRecord } from './rows';
import type { Slice } from './slice';

/**
 * Each `next` call gets at most this long, so the checkpoint (and the progress the sidebar shows) moves at least
 * this often even when records arrive slowly.
 */
export const CHUNK_MS = 20_000;
/**
 * Rows held before a staging write: each `next` call stops once this many are waiting, then they are written in
 * one go and the checkpoint saved. Few, large writes; memory bounded by this many rows.
 */
export const FLUSH_ROWS = 10_000;
/** A source that ignores `enough` is still never allowed to hold more than this before a write. */
const MAX_HELD_ROWS = 2 * FLUSH_ROWS;

class StagingBuffer {
  private pending: StagedRow[] = [];

  constructor(
    private readonly slice: Slice,
    public written: number,
  ) {}

  get full(): boolean {
    return this.pending.length >= FLUSH_ROWS;
  }

  add(records: readonly LeverRecord[]): void {
    const context = { environment: this.slice.definition.environment };
    for (const record of records) this.pending.push(stageRecord(record, this.slice.plan.stagedSpecs, context));
    if (this.pending.length >= MAX_HELD_ROWS) this.flush();
  }

  /** Rows written here but not yet covered by a checkpoint are harmless: a resume overwrites them. */
  flush(): void {
    const { deps, staging } = this.slice;
    appendStaged(deps.workbook, staging, this.written, this.pending);
    this.written += this.pending.length;
    this.pending = [];
  }
}

/**
 * Fetches until every page is staged or the budget's deadline. Each round ends with one staging write and then
 * the checkpoint (in that order); `onProgress` runs after each checkpoint.
 */
export function fetchUntilDeadline(slice: Slice, onProgress: () => void): void {
  const { deps } = slice;
  const buffer = new StagingBuffer(slice, slice.checkpoint.rowsStaged);
  while (slice.checkpoint.fetchState && !slice.checkpoint.fetchDone && deps.now() < deps.budget.deadline) {
    const chunkDeadline = Math.min(deps.budget.deadline, deps.now() + CHUNK_MS);
    const progress = slice.lever.source.next(
      slice.checkpoint.fetchState,
      chunkDeadline,
      (records) => buffer.add(records),
      () => buffer.full,
    );
    buffer.flush();
    slice.checkpoint = {
      ...slice.checkpoint,
      fetchState: progress.done ? null : progress.state,
      fetchDone: progress.done,
      rowsStaged: buffer.written,
      pages: slice.checkpoint.pages + progress.pages,
      requests: slice.checkpoint.requests + progress.requests,
    };
    saveCheckpoint(deps.store, slice.checkpoint);
    onProgress();
    // A source that returns without trying (no time left for a request) must not spin here.
    if (!progress.done && progress.requests === 0) break;
  }
}
