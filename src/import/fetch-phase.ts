// Fetching: records are staged in large batches with the checkpoint saved after each staging write; the last batch
// of a fetch that finishes here goes straight to the commit.

import type { FetchProgress, LeverRecord } from '../lever/source';
import type { SheetPort } from '../ports/sheet';
import { type Checkpoint, saveCheckpoint } from '../store/checkpoint';
import { checkProjectedCells } from './cell-projection';
import { recordStager } from './incremental';
import type { StagedRow } from './rows';
import type { Slice } from './slice';
import { appendStaged, createStaging } from './staging';

/**
 * Each `next` call gets at most this long, so the progress the sidebar shows moves at least this often even when
 * records arrive slowly (the checkpoint moves when rows are staged, see HOLD_MS).
 */
export const CHUNK_MS = 20_000;
/**
 * Rows held before a staging write: each `next` call stops once this many are waiting, then they are written in
 * one go and the checkpoint saved. Few, large writes (20,000 rows of ~20 cells is a few MB in V8); memory bounded
 * by this many rows.
 */
export const FLUSH_ROWS = 20_000;
/**
 * Rows fetched but not staged are lost if Google kills the execution early (the engine's own deadline stages them),
 * so they are staged at the end of a chunk once they span this long: at most about a minute of fetching is at risk,
 * and a run that finishes within it never makes a staging sheet.
 */
export const HOLD_MS = 60_000;
/** A source that ignores `enough` is still never allowed to hold more than this before a write. */
const MAX_HELD_ROWS = 2 * FLUSH_ROWS;

/** The staging sheet is made on the first write: a run that finishes within one batch never needs one. */
function stagingFor(slice: Slice): SheetPort {
  if (slice.staging) return slice.staging;
  const staging = createStaging(slice.deps.workbook, slice.definition.id, slice.plan.stagingHeader);
  slice.staging = staging;
  // Recorded before anything is written to it, so whichever execution comes next knows the sheet is there.
  slice.checkpoint = { ...slice.checkpoint, stagingSheetId: staging.sheetId };
  saveCheckpoint(slice.deps.store, slice.checkpoint);
  return staging;
}

/** Rows fetched since the last staging write. */
class StagingBuffer {
  held: StagedRow[] = [];
  private readonly stage: (record: LeverRecord) => StagedRow;
  /** Every row in the staging sheet, while this execution wrote them all: the commit then reads nothing back. */
  kept: StagedRow[] | null;

  constructor(
    private readonly slice: Slice,
    /** Rows in the staging sheet. */
    public written: number,
  ) {
    this.stage = recordStager(slice);
    this.kept = written === 0 ? [] : null;
  }

  get full(): boolean {
    return this.held.length >= FLUSH_ROWS;
  }

  add(records: readonly LeverRecord[]): void {
    for (const record of records) this.held.push(this.stage(record));
    if (this.held.length >= MAX_HELD_ROWS) this.write();
  }

  /** Rows written here but not yet covered by a checkpoint are harmless: a resume overwrites them. */
  write(): void {
    if (this.held.length === 0) return;
    const { deps, plan } = this.slice;
    checkProjectedCells(this.slice, this.written + this.held.length);
    appendStaged(deps.workbook, stagingFor(this.slice), plan.stagingHeader, this.written, this.held);
    this.written += this.held.length;
    if (this.kept) this.kept = this.kept.concat(this.held);
    this.held = [];
  }
}

/** Where the fetch stands at the end of this execution's fetching. */
export interface FetchResult {
  /** Every page is fetched: staged, or in `held`. */
  done: boolean;
  /** Rows of the last batch, fetched but not staged (the commit takes them as they are). */
  held: StagedRow[];
  /** The staged rows as written, when this execution staged them all (else the commit reads them back). */
  staged?: StagedRow[];
  /** The checkpoint that covers `held` as well: saved by `stage`, or the run's final counts after a commit. */
  checkpoint: Checkpoint;
  /** Writes `held` to the staging sheet, then saves `checkpoint` (when the commit has to wait). */
  stage(): void;
}

function advanced(checkpoint: Checkpoint, progress: FetchProgress, staged: number): Checkpoint {
  return {
    ...checkpoint,
    fetchState: progress.done ? null : progress.state,
    fetchDone: progress.done,
    rowsStaged: staged,
    pages: checkpoint.pages + progress.pages,
    requests: checkpoint.requests + progress.requests,
  };
}

function settled(slice: Slice): FetchResult {
  return { done: slice.checkpoint.fetchDone, held: [], checkpoint: slice.checkpoint, stage: () => undefined };
}

/**
 * Fetches until every page is fetched or the budget's deadline. Rows are held in memory and staged (then the
 * checkpoint saved, in that order) once FLUSH_ROWS are waiting or they span HOLD_MS, and when the execution stops
 * short of the end. The batch that completes the fetch is returned unstaged, so a commit in this execution takes it
 * directly, and a run that fetches everything in one execution within those bounds never makes a staging sheet. `onProgress` runs after
 * every chunk with the progress so far (held rows included); the saved checkpoint only ever covers staged rows.
 */
export function fetchUntilDeadline(slice: Slice, onProgress: (progress: Checkpoint) => void): FetchResult {
  const { deps } = slice;
  const buffer = new StagingBuffer(slice, slice.checkpoint.rowsStaged);
  let reached = slice.checkpoint;
  let stagedAt = deps.now();
  while (reached.fetchState && !reached.fetchDone && deps.now() < deps.budget.deadline) {
    const chunkDeadline = Math.min(deps.budget.deadline, deps.now() + CHUNK_MS);
    const progress = slice.lever.source.next(
      reached.fetchState,
      chunkDeadline,
      (records) => buffer.add(records),
      () => buffer.full,
    );
    reached = advanced(reached, progress, buffer.written + buffer.held.length);
    if (progress.done) return finished(slice, buffer, reached);
    if (buffer.full || deps.now() - stagedAt >= HOLD_MS) {
      reached = stageHeld(slice, buffer, reached);
      stagedAt = deps.now();
    }
    onProgress(reached);
    // A source that returns without trying (no time left for a request) must not spin here.
    if (progress.requests === 0) break;
  }
  // Stopping short of the end: the next execution resumes after the rows held here.
  stageHeld(slice, buffer, reached);
  return settled(slice);
}

/** Writes the held rows to staging, then saves the checkpoint that covers them (and returns it). */
function stageHeld(slice: Slice, buffer: StagingBuffer, reached: Checkpoint): Checkpoint {
  if (buffer.held.length > 0) buffer.write();
  if (reached === slice.checkpoint) return reached;
  slice.checkpoint = { ...reached, rowsStaged: buffer.written, stagingSheetId: slice.checkpoint.stagingSheetId };
  saveCheckpoint(slice.deps.store, slice.checkpoint);
  return slice.checkpoint;
}

/** Every page is fetched: the last rows stay in memory for the commit (or for `stage` when it has to wait). */
function finished(slice: Slice, buffer: StagingBuffer, reached: Checkpoint): FetchResult {
  const stage = () => {
    stageHeld(slice, buffer, reached);
  };
  const checkpoint = { ...reached, stagingSheetId: slice.checkpoint.stagingSheetId };
  return { done: true, held: buffer.held, staged: buffer.kept ?? undefined, checkpoint, stage };
}
