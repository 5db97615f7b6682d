// Rate limiting: a token bucket per key (burst 20, 10/s refill) on the injected clock, and the Retry-After switch.

import { basic, buildUrl, FULL, get, makeFixture, NO_CONFIDENTIAL, request } from './support';

const LIMIT = { perSecond: 10, burst: 20 };

function burst(sim: Parameters<typeof get>[0], count: number, key = FULL): number[] {
  return Array.from({ length: count }, () => get(sim, '/stages', [], key).status);
}

describe('token bucket', () => {
  it('allows a burst of 20, then answers 429 with Lever-style JSON and no Retry-After', () => {
    const { sim } = makeFixture({ opportunities: 5, requisitions: 1, rateLimit: LIMIT });
    expect(burst(sim, 20).every((status) => status === 200)).toBe(true);
    const limited = get(sim, '/stages');
    expect(limited.status).toBe(429);
    expect(limited.json).toEqual({ code: 'TooManyRequestsError', message: 'Rate limit exceeded' });
    expect(limited.headers['Retry-After']).toBeUndefined();
  });

  it('refills 10 tokens per second of the fake clock, up to the burst size', () => {
    const { sim, clock } = makeFixture({ opportunities: 5, requisitions: 1, rateLimit: LIMIT });
    burst(sim, 20);
    clock.now += 99;
    expect(get(sim, '/stages').status).toBe(429);
    clock.now += 1;
    expect(burst(sim, 2)).toEqual([200, 429]);
    clock.now += 1000;
    expect(burst(sim, 11).filter((status) => status === 200)).toHaveLength(10);
    clock.now += 60_000;
    expect(burst(sim, 21).filter((status) => status === 200)).toHaveLength(20);
  });

  it('does not let rejected requests drain the bucket further', () => {
    const { sim, clock } = makeFixture({ opportunities: 5, requisitions: 1, rateLimit: LIMIT });
    burst(sim, 20);
    burst(sim, 50);
    clock.now += 100;
    expect(get(sim, '/stages').status).toBe(200);
  });

  it('keeps one bucket per key', () => {
    const { sim } = makeFixture({ opportunities: 5, requisitions: 1, rateLimit: LIMIT });
    burst(sim, 21);
    expect(get(sim, '/stages', [], NO_CONFIDENTIAL).status).toBe(200);
    expect(get(sim, '/stages').status).toBe(429);
  });

  it('sends Retry-After when asked to', () => {
    const { sim } = makeFixture({ opportunities: 5, requisitions: 1, rateLimit: LIMIT, retryAfter: true });
    burst(sim, 20);
    expect(get(sim, '/stages').headers['Retry-After']).toBe('1');
  });

  it('resetRateLimit refills every bucket; rateLimit:false disables the limit', () => {
    const { sim } = makeFixture({ opportunities: 5, requisitions: 1, rateLimit: LIMIT });
    burst(sim, 25);
    sim.resetRateLimit();
    expect(burst(sim, 20).every((status) => status === 200)).toBe(true);
    const { sim: unlimited } = makeFixture({ opportunities: 5, requisitions: 1, rateLimit: false });
    expect(burst(unlimited, 60).every((status) => status === 200)).toBe(true);
  });

  it('limits before serving data and after authentication', () => {
    const { sim } = makeFixture({ opportunities: 5, requisitions: 1, rateLimit: LIMIT });
    burst(sim, 20);
    expect(request(sim, buildUrl('/stages'), basic('wrong')).status).toBe(401);
    expect(get(sim, '/opportunities').status).toBe(429);
    expect(get(sim, '/opportunities').body).not.toContain('"data"');
  });
});
