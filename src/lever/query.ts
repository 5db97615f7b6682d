// Query strings as Lever reads them: repeated keys for lists, every value percent-encoded exactly once.
import type { LeverQueryParams } from './source';

type QueryValue = LeverQueryParams[string] | undefined | null;

/** Lever query parameters; undefined and null values are left out of the query string. */
export type QueryParams = Record<string, QueryValue>;

function pairs(name: string, value: QueryValue): string[] {
  if (value === undefined || value === null) return [];
  const values = Array.isArray(value) ? value : [value];
  return values.map((item) => `${encodeURIComponent(name)}=${encodeURIComponent(String(item))}`);
}

/** `{tag: ['a b', 'c'], limit: 100}` → `tag=a%20b&tag=c&limit=100` (keys in insertion order). */
export function buildQueryString(params: QueryParams): string {
  return Object.entries(params)
    .flatMap(([name, value]) => pairs(name, value))
    .join('&');
}

/**
 * Lever's offset token goes back exactly as Lever sent it in `next`: buildQueryString percent-encodes it once,
 * as every public client's HTTP library does (unknowns 5). It is never decoded and re-encoded, which could
 * change its bytes (another encoder, hex case, a lone `%`).
 */
export function offsetParam(token: string): string {
  return token;
}

export function buildUrl(baseUrl: string, path: string, params: QueryParams): string {
  const query = buildQueryString(params);
  return query ? `${baseUrl}${path}?${query}` : `${baseUrl}${path}`;
}
