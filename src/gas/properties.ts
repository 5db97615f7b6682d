// Key-value stores: the user's own (PropertiesService, secrets) and the document's shared state (a hidden sheet).
import type { KeyValueStore } from '../ports/store';
import { currentDocument, stateStore } from './state-sheet';

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

/** Document properties where Google still gives them (the old home of the state): read-only, else null. */
export function legacyDocumentProperties(): KeyValueStore | null {
  try {
    const props = PropertiesService.getDocumentProperties();
    return props ? { get: (k) => props.getProperty(k), set: () => {}, delete: () => {}, keys: () => [] } : null;
  } catch {
    return null;
  }
}
