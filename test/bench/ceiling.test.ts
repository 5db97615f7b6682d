// Lever's ceiling by latency: min(10, 20 ÷ latency s) requests a second, 100 records each (unknowns 10).
import { ceilingRecordsPerSecond, ceilingRequestsPerSecond } from '../../tools/bench/ceiling';

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
