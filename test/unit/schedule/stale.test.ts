// Stale schedules: no success for longer than the interval plus a grace hour, measured from the latest known fact.
import {
  intervalMs,
  STALE_GRACE_MS,
  shortLocal,
  staleReference,
  staleSince,
  staleWarning,
} from '../../../src/schedule/stale';

const NY = 'America/New_York';
const HOUR = 3_600_000;
const ANA = 'ana@example.com';
/** 2026-01-05 10:37 in New York. */
const SUCCESS = Date.UTC(2026, 0, 5, 15, 37);

describe('staleSince', () => {
  it('is quiet until the interval plus the grace hour have passed since the last success', () => {
    const hourly = { kind: 'hourly', everyHours: 4 } as const;
    const facts = { lastSuccessAt: SUCCESS };
    expect(staleSince(hourly, NY, facts, SUCCESS + 4 * HOUR + STALE_GRACE_MS)).toBeUndefined();
    expect(staleSince(hourly, NY, facts, SUCCESS + 4 * HOUR + STALE_GRACE_MS + 60_000)).toBe(SUCCESS);
  });

  it('counts from the newest of the run records, the dispatcher record and the schedule start', () => {
    const daily = { kind: 'daily', hour: 7 } as const;
    const later = SUCCESS + 20 * HOUR;
    expect(staleReference({ lastSuccessAt: SUCCESS, lastScheduledSuccessAt: later, since: SUCCESS - HOUR })).toBe(
      later,
    );
    expect(staleReference({ since: later })).toBe(later);
    expect(staleReference({})).toBeUndefined();
    // A schedule taken over (since) an hour ago is not stale even if its last success is days old.
    const now = SUCCESS + 72 * HOUR;
    expect(staleSince(daily, NY, { lastSuccessAt: SUCCESS, since: now - HOUR }, now)).toBeUndefined();
    expect(staleSince(daily, NY, { lastSuccessAt: SUCCESS }, now)).toBe(SUCCESS);
    expect(staleSince(daily, NY, {}, now)).toBeUndefined();
  });

  it('waits for the first slot after the reference when that comes later than one interval (a 25-hour day)', () => {
    const daily = { kind: 'daily', hour: 7 } as const;
    // The clocks go back early on 2026-11-01: 07:00 on Oct 31 and 07:00 on Nov 1 are 25 hours apart.
    const success = Date.UTC(2026, 9, 31, 11, 10); // 07:10 EDT
    const nextSlot = Date.UTC(2026, 10, 1, 12); // 07:00 EST
    const almost = nextSlot + STALE_GRACE_MS - 60_000;
    expect(almost).toBeGreaterThan(success + intervalMs(daily) + STALE_GRACE_MS);
    expect(staleSince(daily, NY, { lastSuccessAt: success }, almost)).toBeUndefined();
    expect(staleSince(daily, NY, { lastSuccessAt: success }, nextSlot + STALE_GRACE_MS + 60_000)).toBe(success);
  });

  it('never calls a schedule that is off stale', () => {
    expect(staleSince({ kind: 'off' }, NY, { lastSuccessAt: 0 }, SUCCESS)).toBeUndefined();
  });

  it('knows each kind of interval', () => {
    expect(intervalMs({ kind: 'hourly', everyHours: 6 })).toBe(6 * HOUR);
    expect(intervalMs({ kind: 'daily', hour: 3 })).toBe(24 * HOUR);
    expect(intervalMs({ kind: 'weekly', hour: 3, weekDay: 'MONDAY' })).toBe(168 * HOUR);
  });
});

describe('staleWarning', () => {
  it('tells collaborators whose key runs it and that they can take it over, and the owner to look at the error', () => {
    expect(shortLocal(SUCCESS, NY)).toBe('Jan 5, 10:37');
    expect(staleWarning(SUCCESS, NY, ANA, false)).toBe(
      `No successful refresh since Jan 5, 10:37 — the schedule runs with ${ANA}'s key; if they left, take it over.`,
    );
    expect(staleWarning(SUCCESS, NY, '', false)).toContain("the schedule owner's key");
    expect(staleWarning(SUCCESS, 'Etc/UTC', ANA, true)).toBe(
      'No successful refresh since Jan 5, 15:37 — the schedule runs with your Lever key; see the last error to fix it.',
    );
  });
});
