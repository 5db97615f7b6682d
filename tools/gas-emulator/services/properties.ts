// PropertiesService: user stores (per user, across documents), document stores (per document) and the script store.
import type { EmulatorCore } from '../core';
import type { Execution } from '../runtime/execution';
import { expectArgs, strictObject } from './strict';

const QUOTA_MESSAGE = 'You have exceeded the property storage quota. Please remove some properties and try again.';
const MAX_ENTRY_BYTES = 9 * 1024;
const MAX_STORE_BYTES = 500 * 1024;

/** Every property store of one emulator; survives across executions. */
export class PropertyData {
  readonly users = new Map<string, Map<string, string>>();
  readonly documents = new Map<string, Map<string, string>>();
  readonly script = new Map<string, string>();

  userStore(email: string): Map<string, string> {
    return getOrCreate(this.users, email);
  }

  documentStore(id: string): Map<string, string> {
    return getOrCreate(this.documents, id);
  }
}

function getOrCreate(stores: Map<string, Map<string, string>>, key: string): Map<string, string> {
  let store = stores.get(key);
  if (!store) {
    store = new Map();
    stores.set(key, store);
  }
  return store;
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function storeBytes(entries: Iterable<[string, string]>): number {
  let total = 0;
  for (const [key, value] of entries) total += bytes(key) + bytes(value);
  return total;
}

export function createPropertiesService(exec: Execution, core: EmulatorCore): object {
  const open = (method: string, store: () => Map<string, string> | null) => {
    exec.requireAuthorized(`PropertiesService.${method}`);
    exec.call(`PropertiesService.${method}`, { kind: 'properties' });
    const data = store();
    return data ? createProperties(exec, core, data) : null;
  };
  return strictObject(exec, 'PropertiesService', {
    getUserProperties: () => open('getUserProperties', () => core.properties.userStore(exec.user)),
    getScriptProperties: () => open('getScriptProperties', () => core.properties.script),
    getDocumentProperties: () =>
      open('getDocumentProperties', () => (exec.documentId ? core.properties.documentStore(exec.documentId) : null)),
  });
}

/** One store's rules: argument checks, metering, the daily operation quota and the storage limits. */
class PropertyAccess {
  constructor(
    private readonly exec: Execution,
    private readonly core: EmulatorCore,
    readonly data: Map<string, string>,
  ) {}

  enter(method: string, args: unknown[], valid = true): void {
    const name = `PropertiesService.Properties.${method}`;
    expectArgs(this.exec, name, args, valid);
    this.exec.requireAuthorized(name);
    this.exec.call(name, { kind: 'properties' });
    if (!this.core.quotas.tryUse(this.exec.user, 'properties', 1, this.core.limits.dailyPropertyOperations)) {
      throw this.exec.exception('Service invoked too many times for one day: properties.');
    }
  }

  /** Replaces the store with `next` only if every changed entry and the whole store fit Google's limits. */
  commit(next: Map<string, string>): void {
    for (const [key, value] of next) {
      const changed = this.data.get(key) !== value;
      if (changed && bytes(key) + bytes(value) > MAX_ENTRY_BYTES) throw this.exec.exception(QUOTA_MESSAGE);
    }
    if (storeBytes(next) > MAX_STORE_BYTES) throw this.exec.exception(QUOTA_MESSAGE);
    this.data.clear();
    for (const [key, value] of next) this.data.set(key, value);
  }
}

function createProperties(exec: Execution, core: EmulatorCore, data: Map<string, string>): object {
  const store = new PropertyAccess(exec, core, data);
  const chain = (change: () => void) => {
    change();
    return properties;
  };
  const properties: object = strictObject(exec, 'PropertiesService.Properties', {
    getProperty(key: unknown) {
      store.enter('getProperty', [key], typeof key === 'string');
      return data.get(key as string) ?? null;
    },
    getProperties() {
      store.enter('getProperties', []);
      return exec.toRealm(Object.fromEntries(data));
    },
    getKeys() {
      store.enter('getKeys', []);
      return exec.toRealm([...data.keys()]);
    },
    setProperty(key: unknown, value: unknown) {
      store.enter('setProperty', [key, value], typeof key === 'string' && value !== undefined);
      return chain(() => store.commit(new Map(data).set(key as string, String(value))));
    },
    setProperties(values: unknown, deleteAllOthers?: unknown) {
      const args = deleteAllOthers === undefined ? [values] : [values, deleteAllOthers];
      store.enter(
        'setProperties',
        args,
        isPlainObject(values) && ['undefined', 'boolean'].includes(typeof deleteAllOthers),
      );
      const next = deleteAllOthers === true ? new Map<string, string>() : new Map(data);
      for (const [key, value] of Object.entries(values as object)) next.set(key, String(value));
      return chain(() => store.commit(next));
    },
    deleteProperty(key: unknown) {
      store.enter('deleteProperty', [key], typeof key === 'string');
      return chain(() => data.delete(key as string));
    },
    deleteAllProperties() {
      store.enter('deleteAllProperties', []);
      return chain(() => data.clear());
    },
  });
  return properties;
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
