// Hand-written fakes for the Lever client's ports: a virtual clock, a scripted HttpPort and a tiny Lever lister.

import type { LeverCredential } from '../../../src/lever/credential';
import type { Clock } from '../../../src/ports/clock';
import type { HttpPort, HttpRequest, HttpResponse } from '../../../src/ports/http';
import { credentialFor } from '../../../src/store/key-store';

// Bound once: under Jest each global lookup (`Math`) in a hot loop goes through the vm context's global, ~20x slower.
const { imul } = Math;

export const KEY = 'unit-test-secret-key-7f3a';

export const nodeBase64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

export function testCredential(key = KEY): LeverCredential {
  return credentialFor(key, 'production', nodeBase64);
}

export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(public time = Date.UTC(2026, 0, 5, 12)) {}
  now(): number {
    return this.time;
  }
  sleep(ms: number): void {
    this.sleeps.push(ms);
    this.time += ms;
  }
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/** Records every request and batch; answers through `handler`; each batch costs `latencyMs` of virtual time. */
export class FakeHttp implements HttpPort {
  readonly requests: HttpRequest[] = [];
  readonly batches: number[] = [];
  constructor(
    public handler: (request: HttpRequest) => HttpResponse,
    private readonly clock?: FakeClock,
    private readonly latencyMs = 0,
  ) {}
  fetch(request: HttpRequest): HttpResponse {
    return this.fetchAll([request])[0];
  }
  fetchAll(requests: readonly HttpRequest[]): HttpResponse[] {
    this.batches.push(requests.length);
    this.requests.push(...requests);
    const responses = requests.map((request) => this.handler(request));
    if (this.clock) this.clock.time += this.latencyMs;
    return responses;
  }
}

/** Answers from a queue of responses (then repeats the last one). */
export function scripted(...responses: HttpResponse[]): (request: HttpRequest) => HttpResponse {
  let index = 0;
  return () => responses[Math.min(index++, responses.length - 1)];
}

export interface FakeRecord {
  id: string;
  createdAt: number;
  [field: string]: unknown;
}

/** Deterministic records spread unevenly over time (denser recently), ids unique. */
export function makeRecords(count: number, newest: number, seed = 1): FakeRecord[] {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const span = 3 * 365 * 86_400_000;
  return Array.from({ length: count }, (_, i) => ({
    id: `rec-${String(i).padStart(5, '0')}`,
    // Squaring the random number puts more records near `newest`; whole seconds give shared timestamps too.
    createdAt: newest - Math.floor((random() ** 2 * span) / 1000) * 1000,
    tag: i % 3 === 0 ? 'a' : 'b',
  }));
}

export interface FakeLeverOptions {
  /** Sort order of lists: newest first, oldest first, two newest-first runs (by id), or none (shuffled by query). */
  order?: FakeOrder;
  /** Keys of tokens (JSON) to reject once each, simulating stale tokens. */
  rejectTokensOnce?: (request: URL) => boolean;
}

function querySignature(url: URL): string {
  const entries = [...url.searchParams.entries()].filter(([name]) => name !== 'offset' && name !== 'limit');
  return JSON.stringify(entries.sort());
}

export type FakeOrder = 'desc' | 'asc' | 'runs' | 'shuffled';

function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** The records a query selects, in list order: createdAt bounds (inclusive) and repeated `tag` values. */
export function selectRecords(records: readonly FakeRecord[], url: URL, order: FakeOrder = 'desc'): FakeRecord[] {
  const start = url.searchParams.get('created_at_start');
  const end = url.searchParams.get('created_at_end');
  const tags = url.searchParams.getAll('tag');
  // Bounds parsed once, not per record: each global call (`Number`) costs a vm-context lookup under Jest.
  const from = Number(start);
  const to = Number(end);
  const selected = records.filter(
    (record) =>
      (start === null || record.createdAt >= from) &&
      (end === null || record.createdAt <= to) &&
      (tags.length === 0 || tags.includes(String(record.tag))),
  );
  if (order === 'shuffled') {
    const signature = querySignature(url);
    const keys = new Map(selected.map((record) => [record, hashOf(signature + record.id)]));
    return selected.sort((a, b) => (keys.get(a) ?? 0) - (keys.get(b) ?? 0));
  }
  if (order === 'runs') {
    const runs = new Map(selected.map((record) => [record, hashOf(record.id) % 2]));
    const run = (record: FakeRecord) => runs.get(record) ?? 0;
    return selected.sort((a, b) => run(a) - run(b) || b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
  }
  const sign = order === 'desc' ? -1 : 1;
  return selected.sort((a, b) => sign * (a.createdAt - b.createdAt) || (a.id < b.id ? -1 : 1));
}

/** A Lever list endpoint over `records`: positional offset tokens (URL-encoded JSON) bound to the query. */
export function fakeLever(records: readonly FakeRecord[], options: FakeLeverOptions = {}) {
  return (request: HttpRequest): HttpResponse => {
    const url = new URL(request.url);
    if (request.headers.Authorization !== `Basic ${nodeBase64(`${KEY}:`)}`) {
      return json(401, { code: 'UnauthorizedError', message: 'The request requires authentication.' });
    }
    const signature = querySignature(url);
    const offset = url.searchParams.get('offset');
    let position = 0;
    if (offset !== null) {
      // The token comes back exactly as sent (it was URL-encoded once more by the client's URL builder).
      const [index, boundTo] = JSON.parse(decodeURIComponent(offset)) as [number, string];
      if (boundTo !== signature || options.rejectTokensOnce?.(url)) {
        return json(400, {
          code: 'BadRequestError',
          message: 'Invalid offset token: Offset token is invalid for sort',
        });
      }
      position = index;
    }
    const limit = Number(url.searchParams.get('limit') ?? 100);
    const selected = selectRecords(records, url, options.order);
    const data = selected.slice(position, position + limit);
    const hasNext = position + limit < selected.length;
    const next = hasNext ? encodeURIComponent(JSON.stringify([position + limit, signature])) : undefined;
    return json(200, next ? { data, hasNext, next } : { data, hasNext });
  };
}
