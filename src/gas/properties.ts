// Key-value stores: the user's own (PropertiesService, secrets) and the document's shared state (a hidden sheet).
import { currentDocument, stateStore } from './state-sheet';

export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
  keys(): string[];
  /** Stores that cache reads (the state sheet) read again here, for decisions another execution may change. */
  refresh?(): void;
}

function wrap(props: GoogleAppsScript.Properties.Properties): KeyValueStore {
  return {
    get: (key) => props.getProperty(key),
    set: (key, value) => {
      props.setProperty(key, value);
    },
    delete: (key) => {
      props.deleteProperty(key);
    },
    keys: () => props.getKeys(),
  };
}

/** The running user's own store: the only place the Lever API key may live. */
export function userStore(): KeyValueStore {
  return wrap(PropertiesService.getUserProperties());
}

/**
 * The document's store, shared by every collaborator and trigger: definitions, run records, checkpoints. Never
 * secrets. It lives in the spreadsheet's hidden state sheet (state-sheet.ts), read once per execution and written
 * through, so a clock trigger with no document context reaches it too.
 */
export function documentStore(): KeyValueStore {
  return stateStore(currentDocument());
}

/** The same store: the state sheet is always read in one call (kept for callers that read many keys). */
export function documentSnapshot(): KeyValueStore {
  return documentStore();
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
