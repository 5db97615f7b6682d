// The key-value store port (user properties, the document's state sheet) and its JSON helpers.

/** The hidden sheet that holds the document's store: the domain must never touch it as a sheet of its own. */
export const STATE_SHEET_NAME = '_lever_state';

/** The record of the document's import lease (src/gas/lock.ts). */
export const LEASE_KEY = 'lease';

export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
  keys(): string[];
  /** Stores that cache reads (the state sheet) read again here, for decisions another execution may change. */
  refresh?(): void;
  /**
   * Keys the document will write soon: a store that appends a row per new key (the state sheet) gives them their
   * rows with its next append, so their first writes are updates. A hint; stores may ignore it.
   */
  reserve?(keys: readonly string[]): void;
  /** Writes made inside `work` may land together at its end (fewer calls); stores without it write through. */
  batch?<T>(work: () => T): T;
  /**
   * Runs `work` inside the lock every execution's writes of this store respect, on a fresh read, and lands its writes
   * before the lock is released: a read-modify-write in it can neither read a stale value nor undo another
   * execution's write. Stores one execution has to itself (memory, a user's own properties) need none.
   */
  exclusive?<T>(work: () => T): T;
}

/** Runs `work` with the store's writes held to its end where the store can (see KeyValueStore.batch). */
export function batched<T>(store: KeyValueStore, work: () => T): T {
  return store.batch ? store.batch(work) : work();
}

/** Runs `work` as one atomic read-modify-write where the store can (see KeyValueStore.exclusive). */
export function exclusively<T>(store: KeyValueStore, work: () => T): T {
  return store.exclusive ? store.exclusive(work) : work();
}

export function readJson<T>(store: KeyValueStore, key: string): T | null {
  const raw = store.get(key);
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export function writeJson(store: KeyValueStore, key: string, value: unknown): void {
  store.set(key, JSON.stringify(value));
}

/** An in-memory store with the same interface, for unit tests and pure callers. */
export function memoryStore(initial: Record<string, string> = {}): KeyValueStore {
  const data = new Map(Object.entries(initial));
  return {
    get: (key) => data.get(key) ?? null,
    set: (key, value) => {
      data.set(key, String(value));
    },
    delete: (key) => {
      data.delete(key);
    },
    keys: () => [...data.keys()],
  };
}
