// Google's daily quotas reset 24 hours after the first use in a window: one stored window per quota and user.
import { type KeyValueStore, readJson } from '../ports/store';

export const DAY_MS = 24 * 3_600_000;

/** The window stored under `key`, or null when none is stored or it has expired by `now`. */
export function currentWindow<T extends { startedAt: number }>(
  store: KeyValueStore,
  key: string,
  now: number,
): T | null {
  const window = readJson<T>(store, key);
  if (!window || typeof window.startedAt !== 'number' || now >= window.startedAt + DAY_MS) return null;
  return window;
}
