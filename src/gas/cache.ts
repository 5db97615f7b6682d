// The running user's CacheService cache behind the cache port: private to the user, so nothing leaks across users.
import type { CachePort } from '../ports/cache';

export function userCache(): CachePort {
  const cache = CacheService.getUserCache();
  return {
    // A cache is an optimisation: a failed read is a miss, and a value it refuses (over 100 KB) is fetched again.
    get: (key) => {
      try {
        return cache.get(key);
      } catch (_error) {
        return null;
      }
    },
    put: (key, value, seconds) => {
      try {
        cache.put(key, value, seconds);
      } catch (_error) {}
    },
  };
}
