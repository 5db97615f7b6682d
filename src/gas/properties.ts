// Key-value stores over PropertiesService: the user's store (secrets) and the document's store (shared settings).

export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
  keys(): string[];
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

/** The document's store, shared by every collaborator: definitions, run records, checkpoints. Never secrets. */
export function documentStore(): KeyValueStore {
  const props = PropertiesService.getDocumentProperties();
  if (!props) throw new Error('Document properties are unavailable outside a spreadsheet.');
  return wrap(props);
}

/**
 * The document's store read with ONE getProperties call, for paths that read many keys (the sidebar's state):
 * reads come from that copy, writes go through to the real store. Not for long runs: another execution's
 * writes after the copy was taken are not seen.
 */
export function documentSnapshot(): KeyValueStore {
  const props = PropertiesService.getDocumentProperties();
  if (!props) throw new Error('Document properties are unavailable outside a spreadsheet.');
  const copy = memoryStore(props.getProperties());
  const real = wrap(props);
  return {
    get: copy.get,
    keys: copy.keys,
    set: (key, value) => {
      real.set(key, value);
      copy.set(key, value);
    },
    delete: (key) => {
      real.delete(key);
      copy.delete(key);
    },
  };
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
