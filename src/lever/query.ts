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
 * Lever's offset token arrives already percent-encoded in the JSON body. It is decoded here first so that
 * buildQueryString encodes it once: the token on the wire is the token Lever sent, never double-encoded.
 */
export function offsetParam(token: string): string {
  try {
    return decodeURIComponent(token);
  } catch {
    return token;
  }
}

export function buildUrl(baseUrl: string, path: string, params: QueryParams): string {
  const query = buildQueryString(params);
  return query ? `${baseUrl}${path}?${query}` : `${baseUrl}${path}`;
}
