// The commit: the complete staged result, de-duplicated, sorted and named, written to the target in one execution.
import { changeSummaryAfterCommit } from '../changes/record';
import { AppError, isAppError } from '../errors';
import type { SheetPort } from '../ports/sheet';
import { batched } from '../ports/store';
import { openTarget } from '../sheet/target';
import type { WriteSummary } from '../sheet/write-block';
import { writeResult } from '../sheet/writer';
import { deleteCheckpoint } from '../store/checkpoint';
import {
  loadBlockLayout,
  loadDefinition,
  patchTargetAfresh,
  saveBlockLayout,
  type TargetFields,
  wouldList,
} from '../store/imports-store';
import {
  type BaseWrite,
  baseWriteCells,
  keepBase,
  planBaseWrite,
  resultRows,
  withdrawBeforeRewrite,
  withoutBase,
} from './incremental';
import { keepOffers, lookupsForRows, offersKeeping } from './offers-phase';
import { headerLabels, renderRow, type StagedRow } from './rows';
import type { EngineDeps, Slice } from './slice';
import { deleteStaging, readStaged } from './staging';
import { trackedFromStaged } from './tracked-changes';

/**
 * A commit cut off by Google's kill would leave a half-written sheet, so it only starts when a generous estimate
 * fits: a fixed part (Lever lookups, sheet lookups, formats) plus a per-cell part. The lookups' real cost is known
 * once they are back, so the write itself is checked again, without the fixed part for Lever.
 */
const COMMIT_FIXED_MS = 20_000;
const WRITE_FIXED_MS = 5_000;
const COMMIT_PER_CELL_MS = 0.05;
const KILL_SAFETY_MS = 15_000;

export function estimateCommitMs(cells: number, fixedMs = COMMIT_FIXED_MS): number {
  return fixedMs + cells * COMMIT_PER_CELL_MS;
}

export function commitFitsNow(deps: EngineDeps, cells: number, fixedMs = COMMIT_FIXED_MS): boolean {
  return deps.now() + estimateCommitMs(cells, fixedMs) <= deps.hardLimitAt - KILL_SAFETY_MS;
}

/**
 * Whether a commit of `cells` fits in a whole execution (this one's length, from its start). The base is optional:
 * a commit that needs it to fit in no execution at all would wait for ever, so it goes without (next run in full).
 */
export function fitsInAnExecution(slice: Slice, cells: number): boolean {
  return cells <= cellsOneExecutionWrites(slice);
}

function cellsOneExecutionWrites(slice: Slice): number {
  const length = slice.deps.hardLimitAt - slice.startedAt;
  return Math.max(0, Math.floor((length - KILL_SAFETY_MS - COMMIT_FIXED_MS) / COMMIT_PER_CELL_MS));
}

/** A fetched result no execution could write would wait for ever: the run fails and says so, the sheet untouched. */
export function assertCommitCanFit(slice: Slice, cells: number): void {
  const max = cellsOneExecutionWrites(slice);
  if (cells > max) throw new AppError('SHEET_TOO_BIG', { reason: 'write', cells, max });
}

/** The commit starts with Lever lookups, so like any new work it does not start after the work deadline. */
export function mayStartCommit(deps: EngineDeps, cells: number): boolean {
  return deps.now() < deps.budget.deadline && commitFitsNow(deps, cells);
}

/** Cells of the staged result, with `heldRows` not staged yet. */
export function stagedCells(slice: Slice, heldRows = 0): number {
  return (slice.checkpoint.rowsStaged + heldRows) * slice.plan.stagingHeader.length;
}

/** The staged rows: those this execution still holds when it wrote them all, else read back from the sheet. */
function stagedRows(slice: Slice, inMemory?: readonly StagedRow[]): StagedRow[] {
  const { checkpoint, plan, staging } = slice;
  if (inMemory && inMemory.length === checkpoint.rowsStaged) return [...inMemory];
  return staging ? readStaged(staging, checkpoint.rowsStaged, plan.stagingHeader.length) : [];
}

function renderResult(slice: Slice, held: readonly StagedRow[], inMemory?: readonly StagedRow[]) {
  const { plan } = slice;
  const staged = stagedRows(slice, inMemory);
  // Held rows were fetched after the staged ones: for a repeated ID they are the fresher read.
  const fetched = held.length > 0 ? staged.concat(held) : staged;
  const result = resultRows(slice, fetched);
  const rows = result.rows;
  const offers = offersKeeping(slice, fetched);
  const lookups = lookupsForRows(slice.lever, plan.stagedSpecs, rows, offers ?? undefined);
  const block = {
    header: headerLabels(plan.specs, lookups),
    rows: rows.map((row) => renderRow(row, plan.specs, lookups)),
    types: plan.specs.map((spec) => spec.type),
  };
  const tracked = slice.definition.trackChanges
    ? trackedFromStaged(slice.definition.object, plan.stagedSpecs, rows, lookups)
    : null;
  return {
    block,
    notes: [...(lookups.notes ?? []), ...result.notes],
    tracked,
    rows,
    base: planBaseWrite(slice, result),
    drift: result.drift,
    offers,
  };
}

/** Bookkeeping before the write (trigger time) must never stop a commit that fits. */
function beforeCommit(deps: EngineDeps): void {
  try {
    deps.beforeCommit?.();
  } catch {
    // The end of the execution records the time again.
  }
}

