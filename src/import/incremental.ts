// The engine's hooks for changes-only runs: which query a run starts with, how changed records are staged, how the
// result is merged into the base (or, for a full run, checked against it for drift), and keeping the base.
import { AppError } from '../errors';
import type { ChangedQuery, LeverRecord, ListQuery } from '../lever/source';
import type { KeyStatus } from '../shared/types';
import type { Checkpoint } from '../store/checkpoint';
import {
  deleteIncrementalBase,
  type IncrementalBase,
  loadFullOnly,
  loadIncrementalBase,
  saveFullOnly,
  saveIncrementalBase,
} from '../store/incremental-base';
import { baseRowsFor } from './early-base';
import { appendBaseRows, baseFits, deleteBase, writeBaseRows } from './incremental-base-sheet';
import { countDrift } from './incremental-drift';
import { logAppend, logTooLong } from './incremental-log';
import { recordMatcher } from './incremental-match';
import { mergeChanges, removalRow } from './incremental-merge';
import { changesQuery, changesSince, chooseRunKind } from './incremental-plan';
import { splitBySnooze, withParked } from './incremental-snooze';
import { dedupeAndSort, type StagedRow, stageRecord } from './rows';
import type { RunState, Slice } from './slice';

/** The key reads confidential records, or the import asks for them anyway (then the full query does too). */
function readsConfidential(state: RunState): boolean {
  const key: KeyStatus | undefined = state.deps.keyStatus?.();
  return key?.confidentialAccess === true || state.plan.query.params.confidentiality !== undefined;
}

/** A base whose sheet is still there with the shape its record says. */
function usableBase(state: RunState): IncrementalBase | null {
  const base = loadIncrementalBase(state.deps.store, state.definition.id);
  const sheet = base ? state.deps.workbook.sheetById(base.sheetId) : null;
  if (!base || !sheet || sheet.maxColumns() < base.width || sheet.maxRows() < base.rows + 1) return null;
  return base;
}

/** The query a new fetch starts with, and the checkpoint fields that say which kind of run it is. */
export function startingQuery(state: RunState, forceFull: boolean): { query: ListQuery; marks: Partial<Checkpoint> } {
  const { definition, plan, deps } = state;
  const base = usableBase(state);
  const fullOnly = loadFullOnly(deps.store, definition.id) !== null;
  const now = deps.now();
  const choice = chooseRunKind({ definition, fingerprint: plan.fingerprint, base, now, forceFull, fullOnly });
  if (choice.kind === 'full' || !base) {
    return { query: withParked(plan.query), marks: { kind: 'full', changesSince: undefined } };
  }
  const since = changesSince(base);
  const query = changesQuery(plan.query, since, readsConfidential(state));
  return { query, marks: { kind: 'changes', changesSince: since } };
}

/** A changes-only run's deletions ride along with its records (the merge asks for the same instant and scope). */
export function prefetchDeleted(slice: Slice): void {
  if (slice.checkpoint.kind !== 'changes' || slice.checkpoint.fetchDone) return;
  slice.lever.prefetchDeleted?.(deletionsSince(slice), readsConfidential(slice));
}

function deletionsSince(slice: Slice): number {
  return slice.checkpoint.changesSince ?? 0;
}

/** Stages a fetched record: as a row, or (changes runs) as the removal of a record that no longer matches. */
export function recordStager(slice: Slice): (record: LeverRecord) => StagedRow {
  const context = { environment: slice.definition.environment };
  const stage = (record: LeverRecord) => stageRecord(record, slice.plan.stagedSpecs, context);
  if (slice.checkpoint.kind !== 'changes') return stage;
  // Parked snoozed records stay rows: the commit applies the snoozed filter (incremental-snooze.ts).
  const matches = recordMatcher(withParked(slice.plan.query), slice.deps.now());
  return (record) => (matches(record) ? stage(record) : removalRow(record));
}

