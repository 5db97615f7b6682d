// One firing of a user's dispatcher trigger: keep the slot healthy, continue running imports, start due ones.
import { AppError } from '../errors';
import { appendToRunLog, type LogEntry } from '../health/run-log';
import type { KeyValueStore } from '../ports/store';
import type { TriggerPort } from '../ports/triggers';
import { sameUser } from '../schedule/describe';
import { checkDue } from '../schedule/due';
import {
  mayStartWork,
  quotaSkipMessage,
  type RuntimeMeter,
  runtimeMeter,
  runtimeUsedMs,
} from '../schedule/runtime-quota';
import { isScheduled } from '../schedule/spec';
import type { ImportDefinition, RunRecord } from '../shared/types';
import { type Digest, isApproved } from '../store/approvals';
import { listDefinitions, loadDefinition } from '../store/imports-store';
import { latestRun } from '../store/runs-store';
import {
  deleteImportState,
  importIdsWithState,
  noteWait,
  readImportState,
  rememberSpreadsheetId,
} from '../store/schedule-state';
import { executeSlice, refuseSlice, type SliceDeps, type SliceOutcome } from './scheduled-slice';
import { reconcileTrigger, type SlotOutcome } from './slot';

/** Starting an import with less than this left of the execution's budget would only produce a stub run. */
const MIN_TIME_TO_START_MS = 60_000;

export interface DispatchDeps extends SliceDeps {
  userStore: KeyValueStore;
  triggers: TriggerPort;
  /** For checking that a definition is what its owner approved (approval.ts). */
  digest: Digest;
  executionStartedAt: number;
  /** This execution's trigger time, also recorded by the engine before a commit (default: recorded at the end). */
  runtime?: RuntimeMeter;
  /** Epoch ms after which the engine starts no new work in this execution. */
  deadline: number;
  /** Rewrites the status sheet from the stored definitions and runs; must never throw. */
  refreshStatus?(): void;
  /**
   * The document's store read in one call at the start of the firing (see documentSnapshot), for planning: which
   * imports are mine, running or due. Everything decided once work starts reads `documentStore` again.
   */
  documentSnapshot?: KeyValueStore;
}

export interface DispatchReport {
  /** What became of the trigger slot; null when Google refused a needed trigger. */
  slot: SlotOutcome | null;
  /** Import ids worked on in this firing, in order, with what came of it. */
  worked: { importId: string; outcome: SliceOutcome }[];
  log: LogEntry[];
}

interface WorkItem {
  definition: ImportDefinition;
  /** Set for a new run: the slot it handles. Unset for continuing a run that is already going. */
  slot?: number;
}

function ownedByRunningUser(deps: DispatchDeps, definition: ImportDefinition | null): boolean {
  return definition !== null && isScheduled(definition.schedule) && sameUser(definition.scheduleOwner, deps.user);
}

/**
 * Asked under the document lock, on the state its claim just read afresh: another editor may have taken the import
 * over while earlier imports ran (or another trigger fired meanwhile). Reading the state again here would cost a read
 * of the whole state sheet right before the claim's own.
 */
function stillOwned(deps: DispatchDeps, item: WorkItem): boolean {
  return ownedByRunningUser(deps, loadDefinition(deps.documentStore, item.definition.id));
}

/** The stored definition is exactly what the running user (its owner) last saved: nobody edited the state sheet. */
function approved(deps: DispatchDeps, item: WorkItem): boolean {
  const current = loadDefinition(deps.documentStore, item.definition.id);
  return current !== null && isApproved(deps.userStore, deps.spreadsheet.id, current, deps.digest);
}

function refuseUnapproved(deps: DispatchDeps, item: WorkItem, log: LogEntry[]): SliceOutcome {
  const error = new AppError('NOT_APPROVED', { owner: item.definition.scheduleOwner ?? deps.user });
  return refuseSlice(deps, item.definition, item.slot, error, log);
}

/** Runs the item if, under the lock, it is still the running user's and approved; null when no longer theirs. */
function workOn(deps: DispatchDeps, item: WorkItem, log: LogEntry[]): SliceOutcome | null {
  const decided: { admission: 'run' | 'notOwned' | 'unapproved' } = { admission: 'run' };
  const admit = () => {
    decided.admission = !stillOwned(deps, item) ? 'notOwned' : approved(deps, item) ? 'run' : 'unapproved';
    return decided.admission === 'run';
  };
  const outcome = executeSlice(deps, item.definition, item.slot, log, admit);
  // Refused after the lock was released: the refusal's records are written outside it, like any failed run's.
  return decided.admission === 'unapproved' ? refuseUnapproved(deps, item, log) : outcome;
}

