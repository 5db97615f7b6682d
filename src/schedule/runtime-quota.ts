// The daily trigger-runtime quota: dispatcher execution time per user, in Google's rolling 24-hour window.
import { type KeyValueStore, writeJson } from '../ports/store';
import { currentWindow } from './rolling-window';

/** Consumer accounts get 90 minutes of trigger time a day (Workspace 6 hours); the smaller one is assumed. */
export const DAILY_TRIGGER_RUNTIME_MS = 90 * 60_000;
export const RUNTIME_WARNING_MS = 60 * 60_000;
/** One firing can last a whole execution (6 minutes); past this no new work starts, so none is cut off midway. */
export const NEW_WORK_CEILING_MS = DAILY_TRIGGER_RUNTIME_MS - 6 * 60_000;

/** UserProperties, shared by all of the user's spreadsheets, like the quota itself. */
const RUNTIME_KEY = 'schedule.runtime';

interface RuntimeWindow {
  /** Google resets the quota 24 hours after the first use in a window. */
  startedAt: number;
  usedMs: number;
}

/** Trigger time this user's dispatcher executions used in the current window, ms. */
export function runtimeUsedMs(user: KeyValueStore, now: number): number {
  return currentWindow<RuntimeWindow>(user, RUNTIME_KEY, now)?.usedMs ?? 0;
}

/** Adds one execution's duration; `startedAt` opens a new window when the previous one has expired. */
export function recordRuntime(user: KeyValueStore, durationMs: number, startedAt: number, now: number): void {
  const window = currentWindow<RuntimeWindow>(user, RUNTIME_KEY, now) ?? { startedAt, usedMs: 0 };
  writeJson(user, RUNTIME_KEY, { startedAt: window.startedAt, usedMs: window.usedMs + Math.max(0, durationMs) });
}

/** Records one execution's trigger time in steps; each `record` adds only the time since the previous one. */
export interface RuntimeMeter {
  record(): void;
}

/**
 * Google may kill an execution (6 minutes) in the middle of a commit, and a killed execution runs no `finally`:
 * recording before the commit as well as at the end loses at most the commit's time, never the whole execution.
 */
export function runtimeMeter(user: KeyValueStore, startedAt: number, now: () => number): RuntimeMeter {
  let recordedThrough = startedAt;
  return {
    record: () => {
      const at = now();
      recordRuntime(user, at - recordedThrough, startedAt, at);
      recordedThrough = at;
    },
  };
}

export function mayStartWork(usedMs: number): boolean {
  return usedMs < NEW_WORK_CEILING_MS;
}

function minutes(ms: number): number {
  return Math.round(ms / 60_000);
}

/** A sentence for the sidebar once the day's trigger time is above the warning level. */
export function runtimeWarning(usedMs: number): string | undefined {
  if (usedMs <= RUNTIME_WARNING_MS) return undefined;
  const used = `Scheduled runs used ${minutes(usedMs)} of Google's ${minutes(DAILY_TRIGGER_RUNTIME_MS)} minutes of trigger time today.`;
  return mayStartWork(usedMs)
    ? `${used} Near the limit, scheduled imports wait for the next day.`
    : `${used} Scheduled imports wait until the limit resets, then run once.`;
}

export function quotaSkipMessage(usedMs: number): string {
  return (
    `Google's daily limit for scheduled runs is nearly used (${minutes(usedMs)} of ` +
    `${minutes(DAILY_TRIGGER_RUNTIME_MS)} minutes), so this run waits; it runs once when the limit resets.`
  );
}