export interface ResultRows {
  /** The rows the sheet shows. */
  rows: StagedRow[];
  /** The rows the next changes-only run merges into (the shown ones plus parked snoozed records). */
  kept: StagedRow[];
  notes: string[];
  /** Full runs that replaced a base: the drift check's count. */
  drift?: number;
  /** The base the run read (changes-only: merged into; full: drift-checked), which an append is measured against. */
  base?: ReadBase;
}

/** A base as a run read it (a changes-only run's merge, a full run's drift check): its record and live rows. */
export interface ReadBase {
  record: IncrementalBase;
  rows: StagedRow[];
}

/** The run's result: the fetched rows (full), or the base with the changes and Lever's deletions merged in. */
export function resultRows(slice: Slice, fetched: readonly StagedRow[]): ResultRows {
  const full = slice.checkpoint.kind !== 'changes';
  const merged = full ? { rows: dedupeAndSort(fetched), notes: [] } : mergedChanges(slice, fetched);
  const { shown, kept } = splitBySnooze(merged.rows, slice.plan.query, slice.plan.stagedSpecs, slice.deps.now());
  const checked = full ? checkDrift(slice, kept) : {};
  const result: ResultRows = { rows: shown, kept, notes: merged.notes };
  if (checked.drift !== undefined) result.drift = checked.drift;
  const base = 'base' in merged ? merged.base : checked.base;
  if (base) result.base = base;
  return result;
}

function mergedChanges(
  slice: Slice,
  fetched: readonly StagedRow[],
): { rows: StagedRow[]; notes: string[]; base: ReadBase } {
  const base = loadIncrementalBase(slice.deps.store, slice.definition.id);
  const baseRows = base ? baseRowsFor(slice, base) : null;
  // The fetch checked the base; it can only be gone if someone deleted the hidden sheet meanwhile.
  if (!base || !baseRows) throw new AppError('INTERNAL', { reason: 'baseMissing' });
  const deleted = slice.lever.deletedSince?.(deletionsSince(slice), readsConfidential(slice));
  const notes =
    deleted === null ? ['Deleted records leave the sheet at the next full run (the key cannot list deletions).'] : [];
  const rows = mergeChanges(baseRows, fetched, deleted ?? new Set());
  return { rows, notes, base: { record: base, rows: baseRows } };
}

/** What the drift check asks Lever: changes since the base's instant, within the import's createdAt bounds. */
function changedQuery(slice: Slice, base: IncrementalBase): ChangedQuery {
  const { createdFrom, createdTo } = slice.plan.query;
  return { since: changesSince(base), createdFrom, createdTo, confidential: readsConfidential(slice) };
}

/**
 * A full run that will replace a base of the same definition asks for the drift check's list with its first
 * records round (the base's record is enough to know: a sheet gone by the commit only wastes that request).
 */
export function prefetchChanged(slice: Slice): void {
  if (slice.checkpoint.kind === 'changes' || slice.checkpoint.fetchDone || !slice.lever.prefetchChanged) return;
  const base = loadIncrementalBase(slice.deps.store, slice.definition.id);
  if (base && base.fingerprint === slice.plan.fingerprint) slice.lever.prefetchChanged(changedQuery(slice, base));
}

/** Lever's changed IDs since the base, asked now; null when it cannot say (no access, out of time): no check. */
function reportedSince(slice: Slice, query: ChangedQuery): Set<string> | null {
  try {
    return slice.lever.changedSince?.(query) ?? null;
  } catch {
    // The result is complete without the check; the next full run checks again.
    return null;
  }
}

/**
 * The drift count against the list asked with the fetch, when it is complete and finds none; otherwise against the
 * list asked now (covering every change the fetch saw), so a change made while the run read, which the early list
 * could not hold yet, is never taken for drift. Undefined when Lever cannot say.
 */
function driftCount(slice: Slice, query: ChangedQuery, base: StagedRow[], rows: readonly StagedRow[]) {
  const early = slice.lever.prefetchedChanged?.(query);
  if (early === null) return undefined;
  if (early && countDrift(base, rows, early) === 0) return 0;
  const reported = reportedSince(slice, query);
  return reported ? countDrift(base, rows, reported) : undefined;
}

