// Lever's ceiling by latency: min(10, 20 ÷ latency s) requests a second, 100 records each (unknowns 10).
import {
  boundShareOfCeiling,
  ceilingRecordsPerSecond,
  ceilingRequestsPerSecond,
  leverBoundSeconds,
} from '../../tools/bench/ceiling';

describe('ceiling', () => {
  it.each([
    [100, 1000],
    [250, 1000],
    [1000, 1000],
    [2000, 1000],
    [2500, 800],
    [4000, 500],
    [10_000, 200],
  ])('at %i ms latency is %i records a second', (latencyMs, records) => {
    expect(ceilingRecordsPerSecond(latencyMs)).toBeCloseTo(records, 6);
  });

  it('is the rate limit, never more, when latency is tiny or unknown', () => {
    expect(ceilingRequestsPerSecond(1)).toBe(10);
    expect(ceilingRequestsPerSecond(0)).toBe(10);
  });
});

describe('leverBoundSeconds', () => {
  it('sends a rested burst of 20 in one round, then what 10 a second refills', () => {
    expect(leverBoundSeconds(20, 2500)).toBeCloseTo(2.5, 6);
    expect(leverBoundSeconds(21, 2500)).toBeCloseTo(5, 6);
    expect(leverBoundSeconds(40, 1000)).toBeCloseTo(3, 6); // 20, 10, 10
    expect(leverBoundSeconds(136, 2500)).toBeCloseTo(17.5, 6); // 7 rounds of 20
  });

  it('at short latency, waits for tokens between rounds at 10 a second', () => {
    // 20 at once, then one a round (0.1 s refills one token): 30 requests end after 11 rounds.
    expect(leverBoundSeconds(30, 100)).toBeCloseTo(1.1, 6);
    // At 50 ms a round refills half a token: every other round waits 50 ms.
    expect(leverBoundSeconds(22, 50)).toBeCloseTo(0.25, 6);
  });

  it('costs nothing for no request', () => {
    expect(leverBoundSeconds(0, 250)).toBe(0);
  });
});

describe('boundShareOfCeiling', () => {
  it('is what rounds allow: 13,196 rows and 4 lookups at 2.5 s reach 94% at best', () => {
    expect(boundShareOfCeiling(13_196, 4, 2500)).toBeCloseTo(13_196 / 17.5 / 800, 6);
  });

  it('passes 100% for a run within a rested burst', () => {
    expect(boundShareOfCeiling(1_000, 0, 250)).toBeGreaterThan(1);
  });
});
