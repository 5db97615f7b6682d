// Due-time rules: slots in the spreadsheet's zone, missed slots collapsing into one run, DST days.
import { checkDue, latestSlotAtOrBefore, nextSlotAfter } from '../../../src/schedule/due';
import type { ScheduleSpec } from '../../../src/shared/types';

const NY = 'America/New_York';
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
const HOUR = 3_600_000;

describe('daily', () => {
  const daily7: ScheduleSpec = { kind: 'daily', hour: 7 };

  it('finds the latest and next 07:00 New York slots in winter', () => {
    const now = Date.UTC(2026, 0, 6, 15); // 10:00 EST
    expect(iso(latestSlotAtOrBefore(daily7, NY, now))).toBe('2026-01-06T12:00:00.000Z');
    expect(iso(nextSlotAfter(daily7, NY, now))).toBe('2026-01-07T12:00:00.000Z');
  });

  it('moves to 11:00 UTC once summer time starts', () => {
    expect(iso(nextSlotAfter(daily7, NY, Date.UTC(2026, 2, 7, 13)))).toBe('2026-03-08T11:00:00.000Z');
  });

  it("is not due before today's slot when yesterday's was handled", () => {
    const yesterdaySlot = Date.UTC(2026, 0, 5, 12);
    const check = checkDue(daily7, NY, yesterdaySlot, Date.UTC(2026, 0, 6, 11, 59));
    expect(check.due).toBe(false);
    expect(iso(check.nextSlot)).toBe('2026-01-06T12:00:00.000Z');
  });
});

describe('weekly', () => {
  const mondays9: ScheduleSpec = { kind: 'weekly', hour: 9, weekDay: 'MONDAY' };

  it('fires only on the chosen day', () => {
    const wednesday = Date.UTC(2026, 0, 7, 18);
    expect(iso(latestSlotAtOrBefore(mondays9, NY, wednesday))).toBe('2026-01-05T14:00:00.000Z');
    expect(iso(nextSlotAfter(mondays9, NY, wednesday))).toBe('2026-01-12T14:00:00.000Z');
  });

  it("uses the spreadsheet's day, which can differ from the UTC day", () => {
    // Sunday 22:00 in New York is already Monday 03:00 UTC: not yet the Monday slot.
    const sundayEvening = Date.UTC(2026, 0, 12, 3);
    expect(iso(latestSlotAtOrBefore(mondays9, NY, sundayEvening))).toBe('2026-01-05T14:00:00.000Z');
    expect(iso(latestSlotAtOrBefore(mondays9, 'Etc/UTC', sundayEvening))).toBe('2026-01-05T09:00:00.000Z');
  });
});

describe('hourly', () => {
  it("aligns every 4 hours to the spreadsheet's midnight", () => {
    const now = Date.UTC(2026, 0, 5, 14, 30); // 09:30 EST
    expect(iso(latestSlotAtOrBefore({ kind: 'hourly', everyHours: 4 }, NY, now))).toBe('2026-01-05T13:00:00.000Z');
    expect(iso(nextSlotAfter({ kind: 'hourly', everyHours: 4 }, NY, now))).toBe('2026-01-05T17:00:00.000Z');
  });

  it('gives strictly increasing slots through both DST changes', () => {
    const hourly: ScheduleSpec = { kind: 'hourly', everyHours: 1 };
    for (const [start, expected] of [
      [Date.UTC(2026, 2, 8, 5), 23], // spring forward: a 23-hour day
      [Date.UTC(2026, 10, 1, 4), 24], // fall back: 25 hours, the repeated 01:00 runs once
    ] as const) {
      const slots: number[] = [];
      let cursor = start - 1;
      for (let i = 0; i < expected; i++) {
        const next = nextSlotAfter(hourly, NY, cursor)!;
        expect(next).toBeGreaterThan(cursor);
        slots.push(next);
        cursor = next;
      }
      expect(new Set(slots).size).toBe(expected);
      expect(slots[expected - 1] - slots[0]).toBeLessThanOrEqual(25 * HOUR);
    }
  });
});

describe('checkDue', () => {
  const daily7: ScheduleSpec = { kind: 'daily', hour: 7 };

  it('runs several missed slots once, for the latest', () => {
    const handled = Date.UTC(2026, 0, 2, 12);
    const now = Date.UTC(2026, 0, 6, 12, 40);
    const check = checkDue(daily7, NY, handled, now);
    expect(check).toEqual({ due: true, slot: Date.UTC(2026, 0, 6, 12), nextSlot: Date.UTC(2026, 0, 6, 12) });
    expect(checkDue(daily7, NY, check.slot, now + HOUR).due).toBe(false);
  });

  it('is never due when the schedule is off', () => {
    expect(checkDue({ kind: 'off' }, NY, undefined, Date.UTC(2026, 0, 6))).toEqual({ due: false, nextSlot: undefined });
  });
});
