// The checkpoint of a run in progress (DocumentProperties `checkpoint.<importId>`) and the run record it implies.

import type { FetchState } from '../lever/source';
import { type KeyValueStore, readJson, writeJson } from '../ports/store';
import type { ErrorCode } from '../shared/error-code';
import type { RunKind, RunRecord, RunStatus, RunTrigger } from '../shared/types';

/**
 * Saved after each staging write. `rowsStaged` counts the staged rows that belong to `fetchState`: rows written
 * after it (by an execution that died before its next checkpoint) are ignored and fetched again.
 */
export interface Checkpoint {
  version: 1;
  runId: string;
  importId: string;
  trigger: RunTrigger;
  user: string;
  startedAtMs: number;
  /** Query, columns and object the staged rows were made for. */
  fingerprint: string;
  /** The Lever cursor; null before the first page is requested and after the last one. */
  fetchState: FetchState | null;
  /** Every page is staged: only the commit is left. */
  fetchDone: boolean;
  rowsStaged: number;
  stagingSheetId?: number;
  pages: number;
  requests: number;
  executions: number;
  durationMs: number;
  /** Full, or changes only since `changesSince` (set when the fetch starts; absent means full). */
  kind?: RunKind;
  changesSince?: number;
}

export const checkpointKey = (importId: string) => `checkpoint.${importId}`;

export function loadCheckpoint(store: KeyValueStore, importId: string): Checkpoint | null {
  const checkpoint = readJson<Checkpoint>(store, checkpointKey(importId));
  return checkpoint && checkpoint.version === 1 && checkpoint.importId === importId ? checkpoint : null;
}

export function saveCheckpoint(store: KeyValueStore, checkpoint: Checkpoint): void {
  writeJson(store, checkpointKey(checkpoint.importId), checkpoint);
}

export function deleteCheckpoint(store: KeyValueStore, importId: string): void {
  store.delete(checkpointKey(importId));
}

export interface NewRun {
  runId: string;
  importId: string;
  trigger: RunTrigger;
  user: string;
  now: number;
  fingerprint: string;
}

export function newCheckpoint(run: NewRun): Checkpoint {
  return {
    version: 1,
    runId: run.runId,
    importId: run.importId,
    trigger: run.trigger,
    user: run.user,
    startedAtMs: run.now,
    fingerprint: run.fingerprint,
    fetchState: null,
    fetchDone: false,
    rowsStaged: 0,
    pages: 0,
    requests: 0,
    executions: 1,
    durationMs: 0,
  };
}

/** The same run starting over on a new staging sheet (changed definition, lost staging): staged rows are dropped. */
export function restartedCheckpoint(
  checkpoint: Checkpoint,
  fingerprint: string,
  fetchState: FetchState,
  stagingSheetId: number | undefined,
): Checkpoint {
  return { ...checkpoint, fingerprint, fetchState, fetchDone: false, rowsStaged: 0, stagingSheetId };
}

export interface RunOutcome {
  status: RunStatus;
  /** Time spent in the current execution so far, added to the checkpoint's total. */
  sliceMs: number;
  endedAt?: number;
  rowsWritten?: number;
  errorCode?: ErrorCode;
  message?: string;
  changeSummary?: string;
  drift?: number;
}

/** The run record for the sidebar, schedules and run log, derived from the checkpoint so the two never disagree. */
export function runRecordFrom(checkpoint: Checkpoint, outcome: RunOutcome): RunRecord {
  const record: RunRecord = {
    runId: checkpoint.runId,
    importId: checkpoint.importId,
    trigger: checkpoint.trigger,
    startedAt: new Date(checkpoint.startedAtMs).toISOString(),
    status: outcome.status,
    rowsFetched: checkpoint.rowsStaged,
    pages: checkpoint.pages,
    requests: checkpoint.requests,
    executions: checkpoint.executions,
    durationMs: checkpoint.durationMs + outcome.sliceMs,
  };
  if (checkpoint.user) record.user = checkpoint.user;
  if (outcome.endedAt !== undefined) record.endedAt = new Date(outcome.endedAt).toISOString();
  if (outcome.rowsWritten !== undefined) record.rowsWritten = outcome.rowsWritten;
  if (outcome.errorCode) record.errorCode = outcome.errorCode;
  if (outcome.message) record.message = outcome.message;
  if (outcome.changeSummary) record.changeSummary = outcome.changeSummary;
  if (checkpoint.kind) record.kind = checkpoint.kind;
  if (outcome.drift !== undefined) record.drift = outcome.drift;
  return record;
}