function isUnfinished(run: RunRecord | null): boolean {
  return run?.status === 'continuing' || run?.status === 'running';
}

/** Runs already under way come first, so a long import finishes before anything new starts. */
function planWork(deps: DispatchDeps, planning: KeyValueStore, mine: ImportDefinition[]): WorkItem[] {
  const continuing: WorkItem[] = [];
  const due: WorkItem[] = [];
  const now = deps.now();
  for (const definition of mine) {
    if (isUnfinished(latestRun(planning, definition.id))) {
      continuing.push({ definition });
      continue;
    }
    const state = readImportState(planning, definition.id);
    const check = checkDue(definition.schedule!, deps.spreadsheet.timeZone, state.lastSlot, now);
    if (check.due) due.push({ definition, slot: check.slot });
  }
  due.sort((a, b) => (a.slot ?? 0) - (b.slot ?? 0));
  return [...continuing, ...due];
}

/** Notes why a due import waits (once per reason, so the log does not repeat it every hour). */
function skipForQuota(deps: DispatchDeps, item: WorkItem, usedMs: number, log: LogEntry[]): void {
  const message = quotaSkipMessage(usedMs);
  if (noteWait(deps.documentStore, item.definition.id, message, 'quota')) return;
  log.push({
    at: deps.now(),
    importName: item.definition.name,
    trigger: 'schedule',
    outcome: 'skipped',
    message,
    user: deps.user,
  });
}

function workThrough(deps: DispatchDeps, items: WorkItem[], report: DispatchReport): void {
  const usedBefore = runtimeUsedMs(deps.userStore, deps.now());
  for (const item of items) {
    const usedMs = usedBefore + (deps.now() - deps.executionStartedAt);
    if (!mayStartWork(usedMs)) {
      skipForQuota(deps, item, usedMs, report.log);
      continue;
    }
    if (deps.now() > deps.deadline - MIN_TIME_TO_START_MS) return;
    const outcome = workOn(deps, item, report.log);
    if (!outcome) continue;
    report.worked.push({ importId: item.definition.id, outcome });
    // A run that continues has used this execution's time; the rest waits for the next firing.
    if (outcome === 'continuing') return;
  }
}

function forgetDeletedImports(deps: DispatchDeps, planning: KeyValueStore, all: readonly ImportDefinition[]): void {
  const known = new Set(all.map((d) => d.id));
  for (const id of importIdsWithState(planning)) {
    if (!known.has(id)) deleteImportState(deps.documentStore, id);
  }
}

/**
 * Deletes duplicates and stale triggers, or this one when the user no longer owns a schedule here. A refused
 * create() must not stop the due imports (a trigger did fire); the owner sees the problem when the sidebar opens.
 */
function keepSlotHealthy(deps: DispatchDeps, wanted: boolean): SlotOutcome | null {
  try {
    return reconcileTrigger(
      { triggers: deps.triggers, userStore: deps.userStore, spreadsheetId: deps.spreadsheet.id, now: deps.now() },
      wanted,
    );
  } catch {
    return null;
  }
}

/**
 * A long import continues through this same hourly trigger at its next firing instead of swapping in a one-off
 * continuation trigger: with one time-based trigger allowed per user per document, a swap means delete-then-create,
 * and an execution killed between the two would leave the user with no trigger at all. Here the slot is never empty.
 */
export function dispatch(deps: DispatchDeps): DispatchReport {
  // Without the running user's email nothing says whose schedules are here: the trigger must not be taken for idle.
  if (!deps.user) return { slot: null, worked: [], log: [] };
  const planning = deps.documentSnapshot ?? deps.documentStore;
  const all = listDefinitions(planning);
  const mine = all.filter((definition) => ownedByRunningUser(deps, definition));
  const slot = keepSlotHealthy(deps, mine.length > 0);
  const report: DispatchReport = { slot, worked: [], log: [] };
  try {
    forgetDeletedImports(deps, planning, all);
    if (mine.length === 0) return report;
    rememberSpreadsheetId(deps.documentStore, deps.spreadsheet.id);
    workThrough(deps, planWork(deps, planning, mine), report);
  } finally {
    appendToRunLog(deps.spreadsheet.log, report.log);
    // Each firing also moves "next run" and may make a schedule stale, so the status sheet follows every one.
    if (mine.length > 0) deps.refreshStatus?.();
    (deps.runtime ?? runtimeMeter(deps.userStore, deps.executionStartedAt, deps.now)).record();
  }
  return report;
}
