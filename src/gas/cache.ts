// The running user's CacheService cache behind the cache port: private to the user, so nothing leaks across users.
import type { CachePort } from '../ports/cache';

export function userCache(): CachePort {
  const cache = CacheService.getUserCache();
  return {
    get: (key) => cache.get(key),
    put: (key, value, seconds) => {
      // A cache is an optimisation: a value it refuses (over 100 KB) is fetched again next time.
      try {
        cache.put(key, value, seconds);
      } catch (_error) {}
    },
  };
}
