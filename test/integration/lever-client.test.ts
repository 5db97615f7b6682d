// The Lever client inside the emulator (real UrlFetchApp adapter, Utilities, virtual time) against the simulator:
// full fetches through RecordSource equal the simulator's ground truth, through faults, limits and resumes.

import type { LookupResult } from '../../src/lever/source';
import type { FetchRequest } from '../../tools/gas-emulator';
import { GasEmulator } from '../../tools/gas-emulator';
import { generateDataset, LeverSimulator, type SimKey } from '../../tools/lever-sim';
import { buildTestBundle } from '../support/test-bundle';

const USER = 'ana@example.com';
const FULL_KEY = 'sim-full-access-key-0001';
const NO_CONFIDENTIAL_KEY = 'sim-no-confidential-key-0002';
const OPPS_ONLY_KEY = 'sim-opportunities-only-key-0003';
const START = Date.UTC(2026, 0, 5, 14);
const DAY = 86_400_000;

/** A test-only bundle of the real src/ modules, exposing the Lever access layer as Apps Script globals. */
const ENTRY = `
import { toAppError } from './errors';
import { leverForUser } from './app/lever';
import { keyRpc } from './app/rpc/key';
export function connect(key, environment) { return keyRpc.saveApiKey(key, environment); }
function failure(error) { const e = toAppError(error); return { error: { code: e.code, message: e.message } }; }
export function fetchSlice(query, stateJson, maxParallel, sliceMs) {
  try {
    const source = leverForUser({ maxParallel }).source;
    const state = stateJson ? JSON.parse(stateJson) : source.start(query);
    const ids = [];
    const progress = source.next(state, Date.now() + sliceMs, (records) => records.forEach((r) => ids.push(r.id)));
    return { ids, state: JSON.stringify(progress.state), done: progress.done, requests: progress.requests };
  } catch (error) { return failure(error); }
}
export function lookups(needed) { try { return leverForUser().lookups(needed); } catch (error) { return failure(error); } }
`;
const GLOBALS = ['connect', 'fetchSlice', 'lookups'];

let bundleSource = '';
beforeAll(() => {
  bundleSource = buildTestBundle(ENTRY, GLOBALS);
});

interface Setup {
  emu: GasEmulator;
  sim: LeverSimulator;
  ssId: string;
  /** Runs a global of the test bundle as USER; throws if the execution itself failed. */
  run<T>(fn: string, args: unknown[]): T;
}

function setup(
  options: { key?: string; tamper?: (request: FetchRequest) => FetchRequest; retryAfter?: boolean } = {},
): Setup {
  const dataset = generateDataset({ seed: 11, opportunities: 2000, requisitions: 300, now: START });
  const keys: SimKey[] = [
    { key: FULL_KEY, environment: 'production', permissions: 'all', confidential: true },
    { key: NO_CONFIDENTIAL_KEY, environment: 'production', permissions: 'all', confidential: false },
    { key: OPPS_ONLY_KEY, environment: 'production', permissions: ['opportunities', 'stages'], confidential: false },
  ];
  let emu: GasEmulator | undefined;
  const sim = new LeverSimulator({
    dataset,
    keys,
    now: () => (emu ? emu.clock.now() : START),
    rateLimit: { perSecond: 10, burst: 20 },
    retryAfter: options.retryAfter ?? false,
    // Pinned: these tests assert Lever's order, speed and parallel width (true only when it lists newest first),
    // a 403 for confidential denial and a 400 for a refused token.
    readings: { listOrder: 'newest-first', confidentialDenial: 'forbidden', invalidTokenStatus: 400 },
  });
  const tamper = options.tamper ?? ((request: FetchRequest) => request);
  emu = new GasEmulator({
    bundleSource,
    start: START,
    fetch: (request) => sim.handle(tamper(request)),
    costs: { urlFetchMs: 250 },
  });
  const ssId = emu.createSpreadsheet({ name: 'Plan', owner: USER });
  const run = <T>(fn: string, args: unknown[]): T => {
    const result = (emu as GasEmulator).run(fn, args, { user: USER, spreadsheetId: ssId });
    if (!result.ok) throw new Error(`${fn}: ${result.error?.message}`);
    return result.value as T;
  };
  run('connect', [options.key ?? FULL_KEY, 'production']);
  return { emu, sim, ssId, run };
}

type Slice =
  | { ids: string[]; state: string; done: boolean; requests: number }
  | { error: { code: string; message: string } };

interface Query {
  object: 'opportunities' | 'requisitions';
  params: Record<string, string | number | boolean | Array<string | number>>;
  createdFrom?: number;
  createdTo?: number;
}