/**
 * The staged rows are in memory once rendered, so the staging sheet goes before the target grows: both at once
 * would count the result's cells twice against Google's limit. A commit that fails after this fails the run (its
 * staging would be deleted anyway); one that runs out of time finds no staging sheet and fetches again.
 */
function releaseStaging(slice: Slice): void {
  if (!slice.staging) return;
  deleteStaging(slice.deps.workbook, slice.definition.id, slice.staging.sheetId);
  slice.staging = null;
}

/**
 * The run is no longer resumable and the target's block is recorded, in one batch of state writes: nothing in it
 * waits on Google, so the target's write is followed at once by the checkpoint's removal, as before.
 */
function recordCommit(slice: Slice, target: SheetPort, summary: WriteSummary, base: BaseWrite): void {
  const { deps } = slice;
  const importId = slice.definition.id;
  batched(deps.store, () => {
    deleteCheckpoint(deps.store, importId);
    withdrawBeforeRewrite(slice, base);
    const recorded = { sheetId: target.sheetId, sheetName: target.name() };
    saveBlockLayout(deps.store, importId, { ...recorded, width: summary.width, style: summary.style });
    recordTarget(slice, recorded);
  });
}

/**
 * The target's id (first run) or new name (renamed) into the definition, on a fresh read in the script lock: only
 * when they differ from the stored ones or the definition is missing from the index with room to list it again (a
 * run lists it again; with the index full it stays unlisted, its result kept), as the lock costs calls. A busy
 * lock leaves it to a later run, which knows the sheet from the layout written with this (withRecordedTarget) and
 * records it then, so the run stands.
 */
function recordTarget(slice: Slice, target: TargetFields): void {
  const { deps } = slice;
  // The stored definition, not the run's: the run's may carry the id only the layout knew.
  const definition = loadDefinition(deps.store, slice.definition.id) ?? slice.definition;
  const same = definition.sheetId === target.sheetId && definition.sheetName === target.sheetName;
  if (same && !wouldList(deps.store, definition.id)) return;
  try {
    patchTargetAfresh(deps.store, definition.id, target);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'BUSY') throw error;
  }
}

export interface CommitSummary extends WriteSummary {
  /** Lookup tables the key could not read (their IDs are shown instead of names). */
  notes: string[];
  /** With trackChanges: the one-line summary of what changed since the last refresh. */
  changeSummary?: string;
  /** The drift check's count (full runs that replaced a base). */
  drift?: number;
}

/**
 * The cells the commit writes, and how it keeps the changes-only base (dropped when only without it would the commit
 * fit in an execution). Change tracking reads its snapshot, rewrites it and appends to the changes sheet in the same
 * execution.
 */
function commitCells(slice: Slice, rendered: ReturnType<typeof renderResult>): { cells: number; base: BaseWrite } {
  const { block, tracked, base } = rendered;
  const trackedCells = tracked ? tracked.records.length * (tracked.fields.length + 2) * 3 : 0;
  const ownCells = block.rows.length * block.header.length + trackedCells;
  const baseCells = baseWriteCells(slice, base);
  if (base.kind === 'drop' || fitsInAnExecution(slice, ownCells + baseCells))
    return { cells: ownCells + baseCells, base };
  return { cells: ownCells, base: withoutBase(base) };
}

/** Writes the block to the target (creating it when needed) in the import's write mode. */
function writeTarget(slice: Slice, block: ReturnType<typeof renderResult>['block'], base: BaseWrite) {
  const { deps, definition } = slice;
  const { sheet: target, created } = openTarget(deps.workbook, definition);
  const stored = loadBlockLayout(deps.store, definition.id);
  const layout = stored && stored.sheetId === target.sheetId && !created ? stored : null;
  const summary = writeResult(target, block, {
    newSheet: created,
    mode: definition.writeMode,
    vanished: definition.vanished ?? 'flag',
    snapshotAt: new Date(slice.checkpoint.startedAtMs),
    previousWidth: layout?.width,
    previousStyle: layout?.style,
    totalCells: () => deps.workbook.totalCells(),
  });
  recordCommit(slice, target, summary, base);
  return summary;
}

/**
 * Writes the result (the staged rows plus `held`, the last batch fetched in this execution and not staged), records
 * where it went, and removes the staging sheet and the checkpoint. Returns null, having written nothing, when the
 * lookups left too little time for the write (the next execution commits).
 */
export function commitRun(
  slice: Slice,
  held: readonly StagedRow[] = [],
  inMemory?: readonly StagedRow[],
): CommitSummary | null {
  const { deps, definition } = slice;
  const rendered = renderResult(slice, held, inMemory);
  const { notes, tracked, drift, offers } = rendered;
  const { cells, base } = commitCells(slice, rendered);
  if (!commitFitsNow(deps, cells, WRITE_FIXED_MS)) {
    // The offers read are kept for the rest of the run, so the next execution's commit does not ask again.
    keepOffers(slice, offers);
    return null;
  }
  beforeCommit(deps);
  releaseStaging(slice);
  const summary = writeTarget(slice, rendered.block, base);
  keepBase(slice, base);
  keepOffers(slice, offers);
  if (!tracked) return { ...summary, notes, drift };
  const changeSummary = changeSummaryAfterCommit(deps.workbook, definition, tracked, new Date(deps.now()));
  return { ...summary, notes, changeSummary, drift };
}
