// The per-import facts describeSchedule reads (slot state, last success), gathered from the document's store.
import type { KeyValueStore } from '../ports/store';
import type { ImportDefinition, RunRecord } from '../shared/types';
import { lastSuccessfulRun } from '../store/runs-store';
import { type ImportScheduleState, readImportState } from '../store/schedule-state';
import type { ScheduleContext } from './describe';
import { isScheduled } from './spec';

/** When a run finished (its start when an old record has no end), epoch ms. */
export function runEndedAt(run: RunRecord): number | undefined {
  const ms = Date.parse(run.endedAt ?? run.startedAt);
  return Number.isFinite(ms) ? ms : undefined;
}

export interface ScheduleFacts {
  states: Record<string, ImportScheduleState>;
  lastSuccessAt: Record<string, number>;
}

/** Slot state and last success of every scheduled import (unscheduled ones need neither). */
export function gatherScheduleFacts(store: KeyValueStore, definitions: readonly ImportDefinition[]): ScheduleFacts {
  const facts: ScheduleFacts = { states: {}, lastSuccessAt: {} };
  for (const definition of definitions) {
    if (!isScheduled(definition.schedule)) continue;
    facts.states[definition.id] = readImportState(store, definition.id);
    const success = lastSuccessfulRun(store, definition.id);
    const endedAt = success ? runEndedAt(success) : undefined;
    if (endedAt !== undefined) facts.lastSuccessAt[definition.id] = endedAt;
  }
  return facts;
}

/** A context with no viewer: for text every collaborator reads (no one's trigger or quota in it). */
export function sharedScheduleContext(
  store: KeyValueStore,
  definitions: readonly ImportDefinition[],
  timeZone: string,
): ScheduleContext {
  return { timeZone, runtimeUsedMs: 0, ...gatherScheduleFacts(store, definitions) };
}
