// The base a changes-only run merges into (state sheet `incremental.<importId>`): where the last result's staged
// rows are (an append log), which definition made them, and when the last run and the last full run started.
import { type KeyValueStore, readJson, writeJson } from '../ports/store';

export interface IncrementalBase {
  version: 1;
  /** The plan fingerprint of the definition whose result the base holds. */
  fingerprint: string;
  /**
   * The hidden base sheet `_lever_base_<importId>` and its data rows (below the header): an append log, whose rows
   * past `rows` are ignored (what a killed append left) and overwritten by the next append.
   */
  sheetId: number;
  rows: number;
  width: number;
  /** Start of the last successful run (full or changes): the next changes run reads from here, less the overlap. */
  runStartedAtMs: number;
  /** Start of the last successful full run: the cadence counts from here. */
  fullAtMs: number;
}

export const baseKey = (importId: string) => `incremental.${importId}`;

export function loadIncrementalBase(store: KeyValueStore, importId: string): IncrementalBase | null {
  const base = readJson<IncrementalBase>(store, baseKey(importId));
  return base && base.version === 1 ? base : null;
}

export function saveIncrementalBase(store: KeyValueStore, importId: string, base: IncrementalBase): void {
  writeJson(store, baseKey(importId), base);
}

export function deleteIncrementalBase(store: KeyValueStore, importId: string): void {
  store.delete(baseKey(importId));
}

/**
 * An import switched to full runs only (state key `incremental.fullOnly.<importId>`): a full run found records that
 * differ from the base although Lever did not report them changed, so changes-only runs cannot be exact for it.
 */
export interface FullOnlyMark {
  /** When the drift was found, and how many records had drifted. */
  atMs: number;
  records: number;
}

const fullOnlyKey = (importId: string) => `incremental.fullOnly.${importId}`;

export function loadFullOnly(store: KeyValueStore, importId: string): FullOnlyMark | null {
  return readJson<FullOnlyMark>(store, fullOnlyKey(importId));
}

export function saveFullOnly(store: KeyValueStore, importId: string, mark: FullOnlyMark): void {
  writeJson(store, fullOnlyKey(importId), mark);
}

export function deleteFullOnly(store: KeyValueStore, importId: string): void {
  store.delete(fullOnlyKey(importId));
}
