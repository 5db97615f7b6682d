// CacheService: string caches per document, user and script, with expiry on the virtual clock and eviction.
import type { EmulatorCore } from '../core';
import type { Execution } from '../runtime/execution';
import { expectArgs, strictObject } from './strict';

const MAX_KEY_CHARS = 250;
const MAX_VALUE_BYTES = 100 * 1024;
const MAX_ITEMS = 1000;
const KEPT_AFTER_OVERFLOW = 900;
const DEFAULT_TTL_S = 600;
const MAX_TTL_S = 21600;

interface Entry {
  value: string;
  expiresAt: number;
}

/** All caches of one emulator. Keys: 'document:<id>', 'user:<email>', 'script'. */
export class CacheData {
  readonly caches = new Map<string, Map<string, Entry>>();

  cache(scope: string): Map<string, Entry> {
    let cache = this.caches.get(scope);
    if (!cache) {
      cache = new Map();
      this.caches.set(scope, cache);
    }
    return cache;
  }
}

export function createCacheService(exec: Execution, core: EmulatorCore): object {
  const open = (method: string, scope: string | null) => {
    exec.requireAuthorized(`CacheService.${method}`);
    exec.call(`CacheService.${method}`);
    return scope === null ? null : createCache(exec, core, core.caches.cache(scope));
  };
  return strictObject(exec, 'CacheService', {
    getDocumentCache: () => open('getDocumentCache', exec.documentId ? `document:${exec.documentId}` : null),
    getUserCache: () => open('getUserCache', `user:${exec.user}`),
    getScriptCache: () => open('getScriptCache', 'script'),
  });
}

/** One cache's rules on top of its entries: key and value limits, expiry on the virtual clock, early eviction. */
class CacheAccess {
  constructor(
    private readonly exec: Execution,
    private readonly core: EmulatorCore,
    private readonly entries: Map<string, Entry>,
  ) {}

  /** Checks the arguments and counts the call `CacheService.Cache.<method>`. */
  enter(method: string, args: unknown[], valid: boolean): void {
    const name = `CacheService.Cache.${method}`;
    expectArgs(this.exec, name, args, valid);
    this.exec.call(name);
  }

  ttlMs(seconds: unknown): number {
    if (seconds === undefined) return DEFAULT_TTL_S * 1000;
    if (typeof seconds !== 'number' || seconds < 1 || seconds > MAX_TTL_S) {
      throw this.exec.exception('Invalid argument: expirationInSeconds');
    }
    return seconds * 1000;
  }

  store(key: string, value: unknown, ms: number): void {
    this.checkKey(key);
    if (typeof value !== 'string') throw this.exec.exception('Invalid argument: value');
    if (Buffer.byteLength(value, 'utf8') > MAX_VALUE_BYTES) throw this.exec.exception('Argument too large: value');
    this.entries.set(key, { value, expiresAt: this.exec.now() + ms });
    evictOverflow(this.entries);
  }

  read(key: string): string | null {
    this.checkKey(key);
    const entry = this.entries.get(key);
    if (!entry) return null;
    // Google calls expiry "only a suggestion": items may vanish early, so callers must survive a miss.
    if (entry.expiresAt <= this.exec.now() || this.core.random.next() < this.core.limits.cacheEvictionProbability) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  remove(key: string): void {
    this.entries.delete(key);
  }

  private checkKey(key: string): void {
    if (key.length > MAX_KEY_CHARS) throw this.exec.exception('Argument too large: key');
  }
}

function createCache(exec: Execution, core: EmulatorCore, entries: Map<string, Entry>): object {
  const cache = new CacheAccess(exec, core, entries);
  const withTtl = (args: unknown[], seconds: unknown) => (seconds === undefined ? args : [...args, seconds]);
  return strictObject(exec, 'CacheService.Cache', {
    get(key: unknown) {
      cache.enter('get', [key], typeof key === 'string');
      return cache.read(key as string);
    },
    getAll(keys: unknown) {
      cache.enter('getAll', [keys], isStringArray(keys));
      const hits = (keys as string[])
        .map((key) => [key, cache.read(key)] as const)
        .filter(([, value]) => value !== null);
      return exec.toRealm(Object.fromEntries(hits));
    },
    put(key: unknown, value: unknown, seconds?: unknown) {
      cache.enter('put', withTtl([key, value], seconds), typeof key === 'string' && typeof value === 'string');
      cache.store(key as string, value, cache.ttlMs(seconds));
    },
    putAll(values: unknown, seconds?: unknown) {
      cache.enter('putAll', withTtl([values], seconds), isPlainObject(values));
      const ms = cache.ttlMs(seconds);
      for (const [key, value] of Object.entries(values as object)) cache.store(key, value, ms);
    },
    remove(key: unknown) {
      cache.enter('remove', [key], typeof key === 'string');
      cache.remove(key as string);
    },
    removeAll(keys: unknown) {
      cache.enter('removeAll', [keys], isStringArray(keys));
      for (const key of keys as string[]) cache.remove(key);
    },
  });
}

/** Past 1000 items Google keeps the 900 farthest from expiry. */
function evictOverflow(cache: Map<string, Entry>): void {
  if (cache.size <= MAX_ITEMS) return;
  const byExpiry = [...cache.entries()].sort((a, b) => b[1].expiresAt - a[1].expiresAt);
  for (const [key] of byExpiry.slice(KEPT_AFTER_OVERFLOW)) cache.delete(key);
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
