// Keyset pagination: opaque URL-encoded JSON offset tokens bound to a hash of the query, and page scans over an
// ordered source so a page costs O(log n + records scanned) whatever the records added or removed in between.

import { invalidOffset } from './errors';
import type { QueryParams } from './params';

// Bound once: under Jest each global lookup (`Math`) in a hot loop goes through the vm context's global, ~20x slower.
const { imul } = Math;

export type Cursor = ReadonlyArray<string | number>;

/** Records in API order with the window the query may touch, and how to map cursors to positions. */
export interface OrderedSource<T> {
  items: readonly T[];
  /** Inclusive start and exclusive end of the window (e.g. a created_at range). */
  from: number;
  to: number;
  /** First position after `cursor`, or null when the cursor has the wrong shape for this source. */
  seek(cursor: Cursor): number | null;
  cursorOf(item: T, position: number): Cursor;
  /** Set when records can change their sort key in place; a stale position aborts the scan. */
  isStaleAt?(position: number): boolean;
}

export interface ListPage<T> {
  data: T[];
  hasNext: boolean;
  next?: string;
}

/** Thrown when the source's order no longer matches its records; the caller rebuilds and retries. */
export class StaleIndexError extends Error {}

/** Parameters that select which records and in what order; offset and limit only walk through them. */
const PAGING_PARAMS = ['offset', 'limit'];

export function queryHash(endpoint: string, params: QueryParams): string {
  return fnv1a(`${endpoint}?${params.canonical(PAGING_PARAMS)}`);
}

export function encodeToken(cursor: Cursor, hash: string): string {
  return encodeURIComponent(JSON.stringify([...cursor, hash]));
}

/**
 * Accepts only the token exactly as sent in `next`, i.e. URL-encoded once more by the client's URL builder and
 * decoded once by the query parser (unknowns 5). A token decoded by the client, or decoded and re-encoded in any
 * other way, is refused.
 */
export function decodeToken(raw: string, hash: string): Cursor {
  const parsed = parseToken(safeDecode(raw));
  if (!parsed || parsed.length < 2 || parsed[parsed.length - 1] !== hash) throw invalidOffset();
  const cursor = parsed.slice(0, -1);
  if (encodeToken(cursor, hash) !== raw) throw invalidOffset();
  return cursor;
}

function safeDecode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw invalidOffset();
  }
}

function parseToken(text: string): Cursor | null {
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) return null;
    return value.every((part) => typeof part === 'string' || typeof part === 'number') ? value : null;
  } catch {
    return null;
  }
}

/** One page of `source` for the request's limit and offset. */
export function readPage<T>(
  source: OrderedSource<T>,
  params: QueryParams,
  endpoint: string,
  accept: (record: T) => boolean,
): ListPage<T> {
  const limit = params.limit();
  const hash = queryHash(endpoint, params);
  const offset = params.single('offset');
  let start = source.from;
  if (offset !== undefined) {
    const position = source.seek(decodeToken(offset, hash));
    if (position === null) throw invalidOffset();
    start = Math.max(start, position);
  }
  const { matches, hasNext } = scan(source, start, accept, limit);
  const page: ListPage<T> = { data: matches.map((match) => match.item), hasNext };
  const last = matches[matches.length - 1];
  if (hasNext && last) page.next = encodeToken(source.cursorOf(last.item, last.position), hash);
  return page;
}

/** Every record the query returns across all pages, in API order. */
export function readAll<T>(source: OrderedSource<T>, accept: (record: T) => boolean): T[] {
  return scan(source, source.from, accept, Number.POSITIVE_INFINITY).matches.map((match) => match.item);
}

function scan<T>(source: OrderedSource<T>, start: number, accept: (record: T) => boolean, limit: number) {
  const matches: Array<{ item: T; position: number }> = [];
  const end = Math.min(source.to, source.items.length);
  for (let position = start; position < end; position++) {
    if (source.isStaleAt?.(position)) throw new StaleIndexError('sort key edited in place');
    const item = source.items[position];
    if (!accept(item)) continue;
    if (matches.length === limit) return { matches, hasNext: true };
    matches.push({ item, position });
  }
  return { matches, hasNext: false };
}

/** Records without a sort key are served in dataset order; the cursor is the count already consumed. */
export function positionalSource<T>(items: readonly T[]): OrderedSource<T> {
  return {
    items,
    from: 0,
    to: items.length,
    seek: (cursor) => (cursor.length === 2 && cursor[0] === 0 && isCount(cursor[1]) ? (cursor[1] as number) : null),
    cursorOf: (_item, position) => [0, position + 1],
  };
}

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