/**
 * A full run that replaces a base of the same definition counts the records that differ from it although Lever's
 * changes query does not return them (driftCount). Any drift switches the import to full runs only: a changes-only
 * run would have missed those records. The base it read comes back too: the commit can then append only what
 * differs, instead of rewriting the whole base.
 */
function checkDrift(slice: Slice, rows: readonly StagedRow[]): { drift?: number; base?: ReadBase } {
  const base = usableBase(slice);
  if (!base || base.fingerprint !== slice.plan.fingerprint || !slice.lever.changedSince) return {};
  const baseRows = baseRowsFor(slice, base);
  if (!baseRows) return {};
  const drift = driftCount(slice, changedQuery(slice, base), baseRows, rows);
  if (drift) saveFullOnly(slice.deps.store, slice.definition.id, { atMs: slice.deps.now(), records: drift });
  const read = { base: { record: base, rows: baseRows } };
  return drift === undefined ? read : { ...read, drift };
}

/**
 * Every opportunity import that can run changes only keeps a base (it doubles its cells, within
 * `BASE_CELL_CEILING`), unless drift switched it to full runs only: then a base would only cost cells.
 */
export function keepsBase(state: RunState): boolean {
  const { definition, plan, deps } = state;
  if (chooseRunKind({ definition, fingerprint: plan.fingerprint, base: null, now: deps.now() }).reason === 'object') {
    return false;
  }
  return loadFullOnly(deps.store, definition.id) === null;
}

/**
 * How the commit keeps the base: a changes-only run appends what changed to the log (`rows`: changed rows and
 * removal marks) unless the log would then carry too many dead rows; otherwise the base is rewritten compact (`rows`:
 * `kept`, the result the next run merges into), or dropped when it may not be kept. `previous` is the record as the
 * run found it (the commit may withdraw it before the write).
 */
export interface BaseWrite {
  kind: 'append' | 'rewrite' | 'drop';
  rows: readonly StagedRow[];
  kept: readonly StagedRow[];
  previous: IncrementalBase | null;
}

const cellsOf = (rows: number, width: number) => (rows + 1) * width;

/** Near the cell ceiling (`baseFits`) a log is rewritten compact rather than appended to. */
export function planBaseWrite(slice: Slice, result: ResultRows): BaseWrite {
  const { base, kept } = result;
  const previous = base?.record ?? loadIncrementalBase(slice.deps.store, slice.definition.id);
  if (!keepsBase(slice)) return { kind: 'drop', rows: [], kept, previous };
  if (!base) return { kind: 'rewrite', rows: kept, kept, previous };
  const width = slice.plan.stagingHeader.length;
  const rows = logAppend(base.rows, kept, width);
  const logRows = base.record.rows + rows.length;
  const fits = baseFits(slice.deps.workbook, cellsOf(logRows, width), cellsOf(base.record.rows, base.record.width));
  const append = fits && !logTooLong(logRows, kept.length);
  return append ? { kind: 'append', rows, kept, previous } : { kind: 'rewrite', rows: kept, kept, previous };
}

/** The base cells the commit writes. */
export function baseWriteCells(slice: Slice, write: BaseWrite): number {
  return write.rows.length * slice.plan.stagingHeader.length;
}

/** The commit cannot afford to write the base: it goes (the next run is full). */
export function withoutBase(write: BaseWrite): BaseWrite {
  return { ...write, kind: 'drop', rows: [] };
}

/**
 * A rewrite in place could be killed half-way, so its record is withdrawn first, in the commit's batch of state writes
 * (one state write more, three Sheets calls, unless the layout's row beside it is written too). An append needs no
 * such step: its rows past the recorded count are ignored until the record counts them.
 */
