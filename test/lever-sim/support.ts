// Shared helpers for the simulator tests: a small seeded account, HTTP-shaped requests and a page walker.

import { generateDataset, type LeverDataset, LeverSimulator, type SimKey } from '../../tools/lever-sim';
import type { LeverReadings } from '../../tools/lever-sim/readings';

export const NOW = Date.UTC(2026, 0, 5, 14, 0, 0);
export const FULL = 'test-full-key';
export const NO_CONFIDENTIAL = 'test-no-confidential-key';
export const OPPS_ONLY = 'test-opportunities-only-key';
export const SANDBOX = 'test-sandbox-key';

export const KEYS: SimKey[] = [
  { key: FULL, environment: 'production', permissions: 'all', confidential: true },
  { key: NO_CONFIDENTIAL, environment: 'production', permissions: 'all', confidential: false },
  { key: OPPS_ONLY, environment: 'production', permissions: ['opportunities', 'stages'], confidential: false },
  { key: SANDBOX, environment: 'sandbox', permissions: 'all', confidential: true },
];

export interface Fixture {
  sim: LeverSimulator;
  dataset: LeverDataset;
  clock: { now: number };
}

export function makeFixture(
  options: {
    opportunities?: number;
    requisitions?: number;
    seed?: number;
    rateLimit?: false | { perSecond: number; burst: number };
    retryAfter?: boolean;
    readings?: Partial<LeverReadings>;
  } = {},
): Fixture {
  const dataset = generateDataset({
    seed: options.seed ?? 11,
    opportunities: options.opportunities ?? 600,
    requisitions: options.requisitions ?? 150,
    now: NOW,
  });
  const clock = { now: NOW };
  const sim = new LeverSimulator({
    dataset,
    keys: KEYS,
    now: () => clock.now,
    rateLimit: options.rateLimit ?? false,
    retryAfter: options.retryAfter,
    readings: options.readings,
  });
  return { sim, dataset, clock };
}

export function basic(key: string): Record<string, string> {
  return { Authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` };
}

export type Params = Array<[string, string]>;

export function buildUrl(path: string, params: Params = [], host = 'api.lever.co'): string {
  const query = params.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
  return `https://${host}/v1${path}${query ? `?${query}` : ''}`;
}

export interface JsonResponse {
  status: number;
  headers: Record<string, string>;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field in the tests
  json: any;
  body: string;
}

export function get(sim: LeverSimulator, path: string, params: Params = [], key = FULL): JsonResponse {
  return request(sim, buildUrl(path, params), basic(key));
}

export function request(
  sim: LeverSimulator,
  url: string,
  headers: Record<string, string>,
  method = 'GET',
): JsonResponse {
  const response = sim.handle({ url, method, headers });
  let json: unknown;
  try {
    json = JSON.parse(response.body);
  } catch {
    json = undefined;
  }
  return { ...response, json };
}

export interface Walk<T> {
  records: T[];
  pages: JsonResponse[];
}

/**
 * Follows `next` (passing it back exactly as received, URL-encoded once by the URL builder, as real clients do)
 * until `hasNext` is false,
 * checking the envelope of every page on the way.
 */
export function walk<T = Record<string, unknown>>(
  sim: LeverSimulator,
  path: string,
  params: Params = [],
  key = FULL,
): Walk<T> {
  const records: T[] = [];
  const pages: JsonResponse[] = [];
  let next: string | undefined;
  do {
    const query = params.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
    if (next !== undefined) query.push(`offset=${encodeURIComponent(next)}`);
    const page = request(sim, `https://api.lever.co/v1${path}?${query.join('&')}`, basic(key));
    if (page.status !== 200) throw new Error(`HTTP ${page.status}: ${page.body}`);
    pages.push(page);
    records.push(...page.json.data);
    next = page.json.hasNext ? page.json.next : undefined;
    if (page.json.hasNext && typeof next !== 'string') throw new Error('hasNext without next');
    if (pages.length > 100_000) throw new Error('pagination does not end');
  } while (next !== undefined);
  return { records, pages };
}

/** Lever's order, written independently of the simulator: createdAt descending, then id ascending. */
export function leverOrder<T extends { createdAt: number; id: string }>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function ids(records: ReadonlyArray<{ id: string }>): string[] {
  return records.map((record) => record.id);
}

/** For tests of Lever's newest-first order itself (the default reading is `unordered`). */
export const NEWEST_FIRST = { listOrder: 'newest-first' } as const;