/** Runs the source to the end, one execution per slice, carrying the state between executions as JSON. */
function fetchAll(s: Setup, query: Query, maxParallel = 8, sliceMs = 250_000) {
  const ids: string[] = [];
  let state = '';
  const stateSizes: number[] = [];
  const startedAt = s.emu.clock.now();
  for (let executions = 1; executions < 200; executions++) {
    const slice = s.run<Slice>('fetchSlice', [query, state, maxParallel, sliceMs]);
    if ('error' in slice) return { error: slice.error, ids, executions, stateSizes, elapsedMs: 0 };
    ids.push(...slice.ids);
    state = slice.state;
    stateSizes.push(state.length);
    if (slice.done) return { ids, executions, stateSizes, elapsedMs: s.emu.clock.now() - startedAt };
    s.emu.clock.advance(1000);
  }
  throw new Error('the fetch never finished');
}

/** The simulator's answer for the same query, created_at bounds as Lever takes them. */
function groundTruth(s: Setup, query: Query, key = FULL_KEY): string[] {
  const params: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(query.params)) {
    params[name] = Array.isArray(value) ? value.map(String) : String(value);
  }
  if (query.createdFrom !== undefined) params.created_at_start = String(query.createdFrom);
  if (query.createdTo !== undefined) params.created_at_end = String(query.createdTo);
  return s.sim.query(query.object, params, key);
}

const sorted = (ids: string[]) => [...ids].sort();

const FILTER_SETS: Array<[string, (s: Setup) => Query]> = [
  ['every opportunity, confidential included', () => ({ object: 'opportunities', params: { confidentiality: 'all' } })],
  ['active, unsnoozed opportunities', () => ({ object: 'opportunities', params: { archived: false, snoozed: false } })],
  [
    'opportunities created in a range',
    () => ({ object: 'opportunities', params: {}, createdFrom: START - 300 * DAY, createdTo: START - 20 * DAY }),
  ],
  [
    'opportunities in two stages, created after a date',
    (s) => ({
      object: 'opportunities',
      params: { stage_id: s.sim.dataset.stages.slice(3, 5).map((stage) => stage.id) },
      createdFrom: START - 500 * DAY,
    }),
  ],
  [
    'archived opportunities only',
    () => ({ object: 'opportunities', params: { archived: true, confidentiality: 'all' } }),
  ],
  [
    'open and on-hold requisitions',
    () => ({ object: 'requisitions', params: { status: ['open', 'onHold'], confidentiality: 'all' } }),
  ],
  ['requisitions created after a date', () => ({ object: 'requisitions', params: {}, createdFrom: START - 200 * DAY })],
];

describe('RecordSource through the bundle: the exact set', () => {
  it.each(FILTER_SETS)('%s', (_name, makeQuery) => {
    const s = setup();
    const query = makeQuery(s);
    const expected = groundTruth(s, query);
    expect(expected.length).toBeGreaterThan(0);
    const run = fetchAll(s, query);
    expect(run.error).toBeUndefined();
    expect(sorted(run.ids)).toEqual(sorted(expected));
    expect(run.ids).toHaveLength(expected.length);
    // The client's limiter keeps Lever's bucket from running dry.
    expect(s.sim.requests.filter((request) => request.status === 429)).toHaveLength(0);
  });

  it('sequential paging (maxParallel 1) gives Lever order exactly', () => {
    const s = setup();
    const query: Query = { object: 'opportunities', params: { confidentiality: 'all' } };
    expect(fetchAll(s, query, 1).ids).toEqual(groundTruth(s, query));
  });

  it('resumes across executions from the saved state, which stays under 4 KB', () => {
    const s = setup();
    const query: Query = { object: 'opportunities', params: { confidentiality: 'all' } };
    const run = fetchAll(s, query, 8, 200);
    expect(run.executions).toBeGreaterThan(3);
    expect(Math.max(...run.stateSizes)).toBeLessThan(4096);
    expect(sorted([...new Set(run.ids)])).toEqual(sorted(groundTruth(s, query)));
  });

  it('reads about 1,000 records/s, more than twice sequential paging', () => {
    const query: Query = { object: 'opportunities', params: { confidentiality: 'all' } };
    const parallel = fetchAll(setup(), query, 8);
    const sequential = fetchAll(setup(), query, 1);
    const rate = (run: { ids: string[]; elapsedMs: number }) => run.ids.length / (run.elapsedMs / 1000);
    expect(rate(sequential)).toBeLessThan(450);
    expect(rate(parallel)).toBeGreaterThan(750);
  });
});

