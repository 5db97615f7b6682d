// Change tracking for a mutable dataset: its arrays become Proxies that bump a version on any write, so the
// simulator's sorted indexes and id maps are rebuilt only when records are added, removed or replaced.
// Field edits inside a record are not tracked; the simulator reads those live on every request.

import type { LeverDataset } from './types';

export const DATASET_ARRAYS = [
  'opportunities',
  'requisitions',
  'stages',
  'users',
  'archiveReasons',
  'postings',
  'requisitionFields',
  'applications',
  'sources',
  'tags',
] as const;

export type DatasetArrayName = (typeof DATASET_ARRAYS)[number];

type ArrayOf<K extends DatasetArrayName> = NonNullable<LeverDataset[K]>;

/** The watcher behind a dataset: its version and the raw (unproxied) arrays for fast reads. */
export interface DatasetWatch {
  version(): number;
  raw<K extends DatasetArrayName>(name: K): ArrayOf<K>;
  /** The raw array, or undefined when the dataset leaves that optional list out. */
  given<K extends DatasetArrayName>(name: K): ArrayOf<K> | undefined;
  /** Forces a rebuild of everything derived from the dataset (e.g. after an in-place createdAt edit). */
  bump(): void;
}

const watches = new WeakMap<LeverDataset, DatasetWatch>();

/** Watches `dataset` in place (idempotent) and returns its watcher. */
export function watchDataset(dataset: LeverDataset): DatasetWatch {
  const existing = watches.get(dataset);
  if (existing) return existing;
  let version = 0;
  const bump = () => {
    version++;
  };
  const raw = new Map<DatasetArrayName, unknown[] | undefined>();
  for (const name of DATASET_ARRAYS) installAccessor(dataset, name, raw, bump);
  const watch: DatasetWatch = {
    version: () => version,
    raw: <K extends DatasetArrayName>(name: K) => (raw.get(name) ?? []) as ArrayOf<K>,
    given: <K extends DatasetArrayName>(name: K) => raw.get(name) as ArrayOf<K> | undefined,
    bump,
  };
  watches.set(dataset, watch);
  return watch;
}

function installAccessor(
  dataset: LeverDataset,
  name: DatasetArrayName,
  raw: Map<DatasetArrayName, unknown[] | undefined>,
  bump: () => void,
): void {
  let proxy: unknown[] | undefined;
  const assign = (value: unknown[] | undefined) => {
    raw.set(name, value);
    proxy = Array.isArray(value) ? watchArray(value, bump) : value;
  };
  assign(dataset[name] as unknown[] | undefined);
  Object.defineProperty(dataset, name, {
    configurable: true,
    enumerable: true,
    get: () => proxy,
    set: (value: unknown[] | undefined) => {
      assign(value);
      bump();
    },
  });
}

function watchArray<T>(array: T[], bump: () => void): T[] {
  return new Proxy(array, {
    set(target, property, value) {
      bump();
      return Reflect.set(target, property, value);
    },
    deleteProperty(target, property) {
      bump();
      return Reflect.deleteProperty(target, property);
    },
    defineProperty(target, property, descriptor) {
      bump();
      return Reflect.defineProperty(target, property, descriptor);
    },
  });
}
