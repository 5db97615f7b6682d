// Calendar days in a zone: exact first and last milliseconds, including days with a DST change.
import { endOfLocalDay, nextDay, parseIsoDay, startOfLocalDay } from '../../../src/import/local-days';
import { offsetIn, wallClock } from './zone-offsets';

describe('parseIsoDay', () => {
  it('accepts real dates and rejects everything else', () => {
    expect(parseIsoDay('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of ['2025-02-29', '2025-13-01', '2025-1-5', '05/01/2025', '', '2025-01-05T00:00']) {
      expect(parseIsoDay(bad)).toBeNull();
    }
  });

  it('rolls over months and years', () => {
    expect(nextDay({ year: 2025, month: 12, day: 31 })).toEqual({ year: 2026, month: 1, day: 1 });
  });
});

describe('local day bounds', () => {
  const cases: Array<[string, string]> = [
    ['America/New_York', '2026-01-05'],
    ['America/New_York', '2025-03-09'], // spring forward: a 23-hour day
    ['America/New_York', '2025-11-02'], // fall back: a 25-hour day
    ['Europe/Berlin', '2025-03-30'],
    ['Asia/Kolkata', '2025-06-01'],
    ['Pacific/Chatham', '2025-04-06'],
    ['Etc/UTC', '2025-06-01'],
  ];

  it.each(cases)('in %s, %s starts at local midnight and ends 1 ms before the next', (zone, iso) => {
    const offsetAt = offsetIn(zone);
    const day = parseIsoDay(iso)!;
    const start = startOfLocalDay(day, offsetAt);
    expect(start).toBe(wallClock(zone, `${iso}T00:00:00.000`));
    const end = endOfLocalDay(day, offsetAt);
    expect(end + 1).toBe(startOfLocalDay(nextDay(day), offsetAt));
    const localHours = (end + 1 - start) / 3_600_000;
    expect([23, 23.5, 24, 24.5, 25]).toContain(localHours);
  });

  it('starts a day that has no midnight at the moment the clocks jump', () => {
    // Santiago skipped from 00:00 to 01:00 on 2024-09-08.
    const offsetAt = offsetIn('America/Santiago');
    const start = startOfLocalDay({ year: 2024, month: 9, day: 8 }, offsetAt);
    expect(offsetAt(start - 1)).toBe(-240);
    expect(offsetAt(start)).toBe(-180);
    expect(new Date(start).toISOString()).toBe('2024-09-08T04:00:00.000Z');
  });
});