describe('RecordSource through the bundle: Lever misbehaving', () => {
  const query: Query = { object: 'opportunities', params: { confidentiality: 'all' } };

  it('503, 429, 502 and network bursts mid-pagination still give the exact set', () => {
    const s = setup();
    s.sim.injectFaults({ status: 503, count: 4, afterRequests: 5, path: '/opportunities' });
    s.sim.injectFaults({ status: 429, count: 6, afterRequests: 12, path: '/opportunities' });
    s.sim.injectFaults({ status: 502, count: 2, afterRequests: 18 });
    s.sim.injectFaults({ network: true, count: 2, afterRequests: 24 });
    const run = fetchAll(s, query);
    expect(run.error).toBeUndefined();
    expect(sorted([...new Set(run.ids)])).toEqual(sorted(groundTruth(s, query)));
    expect(s.sim.requests.filter((request) => request.status !== 200).length).toBeGreaterThanOrEqual(12);
  });

  it('honours Retry-After on 429s', () => {
    const s = setup({ retryAfter: true });
    s.sim.injectFaults({ status: 429, count: 3, afterRequests: 4 });
    const run = fetchAll(s, query);
    expect(sorted([...new Set(run.ids)])).toEqual(sorted(groundTruth(s, query)));
  });

  it('restarts windows whose offset tokens Lever rejects, still giving the exact set', () => {
    let tampered = 0;
    let withOffset = 0;
    const s = setup({
      tamper: (request) => {
        const url = new URL(request.url);
        if (!url.searchParams.has('offset') || tampered >= 3 || ++withOffset % 3 !== 0) return request;
        tampered += 1;
        url.searchParams.set('offset', '[1,"stale"]');
        return { ...request, url: url.toString() };
      },
    });
    const run = fetchAll(s, query);
    expect(tampered).toBe(3);
    expect(s.sim.requests.filter((request) => request.status === 400)).toHaveLength(3);
    expect(sorted([...new Set(run.ids)])).toEqual(sorted(groundTruth(s, query)));
  });

  it('a persistent 500 ends with LEVER_UNAVAILABLE', () => {
    const s = setup();
    s.sim.injectFaults({ status: 500, count: 10_000, afterRequests: 3, path: '/opportunities' });
    const run = fetchAll(s, query);
    expect(run.error?.code).toBe('LEVER_UNAVAILABLE');
    expect(run.error?.message).toMatch(/error 500/);
  });

  it('confidential records with a key that lacks access: LEVER_FORBIDDEN, about confidential data', () => {
    const s = setup({ key: NO_CONFIDENTIAL_KEY });
    const run = fetchAll(s, query);
    expect(run.error?.code).toBe('LEVER_FORBIDDEN');
    expect(run.error?.message).toMatch(/confidential/);
  });

  it('an endpoint the key lacks: LEVER_FORBIDDEN naming it', () => {
    const s = setup({ key: OPPS_ONLY_KEY });
    const run = fetchAll(s, { object: 'requisitions', params: {} });
    expect(run.error).toEqual({
      code: 'LEVER_FORBIDDEN',
      message: 'This key cannot read requisitions. Ask a Lever Super Admin for a key with Read access to requisitions.',
    });
  });

  it('never logs the key', () => {
    const s = setup();
    s.sim.injectFaults({ status: 503, count: 3, afterRequests: 2 });
    fetchAll(s, query);
    const logs = s.emu.logs.join('\n');
    expect(logs).toMatch(/retrying/);
    expect(logs).not.toContain(FULL_KEY);
    expect(logs).not.toContain(Buffer.from(`${FULL_KEY}:`).toString('base64'));
  });
});

describe('lookups through the bundle', () => {
  it('resolves every user (deactivated too), stage, reason, posting (confidential too) and field', () => {
    const s = setup();
    const tables = s.run<LookupResult>('lookups', [
      ['stages', 'users', 'archiveReasons', 'postings', 'requisitionFields'],
    ]);
    const { dataset } = s.sim;
    expect(Object.keys(tables.users).sort()).toEqual(dataset.users.map((user) => user.id).sort());
    expect(dataset.users.some((user) => user.deactivatedAt !== null)).toBe(true);
    expect(Object.keys(tables.stages).sort()).toEqual(dataset.stages.map((stage) => stage.id).sort());
    expect(Object.keys(tables.archiveReasons)).toHaveLength(dataset.archiveReasons.length);
    expect(Object.keys(tables.postings).sort()).toEqual(dataset.postings.map((posting) => posting.id).sort());
    expect(Object.keys(tables.requisitionFields)).toHaveLength(dataset.requisitionFields.length);
    expect(tables.notes).toEqual([]);
  });

  it('leaves tables the key may not read empty, with notes', () => {
    const s = setup({ key: OPPS_ONLY_KEY });
    const tables = s.run<LookupResult>('lookups', [['stages', 'users', 'postings']]);
    expect(Object.keys(tables.stages).length).toBeGreaterThan(0);
    expect(tables.users).toEqual({});
    expect(tables.postings).toEqual({});
    expect(tables.notes).toHaveLength(2);
  });
});