export function withdrawBeforeRewrite(slice: Slice, write: BaseWrite): void {
  if (write.kind === 'rewrite' && write.previous) deleteIncrementalBase(slice.deps.store, slice.definition.id);
}

/**
 * After a commit: the changes are appended to the base, or the result becomes the next changes run's base, or the
 * base goes when it may not be kept. A log that would pass the cell ceiling is rewritten compact instead. A base
 * write that fails takes the base and its record with it, so the next run is full; it never fails the run, whose
 * target is already written.
 */
export function keepBase(slice: Slice, write: BaseWrite): void {
  const { deps, definition, plan } = slice;
  const { previous } = write;
  const width = plan.stagingHeader.length;
  const oldCells = previous ? cellsOf(previous.rows, previous.width) : 0;
  if (write.kind === 'append' && previous) {
    const logRows = previous.rows + write.rows.length;
    if (baseFits(deps.workbook, cellsOf(logRows, width), oldCells)) {
      appendToBase(slice, write, previous);
      return;
    }
    // The target's write took the cells the append needed: the log is rewritten compact, withdrawn first.
    deleteIncrementalBase(deps.store, definition.id);
  }
  if (write.kind === 'drop' || !baseFits(deps.workbook, cellsOf(write.kept.length, width), oldCells)) {
    deleteBase(deps.workbook, deps.store, definition.id, false, previous);
    return;
  }
  rewriteBase(slice, write.kept, previous);
}

/** Appends the changes after the recorded rows, then records the longer log (the write first: crash-safe). */
function appendToBase(slice: Slice, write: BaseWrite, previous: IncrementalBase): void {
  const { deps, definition, checkpoint } = slice;
  const full = checkpoint.kind !== 'changes';
  // usableBase found the sheet by id already: no call.
  const sheet = deps.workbook.sheetById(previous.sheetId);
  try {
    if (!sheet) throw new AppError('INTERNAL', { reason: 'baseMissing' });
    // A full run's append is a full run all the same: it hides a base a user unhid, and the cadence counts from it.
    if (full) sheet.hide();
    appendBaseRows(deps.workbook, sheet, previous.rows, write.rows);
  } catch {
    dropBase(slice, previous);
    return;
  }
  saveIncrementalBase(deps.store, definition.id, {
    ...previous,
    rows: previous.rows + write.rows.length,
    runStartedAtMs: checkpoint.startedAtMs,
    fullAtMs: full ? checkpoint.startedAtMs : previous.fullAtMs,
  });
}

/** Rewrites the base compact (a first base, a full run that could not read the old one, a log grown too long). */
function rewriteBase(slice: Slice, rows: readonly StagedRow[], previous: IncrementalBase | null): void {
  const { deps, definition, plan, checkpoint } = slice;
  // A changes-only run found the recorded sheet by id already (usableBase): no lookup by name, and it is hidden.
  const target = { recordedSheetId: previous?.sheetId, hide: checkpoint.kind !== 'changes' };
  let sheet: ReturnType<typeof writeBaseRows>;
  try {
    sheet = writeBaseRows(deps.workbook, definition.id, plan.stagingHeader, rows, target);
  } catch {
    dropBase(slice, previous);
    return;
  }
  const fullAtMs = checkpoint.kind === 'changes' && previous ? previous.fullAtMs : checkpoint.startedAtMs;
  saveIncrementalBase(deps.store, definition.id, {
    version: 1,
    fingerprint: plan.fingerprint,
    sheetId: sheet.sheetId,
    rows: rows.length,
    width: plan.stagingHeader.length,
    runStartedAtMs: checkpoint.startedAtMs,
    fullAtMs,
  });
}

/** After a failed base write: the half-written sheet and its record go, so no run trusts it. */
function dropBase(slice: Slice, previous: IncrementalBase | null): void {
  try {
    deleteBase(slice.deps.workbook, slice.deps.store, slice.definition.id, true, previous);
  } catch {
    deleteIncrementalBase(slice.deps.store, slice.definition.id);
  }
}
