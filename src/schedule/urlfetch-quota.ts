// The daily UrlFetch quota: calls this user's executions sent, in Google's rolling 24-hour window, and schedule sizing.
import { urlFetchNearLimitSentence } from '../errors';
import type { HttpPort } from '../ports/http';
import { type KeyValueStore, writeJson } from '../ports/store';
import type { ScheduleSpec } from '../shared/types';
import { currentWindow, DAY_MS } from './rolling-window';

/** Consumer accounts get 20,000 calls a day (Workspace 100,000); the add-on cannot tell which, so it assumes the smaller. */
export const DAILY_URLFETCH_CALLS = 20_000;
/** A schedule may plan on at most half the day's calls, leaving the rest for manual runs and other add-ons. */
export const SCHEDULE_URLFETCH_SHARE = DAILY_URLFETCH_CALLS / 2;

/** Past this share of the day's calls the user is warned, before runs start failing with QUOTA. */
export const URLFETCH_WARNING_SHARE = 0.8;

/** UserProperties, shared by all of the user's spreadsheets, like the quota itself. */
const URLFETCH_KEY = 'quota.urlfetch';

interface CallWindow {
  /** Google resets the quota 24 hours after the first use in a window (the user's day). */
  startedAt: number;
  calls: number;
}

/** UrlFetch calls this user sent in the current window. */
export function urlFetchCallsToday(user: KeyValueStore, now: number): number {
  return currentWindow<CallWindow>(user, URLFETCH_KEY, now)?.calls ?? 0;
}

/** The catalogue's warning once today's calls reach URLFETCH_WARNING_SHARE of the assumed quota; else undefined. */
export function urlFetchWarning(calls: number): string | undefined {
  if (calls < DAILY_URLFETCH_CALLS * URLFETCH_WARNING_SHARE) return undefined;
  return urlFetchNearLimitSentence(calls, DAILY_URLFETCH_CALLS);
}

/**
 * Counts what the product sends, before sending it: Google counts a call that then fails too, and an execution
 * killed mid-batch must not lose the count. The window is read once per client and written once per batch.
 */
export function countingHttp(http: HttpPort, user: KeyValueStore, now: () => number): HttpPort {
  let window: CallWindow | null | undefined;
  const count = (calls: number): void => {
    const at = now();
    if (window === undefined || (window && at >= window.startedAt + DAY_MS)) {
      window = currentWindow<CallWindow>(user, URLFETCH_KEY, at);
    }
    window = { startedAt: window?.startedAt ?? at, calls: (window?.calls ?? 0) + calls };
    try {
      writeJson(user, URLFETCH_KEY, window);
    } catch {
      // Bookkeeping: a full store must never stop the import it counts; Google's own error still stops a run.
    }
  };
  return {
    fetch(request) {
      count(1);
      return http.fetch(request);
    },
    fetchAll(requests) {
      if (requests.length > 0) count(requests.length);
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
