// The import engine: one execution's worth of a run (start or resume, fetch to the deadline, commit when complete).
import { assertConfidentialAllowed } from '../confidential/guard';
import { AppError, sentenceFor, sentenceOf, toAppError } from '../errors';
import type { LeverAccess } from '../lever/source';
import type { SheetPort } from '../ports/sheet';
import { batched } from '../ports/store';
import type { ImportDefinition, RunRecord, RunStatus, RunTrigger } from '../shared/types';
import { checkTargetExists } from '../sheet/target';
import { trackWorkbook } from '../sheet/tracked-workbook';
import {
  type Checkpoint,
  deleteCheckpoint,
  loadCheckpoint,
  newCheckpoint,
  type RunOutcome,
  restartedCheckpoint,
  runRecordFrom,
  saveCheckpoint,
} from '../store/checkpoint';
import { requireDefinition, withRecordedTarget } from '../store/imports-store';
import { latestRun, saveRun } from '../store/runs-store';
import { lookupsNeeded } from './columns';
import { assertCommitCanFit, commitRun, estimateCommitMs, mayStartCommit, stagedCells } from './commit-phase';
import { readBaseWhileWaiting } from './early-base';
import { fetchUntilDeadline } from './fetch-phase';
import { prefetchChanged, prefetchDeleted, startingQuery } from './incremental';
import { type ImportPlan, planImport } from './plan';
import type { EngineDeps, RunState, Slice } from './slice';
import { deleteStaging, openStaging } from './staging';

/** A run left unfinished for longer than this starts over: its staged rows would mix old and new data. */
export const MAX_RUN_AGE_MS = 24 * 3_600_000;

export interface SliceOptions {
  /** Only continue a run in progress; never start a new one (the sidebar's continueImport). */
  continueOnly?: boolean;
  /** Read everything even when a changes-only run would do (the sidebar's "Run in full"). */
  full?: boolean;
}

function saveOutcome(slice: RunState, outcome: Omit<RunOutcome, 'sliceMs'>): RunRecord {
  const record = runRecordFrom(slice.checkpoint, { ...outcome, sliceMs: slice.deps.now() - slice.startedAt });
  saveRun(slice.deps.store, record);
  return record;
}

function checkEnvironment(definition: ImportDefinition, environment: string): void {
  if (!environment || environment === definition.environment) return;
  const { name: importName, environment: wanted } = definition;
  throw new AppError('BAD_INPUT', { reason: 'runEnvironment', importName, wanted, saved: environment });
}

function resumable(checkpoint: Checkpoint, plan: ImportPlan, now: number): boolean {
  const started = checkpoint.fetchState !== null || checkpoint.fetchDone;
  return started && checkpoint.fingerprint === plan.fingerprint && now - checkpoint.startedAtMs < MAX_RUN_AGE_MS;
}

/**
 * Reopens the run's staging sheet (null while nothing is staged yet), or starts the run over with a new Lever cursor
 * after removing what an earlier attempt staged.
 */
function prepareStaging(state: RunState, lever: LeverAccess, forceFull: boolean): SheetPort | null {
  const { deps, definition, plan, checkpoint } = state;
  if (resumable(checkpoint, plan, deps.now())) {
    if (checkpoint.stagingSheetId === undefined) return null;
    const existing = openStaging(deps.workbook, definition.id, checkpoint.stagingSheetId, plan.stagingHeader);
    if (existing) return existing;
  }
  if (checkpoint.stagingSheetId !== undefined) deleteStaging(deps.workbook, definition.id, checkpoint.stagingSheetId);
  const { query, marks } = startingQuery(state, forceFull);
  const fetchState = lever.source.start(query);
  state.checkpoint = { ...restartedCheckpoint(checkpoint, plan.fingerprint, fetchState, undefined), ...marks };
  saveCheckpoint(deps.store, state.checkpoint);
  return null;
}

/** The run's checks and its staging, with the 'running' record and a new start's checkpoint written together. */
function begin(state: RunState, options: SliceOptions): Slice {
  return batched(state.deps.store, () => {
    saveOutcome(state, { status: 'running' });
    const lever = state.deps.lever();
    checkEnvironment(state.definition, lever.environment);
    const key = state.deps.keyStatus?.();
    if (key) assertConfidentialAllowed(state.definition.filters, key, state.definition.object);
    checkTargetExists(state.deps.workbook, state.definition);
    const staging = prepareStaging(state, lever, options.full === true);
    return Object.assign(state, { lever, staging });
  });
}

