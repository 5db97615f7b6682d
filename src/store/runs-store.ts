// Run records in DocumentProperties (`runs.<importId>`): the last few runs of each import, newest first.
import { type KeyValueStore, readJson, writeJson } from '../ports/store';
import type { RunRecord } from '../shared/types';

export const MAX_RUNS_KEPT = 10;
const MAX_MESSAGE = 400;
/** Properties allow 9 KB per value; stay well below it whatever the messages hold. */
const MAX_STORED_CHARS = 7_500;

export const runsKey = (importId: string) => `runs.${importId}`;

export function loadRuns(store: KeyValueStore, importId: string): RunRecord[] {
  const runs = readJson<unknown>(store, runsKey(importId));
  return Array.isArray(runs) ? (runs as RunRecord[]) : [];
}

export function latestRun(store: KeyValueStore, importId: string): RunRecord | null {
  return loadRuns(store, importId)[0] ?? null;
}

export function lastSuccessfulRun(store: KeyValueStore, importId: string): RunRecord | null {
  return loadRuns(store, importId).find((run) => run.status === 'succeeded') ?? null;
}

function trimmed(record: RunRecord): RunRecord {
  if (!record.message || record.message.length <= MAX_MESSAGE) return record;
  return { ...record, message: `${record.message.slice(0, MAX_MESSAGE - 1)}…` };
}

/** Inserts or replaces (by runId) a record, keeping the newest MAX_RUNS_KEPT within the property size limit. */
export function saveRun(store: KeyValueStore, record: RunRecord): void {
  const others = loadRuns(store, record.importId).filter((run) => run.runId !== record.runId);
  let runs = [trimmed(record), ...others].slice(0, MAX_RUNS_KEPT);
  while (runs.length > 1 && JSON.stringify(runs).length > MAX_STORED_CHARS) runs = runs.slice(0, -1);
  writeJson(store, runsKey(record.importId), runs);
}

export function deleteRuns(store: KeyValueStore, importId: string): void {
  store.delete(runsKey(importId));
}
