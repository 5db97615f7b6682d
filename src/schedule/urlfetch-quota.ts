// The daily UrlFetch quota: calls this user's executions sent, in Google's rolling 24-hour window, and schedule sizing.
import type { HttpPort } from '../ports/http';
import { type KeyValueStore, readJson, writeJson } from '../ports/store';
import type { ScheduleSpec } from '../shared/types';

/** Consumer accounts get 20,000 calls a day (Workspace 100,000); the add-on cannot tell which, so it assumes the smaller. */
export const DAILY_URLFETCH_CALLS = 20_000;
/** A schedule may plan on at most half the day's calls, leaving the rest for manual runs and other add-ons. */
export const SCHEDULE_URLFETCH_SHARE = DAILY_URLFETCH_CALLS / 2;

const DAY_MS = 24 * 3_600_000;
/** UserProperties, shared by all of the user's spreadsheets, like the quota itself. */
const URLFETCH_KEY = 'quota.urlfetch';

interface CallWindow {
  /** Google resets the quota 24 hours after the first use in a window (the user's day). */
  startedAt: number;
  calls: number;
}

function currentWindow(user: KeyValueStore, now: number): CallWindow | null {
  const window = readJson<CallWindow>(user, URLFETCH_KEY);
  if (!window || typeof window.startedAt !== 'number' || now >= window.startedAt + DAY_MS) return null;
  return window;
}

/** UrlFetch calls this user sent in the current window. */
export function urlFetchCallsToday(user: KeyValueStore, now: number): number {
  return currentWindow(user, now)?.calls ?? 0;
}

export function recordUrlFetchCalls(user: KeyValueStore, calls: number, now: number): void {
  const window = currentWindow(user, now) ?? { startedAt: now, calls: 0 };
  writeJson(user, URLFETCH_KEY, { startedAt: window.startedAt, calls: window.calls + calls });
}

/** The count is bookkeeping: a full or unwritable store must never stop the import it counts. */
function tryRecord(user: KeyValueStore, calls: number, now: number): void {
  try {
    recordUrlFetchCalls(user, calls, now);
  } catch {
    // Google's own quota error still stops a run that passes the limit.
  }
}

/**
 * Counts what the product sends, before sending it: Google counts a call that then fails too, and an execution
 * killed mid-batch must not lose the count. One property write per batch, not per request.
 */
export function countingHttp(http: HttpPort, user: KeyValueStore, now: () => number): HttpPort {
  return {
    fetch(request) {
      tryRecord(user, 1, now());
      return http.fetch(request);
    },
    fetchAll(requests) {
      if (requests.length > 0) tryRecord(user, requests.length, now());
      return http.fetchAll(requests);
    },
  };
}

/** Slots a day on average (a weekly schedule counts a seventh). */
export function runsPerDay(spec: ScheduleSpec): number {
  switch (spec.kind) {
    case 'hourly':
      return Math.ceil(24 / (spec.everyHours ?? 1));
    case 'daily':
      return 1;
    case 'weekly':
      return 1 / 7;
    default:
      return 0;
  }
}

/** Calls a day the schedule would send, from the import's last run; 0 when it has not run yet. */
export function expectedCallsPerDay(spec: ScheduleSpec, lastRunRequests: number): number {
  return Math.ceil(Math.max(0, lastRunRequests) * runsPerDay(spec));
}

export function exceedsScheduleShare(spec: ScheduleSpec, lastRunRequests: number): boolean {
  return expectedCallsPerDay(spec, lastRunRequests) > SCHEDULE_URLFETCH_SHARE;
}
