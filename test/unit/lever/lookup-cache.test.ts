// Lookup tables cached between runs: read back by the same scope within the expiry, fetched again after it.
import { createLeverAccess } from '../../../src/lever/access';
import { LeverClient } from '../../../src/lever/client';
import { keyScope } from '../../../src/lever/credential';
import { LOOKUP_CACHE_SECONDS, LookupCache } from '../../../src/lever/lookup-cache';
import { probeKey } from '../../../src/lever/probe';
import type { CachePort } from '../../../src/ports/cache';
import { FakeClock, FakeHttp, fakeLever, json, makeRecords, testCredential } from './fakes';

const NEWEST = Date.UTC(2026, 0, 5);
const RECORDS = makeRecords(120, NEWEST, 5);
const STAGES = [{ id: 'lead-new', text: 'New lead' }];

/** A cache with expiry on the fake clock, like CacheService. */
function fakeCache(clock: FakeClock): CachePort & { values: Map<string, string> } {
  const entries = new Map<string, { value: string; until: number }>();
  return {
    values: new Map(),
    get: (key) => {
      const entry = entries.get(key);
      return entry && entry.until > clock.now() ? entry.value : null;
    },
    put(key, value, seconds) {
      entries.set(key, { value, until: clock.now() + seconds * 1000 });
      this.values.set(key, value);
    },
  };
}

function run(clock: FakeClock, cache: CachePort, scope: string, stages = STAGES) {
  const records = fakeLever(RECORDS);
  const http = new FakeHttp(
    (request) => (request.url.includes('/stages') ? json(200, { data: stages, hasNext: false }) : records(request)),
    clock,
    250,
  );
  const client = new LeverClient({ http, clock, credential: testCredential() });
  const lookupCache = new LookupCache(cache, scope);
  const lever = createLeverAccess({
    client,
    clock,
    confidentialAccess: false,
    deadline: () => clock.now() + 60_000,
    lookupCache,
  });
  lever.prefetchLookups?.(['stages']);
  lever.source.next(lever.source.start({ object: 'opportunities', params: {} }), clock.now() + 60_000, () => {});
  const tables = lever.lookups(['stages']);
  const stageRequests = http.requests.filter((request) => request.url.includes('/stages')).length;
  return { tables, stageRequests };
}

describe('LookupCache through LeverAccess', () => {
  it('fetches a table once, reads it back within the expiry, and fetches it again after', () => {
    const clock = new FakeClock(NEWEST);
    const cache = fakeCache(clock);
    expect(run(clock, cache, 'production.false.t1').stageRequests).toBe(1);
    clock.sleep(60 * 60_000);
    const renamed = [{ id: 'lead-new', text: 'Renamed' }];
    const hour = run(clock, cache, 'production.false.t1', renamed);
    expect(hour.stageRequests).toBe(0);
    expect(hour.tables.stages).toEqual({ 'lead-new': 'New lead' });
    clock.sleep(LOOKUP_CACHE_SECONDS * 1000);
    const later = run(clock, cache, 'production.false.t1', renamed);
    expect(later.stageRequests).toBe(1);
    expect(later.tables.stages).toEqual({ 'lead-new': 'Renamed' });
  });

  it('never reads a table back for another scope (another key check or confidential access)', () => {
    const clock = new FakeClock(NEWEST);
    const cache = fakeCache(clock);
    run(clock, cache, 'production.false.t1');
    expect(run(clock, cache, 'production.false.t2').stageRequests).toBe(1);
    expect(run(clock, cache, 'production.true.t1').stageRequests).toBe(1);
  });

  it('stores no credential and keeps nothing a key cannot read', () => {
    const clock = new FakeClock(NEWEST);
    const cache = fakeCache(clock);
    const http = new FakeHttp(() => json(403, { message: 'forbidden' }), clock, 250);
    const client = new LeverClient({ http, clock, credential: testCredential() });
    const lookupCache = new LookupCache(cache, 'production.false.t1');
    const lever = createLeverAccess({
      client,
      clock,
      confidentialAccess: false,
      deadline: () => clock.now() + 60_000,
      lookupCache,
    });
    expect(lever.lookups(['users']).notes).toHaveLength(1);
    expect(cache.values.size).toBe(0);
    run(clock, cache, 'production.false.t1');
    const stored = [...cache.values.values()].join('\n');
    expect(stored).toContain('New lead');
    expect(stored).not.toContain(testCredential().authorizationHeader().split(' ').pop() as string);
  });

  it("serves the key check's complete tables to the next run under the check's scope, and no other", () => {
    const clock = new FakeClock(NEWEST);
    const cache = fakeCache(clock);
    const lever = (request: { url: string }) =>
      json(200, { data: request.url.includes('/stages?') ? STAGES : [], hasNext: false });
    const client = new LeverClient({ http: new FakeHttp(lever, clock, 250), clock, credential: testCredential() });
    const { check, lookups } = probeKey(client, clock.now() + 60_000, () => clock.now());
    const scope = keyScope('production', check);
    new LookupCache(cache, scope).save(lookups);
    expect(scope).toBe(`production.unknown.${check.checkedAt}`);
    const next = run(clock, cache, scope, [{ id: 'lead-new', text: 'Renamed since' }]);
    expect(next.stageRequests).toBe(0);
    expect(next.tables.stages).toEqual({ 'lead-new': 'New lead' });
    expect(run(clock, cache, keyScope('production', { ...check, checkedAt: 'later' })).stageRequests).toBe(1);
  });
});
