// Fetching: pages go to the staging sheet as they arrive, and the checkpoint follows each staging write.
import type { LeverRecord } from '../lever/source';
import { appendStaged } from '../sheet/staging';
import { saveCheckpoint } from './checkpoint';
import { type StagedRow, stageRecord } from './rows';
import type { Slice } from './slice';

/** Each `next` call gets at most this long, so progress (and the checkpoint) moves every few seconds. */
export const CHUNK_MS = 20_000;
/** Rows buffered before a staging write: large writes, but bounded memory and request size. */
export const FLUSH_ROWS = 5_000;

class StagingBuffer {
  private pending: StagedRow[] = [];

  constructor(
    private readonly slice: Slice,
    public written: number,
  ) {}

  add(records: readonly LeverRecord[]): void {
    const context = { environment: this.slice.definition.environment };
    for (const record of records) this.pending.push(stageRecord(record, this.slice.plan.specs, context));
    if (this.pending.length >= FLUSH_ROWS) this.flush();
  }

  /** Rows written here but not yet covered by a checkpoint are harmless: a resume overwrites them. */
  flush(): void {
    const { deps, staging } = this.slice;
    appendStaged(deps.workbook, staging, this.written, this.pending);
    this.written += this.pending.length;
    this.pending = [];
  }
}

/** Fetches until every page is staged or the budget's deadline; `onProgress` runs after each checkpoint. */
export function fetchUntilDeadline(slice: Slice, onProgress: () => void): void {
  const { deps } = slice;
  const buffer = new StagingBuffer(slice, slice.checkpoint.rowsStaged);
  while (slice.checkpoint.fetchState && !slice.checkpoint.fetchDone && deps.now() < deps.budget.deadline) {
    const chunkDeadline = Math.min(deps.budget.deadline, deps.now() + CHUNK_MS);
    const progress = slice.lever.source.next(slice.checkpoint.fetchState, chunkDeadline, (records) =>
      buffer.add(records),
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
