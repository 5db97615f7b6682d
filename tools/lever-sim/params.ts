// Query-string reading with Lever-style validation: every malformed value is a 400 that names its parameter.

import { badRequest } from './errors';

const TIMESTAMP = /^\d{1,16}$/;
const INTEGER = /^\d{1,4}$/;

export const MAX_LIMIT = 100;

/** The decoded query of one request; repeated keys keep all their values in order. */
export class QueryParams {
  private constructor(private readonly values: Map<string, string[]>) {}

  static fromSearch(search: URLSearchParams): QueryParams {
    const values = new Map<string, string[]>();
    search.forEach((value, name) => {
      const list = values.get(name);
      if (list) list.push(value);
      else values.set(name, [value]);
    });
    return new QueryParams(values);
  }

  static fromRecord(record: Record<string, string | string[]>): QueryParams {
    const values = new Map<string, string[]>();
    for (const [name, value] of Object.entries(record)) values.set(name, Array.isArray(value) ? [...value] : [value]);
    return new QueryParams(values);
  }

  toRecord(): Record<string, string[]> {
    return Object.fromEntries([...this.values].map(([name, list]) => [name, [...list]]));
  }

  /** Every parameter except the listed ones, names and values sorted: the identity of a query. */
  canonical(excluding: readonly string[]): string {
    return [...this.values.keys()]
      .filter((name) => !excluding.includes(name))
      .sort()
      .map((name) => `${encodeURIComponent(name)}=${[...this.list(name)].sort().map(encodeURIComponent).join(',')}`)
      .join('&');
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  list(name: string): string[] {
    return this.values.get(name) ?? [];
  }

  single(name: string): string | undefined {
    const list = this.list(name);
    if (list.length > 1) throw badRequest(`Invalid ${name}: expected a single value`);
    return list[0];
  }

  bool(name: string): boolean | undefined {
    const value = this.single(name);
    if (value === undefined) return undefined;
    if (value === 'true') return true;
    if (value === 'false') return false;
    throw badRequest(`Invalid ${name}: ${JSON.stringify(value)} (expected true or false)`);
  }

  timestamp(name: string): number | undefined {
    const value = this.single(name);
    if (value === undefined) return undefined;
    if (!TIMESTAMP.test(value)) {
      throw badRequest(`Invalid ${name}: ${JSON.stringify(value)} (expected a timestamp in milliseconds)`);
    }
    return Number(value);
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.single(name);
    if (value === undefined) return undefined;
    return checkAllowed(name, value, allowed);
  }

  manyOf<T extends string>(name: string, allowed: readonly T[]): T[] {
    return this.list(name).map((value) => checkAllowed(name, value, allowed));
  }

  limit(): number {
    const value = this.single('limit');
    if (value === undefined) return MAX_LIMIT;
    const limit = INTEGER.test(value) ? Number(value) : Number.NaN;
    if (!(limit >= 1 && limit <= MAX_LIMIT)) {
      throw badRequest(`Invalid limit: ${JSON.stringify(value)} (expected an integer from 1 to ${MAX_LIMIT})`);
    }
    return limit;
  }
}

function checkAllowed<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw badRequest(`Invalid ${name}: ${JSON.stringify(value)} (expected one of ${allowed.join(', ')})`);
}
