// The `newest-runs` and `unordered` readings of list order (unknowns 1): the matching window of the newest-first
// index re-sorted per query, with keyset cursors so a token stays bound to its query and its place in that order.

import type { Dated } from './created-index';
import type { Cursor, OrderedSource } from './pagination';
import type { ListOrderReading } from './readings';

// Bound once: under Jest each global lookup (`Math`) in a hot loop goes through the vm context's global, ~20x slower.
const { imul } = Math;

/** Runs of `newest-runs`: a record's run is fixed by its id, so the runs are the same in every query. */
export const NEWEST_RUNS = 3;
const MAX_CACHED = 32;

interface Keyed {
  a: number;
  b: number;
  id: string;
}

function compareKeys(x: Keyed, y: Keyed): number {
  if (x.a !== y.a) return x.a - y.a;
  if (x.b !== y.b) return x.b - y.b;
  return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}

/** The run (0-based) a record falls in under `newest-runs`. */
export function runOf(id: string): number {
  return fnv1a(`run:${id}`) % NEWEST_RUNS;
}

function keyOf(order: Exclude<ListOrderReading, 'newest-first'>, query: string, item: Dated): Keyed {
  return order === 'unordered'
    ? { a: fnv1a(`${query}|${item.id}`), b: 0, id: item.id }
    : { a: runOf(item.id), b: -item.createdAt, id: item.id };
}

/** A source over `source`'s window in the reading's order; `query` (canonical, without paging) seeds it. */
export function reorderSource<T extends Dated>(
  source: OrderedSource<T>,
  order: Exclude<ListOrderReading, 'newest-first'>,
  query: string,
): OrderedSource<T> {
  const marker = order === 'unordered' ? 2 : 3;
  const keyed = source.items
    .slice(source.from, Math.min(source.to, source.items.length))
    .map((item) => ({ item, key: keyOf(order, query, item), createdAt: item.createdAt }))
    .sort((x, y) => compareKeys(x.key, y.key));
  const items = keyed.map((entry) => entry.item);
  return {
    items,
    from: 0,
    to: items.length,
    seek: (cursor: Cursor) => {
      const [mark, a, b, id] = cursor;
      if (cursor.length !== 4 || mark !== marker || typeof a !== 'number' || typeof b !== 'number') return null;
      if (typeof id !== 'string') return null;
      const after = { a, b, id };
      let low = 0;
      let high = keyed.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (compareKeys(keyed[mid].key, after) <= 0) low = mid + 1;
        else high = mid;
      }
      return low;
    },
    cursorOf: (_item, position) => {
      const { a, b, id } = keyed[position].key;
      return [marker, a, b, id];
    },
    isStaleAt: (position) => keyed[position].createdAt !== keyed[position].item.createdAt,
  };
}

/** Re-sorted windows by query, order and dataset version (a page of a long query does not sort it again). */
export class ReorderCache {
  private readonly entries = new Map<string, OrderedSource<Dated>>();

  get<T extends Dated>(
    source: OrderedSource<T>,
    order: Exclude<ListOrderReading, 'newest-first'>,
    query: string,
    version: number,
  ): OrderedSource<T> {
    const key = `${order}|${version}|${query}`;
    const cached = this.entries.get(key);
    if (cached) {
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached as unknown as OrderedSource<T>;
    }
    const built = reorderSource(source, order, query);
    this.entries.set(key, built as unknown as OrderedSource<Dated>);
    if (this.entries.size > MAX_CACHED) this.entries.delete(this.entries.keys().next().value as string);
    return built;
  }
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
