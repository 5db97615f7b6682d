// Wall-clock conversions in real IANA zones, including both DST transitions.
import {
  addDays,
  dayKey,
  instantAt,
  isKnownZone,
  localDateTime,
  weekDayOf,
  zoneOffsetMs,
} from '../../../src/schedule/zone';

const NY = 'America/New_York';

describe('instantAt', () => {
  it('maps 07:00 New York to 12:00 UTC in winter and 11:00 UTC in summer', () => {
    expect(new Date(instantAt({ year: 2026, month: 1, day: 6 }, 7, NY)).toISOString()).toBe('2026-01-06T12:00:00.000Z');
    expect(new Date(instantAt({ year: 2026, month: 7, day: 6 }, 7, NY)).toISOString()).toBe('2026-07-06T11:00:00.000Z');
  });

  it('handles half-hour zones and UTC', () => {
    expect(new Date(instantAt({ year: 2026, month: 1, day: 6 }, 7, 'Asia/Kolkata')).toISOString()).toBe(
      '2026-01-06T01:30:00.000Z',
    );
    expect(new Date(instantAt({ year: 2026, month: 1, day: 6 }, 0, 'Etc/UTC')).toISOString()).toBe(
      '2026-01-06T00:00:00.000Z',
    );
  });

  it('uses the first instant after a spring-forward gap', () => {
    // 2026-03-08 02:00 does not exist in New York: clocks jump from 01:59 EST to 03:00 EDT (07:00 UTC).
    expect(new Date(instantAt({ year: 2026, month: 3, day: 8 }, 2, NY)).toISOString()).toBe('2026-03-08T07:00:00.000Z');
    // Berlin jumps from 02:00 CET to 03:00 CEST on 2026-03-29 (01:00 UTC).
    expect(new Date(instantAt({ year: 2026, month: 3, day: 29 }, 2, 'Europe/Berlin')).toISOString()).toBe(
      '2026-03-29T01:00:00.000Z',
    );
  });

  it('uses the first of two readings when clocks fall back', () => {
    // 01:00 happens at 05:00 UTC (EDT) and again at 06:00 UTC (EST) on 2026-11-01.
    expect(new Date(instantAt({ year: 2026, month: 11, day: 1 }, 1, NY)).toISOString()).toBe(
      '2026-11-01T05:00:00.000Z',
    );
    // 02:00 happens at 00:00 UTC (CEST) and 01:00 UTC (CET) on 2026-10-25.
    expect(new Date(instantAt({ year: 2026, month: 10, day: 25 }, 2, 'Europe/Berlin')).toISOString()).toBe(
      '2026-10-25T00:00:00.000Z',
    );
  });
});

describe('local readings', () => {
  it('reads wall-clock parts and offsets', () => {
    expect(localDateTime(Date.UTC(2026, 0, 6, 4, 30), NY)).toEqual({
      year: 2026,
      month: 1,
      day: 5,
      hour: 23,
      minute: 30,
      second: 0,
    });
    expect(localDateTime(Date.UTC(2026, 0, 6, 5, 0), NY).hour).toBe(0);
    expect(zoneOffsetMs(Date.UTC(2026, 0, 6), NY)).toBe(-5 * 3_600_000);
    expect(zoneOffsetMs(Date.UTC(2026, 6, 6), NY)).toBe(-4 * 3_600_000);
  });

  it('keys days in the zone, not in UTC', () => {
    expect(dayKey(Date.UTC(2026, 0, 6, 3), NY)).toBe('2026-01-05');
    expect(dayKey(Date.UTC(2026, 0, 6, 3), 'Etc/UTC')).toBe('2026-01-06');
  });

  it('adds days across month and year ends and names week days', () => {
    expect(addDays({ year: 2025, month: 12, day: 31 }, 1)).toEqual({ year: 2026, month: 1, day: 1 });
    expect(addDays({ year: 2026, month: 3, day: 1 }, -1)).toEqual({ year: 2026, month: 2, day: 28 });
    expect(weekDayOf({ year: 2026, month: 1, day: 5 })).toBe(1); // a Monday
  });

  it('tells known zones from unknown ones', () => {
    expect(isKnownZone(NY)).toBe(true);
    expect(isKnownZone('Mars/Olympus_Mons')).toBe(false);
  });
});