function work(state: RunState, options: SliceOptions): RunRecord {
  const slice = begin(state, options);
  // Fetched in the spare room of the record rounds, the commit's lookup tables are ready when it starts.
  if (!slice.checkpoint.fetchDone) slice.lever.prefetchLookups?.(lookupsNeeded(slice.plan.stagedSpecs));
  prefetchDeleted(slice);
  prefetchChanged(slice);
  readBaseWhileWaiting(slice, (cells) => estimateCommitMs(cells, 0));
  // The record shows the progress so far, held rows included; the checkpoint covers only the staged ones.
  const fetched = fetchUntilDeadline(slice, (progress) =>
    saveOutcome({ ...slice, checkpoint: progress }, { status: 'running' }),
  );
  if (fetched.done) assertCommitCanFit(slice, stagedCells(slice, fetched.held.length));
  const summary =
    fetched.done && mayStartCommit(slice.deps, stagedCells(slice, fetched.held.length))
      ? commitRun(slice, fetched.held, fetched.staged)
      : null;
  if (summary) {
    slice.checkpoint = fetched.checkpoint;
    return saveOutcome(slice, {
      status: 'succeeded',
      endedAt: slice.deps.now(),
      rowsWritten: summary.rowsWritten,
      message: summary.notes.join(' ') || undefined,
      changeSummary: summary.changeSummary,
      drift: summary.drift,
    });
  }
  fetched.stage();
  return pause(slice, 'continuing');
}

/** Saves the checkpoint with this execution's time added, and the run record with `status`. */
function pause(slice: RunState, status: RunStatus): RunRecord {
  return batched(slice.deps.store, () => {
    const record = saveOutcome(slice, { status });
    slice.checkpoint = { ...slice.checkpoint, durationMs: record.durationMs };
    saveCheckpoint(slice.deps.store, slice.checkpoint);
    return record;
  });
}

function bestEffort(action: () => void): void {
  try {
    action();
  } catch {
    // Cleanup must not hide the error being reported.
  }
}

/** A failed run leaves the target as it was: the staging sheet and checkpoint go, the record says why. */
function fail(slice: RunState, error: unknown): RunRecord {
  const appError = toAppError(error);
  if (appError.code === 'TIME_BUDGET') {
    // Out of time, not broken: keep the checkpoint so the next execution resumes. When Google is killing this
    // execution, even saving fails, and the error goes on.
    try {
      return pause(slice, 'continuing');
    } catch {
      throw error;
    }
  }
  const { deps, definition } = slice;
  bestEffort(() => deleteStaging(deps.workbook, definition.id, slice.checkpoint.stagingSheetId));
  bestEffort(() => deleteCheckpoint(deps.store, definition.id));
  return saveOutcome(slice, {
    status: 'failed',
    endedAt: deps.now(),
    errorCode: appError.code,
    message: sentenceOf(appError),
  });
}

function openRun(
  deps: EngineDeps,
  definition: ImportDefinition,
  trigger: RunTrigger,
  existing: Checkpoint | null,
): RunState {
  const startedAt = deps.now();
  const plan = planImport(definition, deps.offsetAt);
  const checkpoint = existing
    ? { ...existing, executions: existing.executions + 1 }
    : newCheckpoint({
        runId: deps.newRunId(),
        importId: definition.id,
        trigger,
        user: deps.user,
        now: startedAt,
        fingerprint: plan.fingerprint,
      });
  return { deps, definition, plan, checkpoint, startedAt };
}

/** With no checkpoint, a record still 'running' belongs to an execution that died after its last save. */
function closeStaleRun(deps: EngineDeps, importId: string): RunRecord {
  const last = latestRun(deps.store, importId);
  if (!last) throw new AppError('BAD_INPUT', { reason: 'notRunning' });
  if (last.status !== 'running' && last.status !== 'continuing') return last;
  const closed: RunRecord = {
    ...last,
    status: 'failed',
    endedAt: new Date(deps.now()).toISOString(),
    errorCode: 'INTERNAL',
    message: sentenceFor('INTERNAL', { reason: 'interrupted' }),
  };
  saveRun(deps.store, closed);
  return closed;
}

/**
 * One execution's worth of an import run: starts a run (or joins the one in progress), fetches until the time
 * budget, stages, commits when complete. Returns the run record: 'continuing', 'succeeded' or 'failed'.
 * The caller holds the document lock.
 */
export function runSlice(
  deps: EngineDeps,
  importId: string,
  trigger: RunTrigger,
  options: SliceOptions = {},
): RunRecord {
  const definition = withRecordedTarget(deps.store, requireDefinition(deps.store, importId));
  const existing = loadCheckpoint(deps.store, importId);
  if (!existing && options.continueOnly) return closeStaleRun(deps, importId);
  // Grid sizes are asked once per execution and then kept up to date here, not asked before every write.
  const state = openRun({ ...deps, workbook: trackWorkbook(deps.workbook) }, definition, trigger, existing);
  try {
    return work(state, options);
  } catch (error) {
    return fail(state, error);
  }
}
