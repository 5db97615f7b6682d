// The token bucket paces requests to Lever's 10/s and counts parallel requests one token each.
import { TokenBucket } from '../../../src/lever/rate-limiter';
import { FakeClock } from './fakes';

describe('TokenBucket', () => {
  it('paces a long run of requests to 10 per second after the initial tokens', () => {
    const clock = new FakeClock(0);
    const bucket = new TokenBucket(clock, { perSecond: 10, burst: 20 }, 10);
    for (let i = 0; i < 110; i++) expect(bucket.acquire(1, Number.POSITIVE_INFINITY)).toBe(true);
    // 10 free, then 100 more at 10/s.
    expect(clock.time).toBeGreaterThanOrEqual(10_000);
    expect(clock.time).toBeLessThan(10_200);
  });

  it('takes one token per request of a parallel batch', () => {
    const clock = new FakeClock(0);
    const bucket = new TokenBucket(clock, { perSecond: 10, burst: 20 }, 20);
    expect(bucket.acquire(8, Number.POSITIVE_INFINITY)).toBe(true);
    expect(bucket.acquire(8, Number.POSITIVE_INFINITY)).toBe(true);
    expect(clock.sleeps).toEqual([]);
    // 4 left: the third batch of 8 waits for 4 more tokens, 400 ms.
    expect(bucket.acquire(8, Number.POSITIVE_INFINITY)).toBe(true);
    expect(clock.sleeps).toEqual([400]);
  });

  it('does work handed to whileWaiting at the first wait, in time it would have slept, and only once', () => {
    const clock = new FakeClock(0);
    const bucket = new TokenBucket(clock, { perSecond: 10, burst: 20 }, 8);
    const ran: number[] = [];
    bucket.whileWaiting(() => {
      ran.push(clock.time);
      clock.time += 150;
    });
    // No wait while tokens last: nothing runs.
    expect(bucket.acquire(8, Number.POSITIVE_INFINITY)).toBe(true);
    expect(ran).toEqual([]);
    // 4 tokens short: 400 ms to wait, of which the work takes 150.
    expect(bucket.acquire(4, Number.POSITIVE_INFINITY)).toBe(true);
    expect(ran).toEqual([0]);
    expect(clock.sleeps).toEqual([250]);
    expect(bucket.acquire(4, Number.POSITIVE_INFINITY)).toBe(true);
    expect(ran).toEqual([0]);
  });

  it('starts nothing when the work done while waiting ran up to the deadline', () => {
    const clock = new FakeClock(0);
    const bucket = new TokenBucket(clock, { perSecond: 10, burst: 20 }, 0);
    bucket.whileWaiting(() => {
      clock.time += 5_000;
    });
    expect(bucket.acquire(4, 3_000)).toBe(false);
    expect(clock.sleeps).toEqual([]);
  });

  it('refills with time, up to the burst', () => {
    const clock = new FakeClock(0);
    const bucket = new TokenBucket(clock, { perSecond: 10, burst: 20 }, 0);
    expect(bucket.waitFor(5)).toBe(500);
    clock.time += 60_000;
    expect(bucket.waitFor(20)).toBe(0);
    expect(bucket.waitFor(21)).toBe(100);
  });

  it('refuses, taking nothing and not sleeping, when the wait would pass the deadline', () => {
    const clock = new FakeClock(0);
    const bucket = new TokenBucket(clock, { perSecond: 10, burst: 20 }, 0);
    expect(bucket.acquire(5, 499)).toBe(false);
    expect(clock.sleeps).toEqual([]);
    expect(bucket.acquire(5, 500)).toBe(true);
    expect(clock.time).toBe(500);
  });

  it('says how many whole tokens a batch could take now, refilled with time', () => {
    const clock = new FakeClock(0);
    const bucket = new TokenBucket(clock, { perSecond: 10, burst: 20 }, 3);
    expect(bucket.available()).toBe(3);
    clock.time += 250;
    expect(bucket.available()).toBe(5);
    clock.time += 60_000;
    expect(bucket.available()).toBe(20);
  });

  it('starts from half the burst by default', () => {
    const bucket = new TokenBucket(new FakeClock(0));
    expect(bucket.waitFor(10)).toBe(0);
    expect(bucket.waitFor(11)).toBe(100);
  });

  it('when known idle, holds the burst less a margin that stays for the whole run', () => {
    const clock = new FakeClock(0);
    const bucket = new TokenBucket(clock);
    bucket.fill();
    expect(bucket.waitFor(18)).toBe(0);
    expect(bucket.waitFor(19)).toBe(100);
    clock.time += 60_000;
    expect(bucket.waitFor(20)).toBe(0);
  });

  it('rejects a batch larger than the burst', () => {
    const bucket = new TokenBucket(new FakeClock(0));
    expect(() => bucket.acquire(21, Number.POSITIVE_INFINITY)).toThrow(/burst/);
  });
});
