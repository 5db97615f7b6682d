// Which windows a round sends when Lever's rate binds: a budget of what one latency refills, the longest chain first.
import { chainBound, densityOf, longestFirst, recordsLeft, roundBudget } from '../../../src/lever/round-choice';
import type { FetchWindow } from '../../../src/lever/windows';

const INSTANT = 1_704_551_942_713;
const on = (part: Record<string, string>, extra: Partial<FetchWindow> = {}): FetchWindow => ({
  lo: INSTANT,
  hi: INSTANT,
  floor: INSTANT,
  part,
  ...extra,
});
/** A window reading createdAt [floor, seen] at `density` records a millisecond. */
const reading = (floor: number, seen: number, density: number): FetchWindow => ({
  lo: floor,
  hi: seen + 1000,
  floor,
  seen,
  next: 'token',
  density,
});

describe('roundBudget', () => {
  const pace = { ratePerSecond: 10, latencyMs: 1000 };

  it('sends the whole round when the limiter has the tokens, or before the latency is known', () => {
    expect(roundBudget(17, { ...pace, ready: 18 })).toBe(17);
    expect(roundBudget(17, { ratePerSecond: 10, ready: 3 })).toBe(17);
  });

  it('otherwise sends what Lever refills in one latency, or what it lets go now if more', () => {
    expect(roundBudget(17, { ...pace, ready: 2 })).toBe(10);
    expect(roundBudget(17, { ...pace, ready: 13 })).toBe(13);
    expect(roundBudget(6, { ratePerSecond: 10, latencyMs: 250, ready: 0 })).toBe(3);
  });

  it('sends the whole round when one latency refills less than two (a round of one only gives one chain the rate)', () => {
    expect(roundBudget(4, { ratePerSecond: 10, latencyMs: 100, ready: 0 })).toBe(4);
    expect(roundBudget(4, { ratePerSecond: 10, latencyMs: 160, ready: 0 })).toBe(2);
    expect(roundBudget(4, { ratePerSecond: 10, latencyMs: 5000, ready: 0 })).toBe(4);
  });
});

describe('longestFirst', () => {
  it("puts the instant's first advanced_at range first, its other parts next, then by records left", () => {
    const short = reading(1_000, 2_000, 0.1); // 100 left
    const long = reading(1_000, 11_000, 0.1); // 1,000 left
    const fresh: FetchWindow = { lo: 5, hi: 9, floor: 5 };
    const atom = on({ confidentiality: 'non-confidential', advanced_at_end: '99' });
    const part = on({ confidentiality: 'non-confidential', advanced_at_start: '100', advanced_at_end: '199' });
    const tail = on({ advanced_at_start: '200' }, { tail: true });
    const { sent, rest } = longestFirst([short, long, tail, fresh, part, atom], 4);
    expect(sent).toEqual([long, fresh, part, atom]);
    expect(rest).toEqual([short, tail]);
    expect(longestFirst([short, long, atom], 1).sent).toEqual([atom]);
    // A part left uncut holds the never-advanced records too: it goes before another part's later ranges.
    const uncut = on({ confidentiality: 'confidential' });
    expect(longestFirst([part, uncut], 1).sent).toEqual([uncut]);
  });

  it('keeps the order of windows as long as each other, and sends all when there is room', () => {
    const [a, b, c] = [reading(0, 100, 1), reading(200, 300, 1), reading(400, 500, 1)];
    expect(longestFirst([a, b, c], 2)).toEqual({ sent: [a, b], rest: [c] });
    expect(longestFirst([a, b, c], 5)).toEqual({ sent: [a, b, c], rest: [] });
  });
});

describe('chainBound', () => {
  it('holds while a part of a bulk instant is among the windows, not for createdAt windows alone', () => {
    const createdAt = [reading(0, 100_000, 1), reading(0, 100, 1)];
    expect(chainBound(createdAt)).toBe(false);
    expect(chainBound([...createdAt, on({ confidentiality: 'confidential' })])).toBe(true);
    expect(chainBound([...createdAt, on({ advanced_at_start: '5' }, { tail: true })])).toBe(false);
  });
});

describe('recordsLeft and densityOf', () => {
  it("extrapolate the last page's density over the range left", () => {
    const page = Array.from({ length: 100 }, (_, i) => ({ createdAt: 10_000 + i * 10 }));
    expect(densityOf(page)).toBe(0.101);
    expect(densityOf([{ createdAt: 'x' }])).toBeUndefined();
    expect(recordsLeft(reading(0, 10_000, 0.101))).toBeCloseTo(1010);
  });
});
