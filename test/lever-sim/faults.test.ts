// Fault injection: server errors and network failures for `count` matching requests after `afterRequests`.

import { SimNetworkError } from '../../tools/lever-sim';
import { basic, buildUrl, FULL, get, makeFixture } from './support';

describe('injected faults', () => {
  it('fails `count` matching requests after `afterRequests`, then clears', () => {
    const { sim } = makeFixture({ opportunities: 20, requisitions: 5 });
    sim.injectFaults({ status: 503, count: 3, afterRequests: 2, path: '/opportunities' });
    const statuses = Array.from({ length: 7 }, () => get(sim, '/opportunities').status);
    expect(statuses).toEqual([200, 200, 503, 503, 503, 200, 200]);
  });

  it('leaves other paths alone and matches sub-paths', () => {
    const { sim, dataset } = makeFixture({ opportunities: 20, requisitions: 5 });
    sim.injectFaults({ status: 500, count: 2, path: '/v1/opportunities' });
    expect(get(sim, '/requisitions').status).toBe(200);
    expect(get(sim, `/opportunities/${dataset.opportunities[0].id}`).status).toBe(500);
    expect(get(sim, '/opportunities').status).toBe(500);
    expect(get(sim, '/opportunities').status).toBe(200);
  });

  it('answers Lever-style JSON for 500/503 and gateway HTML for 502/504', () => {
    const { sim } = makeFixture({ opportunities: 5, requisitions: 1 });
    for (const status of [500, 502, 503, 504] as const) sim.injectFaults({ status, count: 1 });
    const [internal, badGateway, unavailable, timeout] = [1, 2, 3, 4].map(() => get(sim, '/stages'));
    expect(internal.json).toEqual({ code: 'InternalServerError', message: "There was an error on Lever's end." });
    expect(unavailable.json.message).toMatch(/temporarily down for maintenance/);
    expect([badGateway.status, timeout.status]).toEqual([502, 504]);
    expect(badGateway.json).toBeUndefined();
    expect(badGateway.headers['Content-Type']).toBe('text/html');
    expect(get(sim, '/stages').status).toBe(200);
  });

  it('can inject 429s, with Retry-After when that switch is on', () => {
    const { sim } = makeFixture({ opportunities: 5, requisitions: 1, retryAfter: true });
    sim.injectFaults({ status: 429, count: 1 });
    const response = get(sim, '/stages');
    expect(response.status).toBe(429);
    expect(response.headers['Retry-After']).toBe('1');
  });

  it('makes handle() throw for network faults and logs them with status 0', () => {
    const { sim } = makeFixture({ opportunities: 5, requisitions: 1 });
    sim.injectFaults({ network: true, count: 2, afterRequests: 1 });
    const call = () => sim.handle({ url: buildUrl('/stages'), method: 'GET', headers: basic(FULL) });
    expect(call().status).toBe(200);
    expect(call).toThrow(SimNetworkError);
    expect(call).toThrow(/Address unavailable/);
    expect(call().status).toBe(200);
    expect(sim.requests.map((entry) => entry.status)).toEqual([200, 0, 0, 200]);
  });

  it('does not disturb pagination: the failed page is served whole on retry', () => {
    const { sim } = makeFixture({ opportunities: 50, requisitions: 1 });
    const first = get(sim, '/opportunities', [['limit', '10']]);
    sim.injectFaults({ status: 502, count: 1 });
    const params: Array<[string, string]> = [['limit', '10']];
    const url = `${buildUrl('/opportunities', params)}&offset=${encodeURIComponent(first.json.next)}`;
    expect(sim.handle({ url, method: 'GET', headers: basic(FULL) }).status).toBe(502);
    const retried = JSON.parse(sim.handle({ url, method: 'GET', headers: basic(FULL) }).body);
    expect(retried.data).toHaveLength(10);
    expect(retried.data[0].id).not.toBe(first.json.data[9].id);
  });

  it('fails the earliest injected fault first when several are due', () => {
    const { sim } = makeFixture({ opportunities: 5, requisitions: 1 });
    sim.injectFaults({ status: 500, count: 1 });
    sim.injectFaults({ status: 503, count: 1 });
    expect([get(sim, '/stages').status, get(sim, '/stages').status, get(sim, '/stages').status]).toEqual([
      500, 503, 200,
    ]);
  });
});
