// A list sorted in Lever's order (createdAt descending, then id ascending) with binary searches for keyset
// cursors and created-at windows, rebuilt only when the dataset's version changes.

import type { Cursor, OrderedSource } from './pagination';

export interface Dated {
  id: string;
  createdAt: number;
}

export function compareCreatedOrder(a: Dated, b: Dated): number {
  if (a.createdAt !== b.createdAt) return b.createdAt - a.createdAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export class CreatedOrderIndex<T extends Dated> {
  private items: T[] = [];
  private keys = new Float64Array(0);
  private builtFor = -1;

  /** The sorted records for `version`, sorting `source` again only when the version moved. */
  sorted(source: readonly T[], version: number): readonly T[] {
    if (version !== this.builtFor) {
      this.items = [...source].sort(compareCreatedOrder);
      this.keys = Float64Array.from(this.items, (item) => item.createdAt);
      this.builtFor = version;
    }
    return this.items;
  }

  /** True when a record's createdAt was edited in place since the sort (the index is then stale). */
  isStaleAt(position: number): boolean {
    return this.items[position].createdAt !== this.keys[position];
  }

  /** First position strictly after the record keyed (createdAt, id) in list order. */
  positionAfter(createdAt: number, id: string): number {
    return this.search((item, key) => key > createdAt || (key === createdAt && item.id <= id));
  }

  /** First position whose createdAt is at or before `ms` (the start of a created_at_end window). */
  firstAtOrBefore(ms: number): number {
    return this.search((_item, key) => key > ms);
  }

  /** First position whose createdAt is before `ms` (the end, exclusive, of a created_at_start window). */
  firstBefore(ms: number): number {
    return this.search((_item, key) => key >= ms);
  }

  /** Binary search for the first position where `isBefore` turns false (it must be monotone over the list). */
  private search(isBefore: (item: T, key: number) => boolean): number {
    let low = 0;
    let high = this.items.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (isBefore(this.items[mid], this.keys[mid])) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/** The window of `index` (already sorted) for a created-at range, with cursors `[1, createdAt, id]`. */
export function createdSource<T extends Dated>(
  index: CreatedOrderIndex<T>,
  items: readonly T[],
  window: { createdFrom?: number; createdTo?: number },
): OrderedSource<T> {
  return {
    items,
    from: window.createdTo === undefined ? 0 : index.firstAtOrBefore(window.createdTo),
    to: window.createdFrom === undefined ? items.length : index.firstBefore(window.createdFrom),
    seek: (cursor: Cursor) => {
      const [marker, createdAt, id] = cursor;
      if (cursor.length !== 3 || marker !== 1 || typeof createdAt !== 'number' || typeof id !== 'string') return null;
      return index.positionAfter(createdAt, id);
    },
    cursorOf: (item) => [1, item.createdAt, item.id],
    isStaleAt: (position) => index.isStaleAt(position),
  };
}
