// Scheduled runs happen at the right wall-clock times in the spreadsheet's zone, fired by the bundle's own trigger.
import { createHarness, type Harness, USER } from '../support/harness';
import { HOUR, runsOf, scheduledImport, stepTo, utcHour } from './schedule-support';

describe.each([
  ['without an active spreadsheet', false],
  ['with an active spreadsheet', true],
])('daily and weekly schedules in America/New_York, %s', (_label, active) => {
  let h: Harness;
  const ids = { daily: '', weekly: '' };
  beforeAll(() => {
    h = createHarness({ requisitions: 30, opportunities: 10 });
  });

  it('runs daily at 07:00 New York (12:00 UTC in winter) and weekly on Wednesdays at 09:00, from one trigger', () => {
    const daily = scheduledImport(h, 'Daily reqs', { kind: 'daily', hour: 7 });
    const weekly = scheduledImport(h, 'Weekly reqs', { kind: 'weekly', hour: 9, weekDay: 'WEDNESDAY' });
    ids.daily = daily.id;
    ids.weekly = weekly.id;
    const triggers = h.emu.triggers({ user: USER, spreadsheetId: h.ssId });
    expect(triggers).toHaveLength(1);
    expect(triggers[0]).toMatchObject({ handler: 'onScheduledRun', recurring: true });

    stepTo(h, Date.UTC(2026, 0, 12, 0), active);

    const dailyRuns = runsOf(h, daily.id);
    // The harness starts on Monday 5 January at 14:00 UTC, after that day's 07:00.
    expect(dailyRuns.map((run) => run.startedAt.slice(0, 10)).sort()).toEqual([
      '2026-01-06',
      '2026-01-07',
      '2026-01-08',
      '2026-01-09',
      '2026-01-10',
      '2026-01-11',
    ]);
    expect(dailyRuns.every((run) => run.status === 'succeeded' && run.trigger === 'schedule')).toBe(true);
    expect(new Set(dailyRuns.map((run) => utcHour(run.startedAt)))).toEqual(new Set([12]));

    const weeklyRuns = runsOf(h, weekly.id);
    expect(weeklyRuns).toHaveLength(1);
    expect(weeklyRuns[0].startedAt.slice(0, 10)).toBe('2026-01-07');
    expect(utcHour(weeklyRuns[0].startedAt)).toBe(14);
    expect(h.emu.triggers({ user: USER, spreadsheetId: h.ssId }).map((t) => t.uid)).toEqual([triggers[0].uid]);
  });

  it('moves to 11:00 UTC in summer, and runs a slot missed while nothing fired once, not once per day', () => {
    const { daily, weekly } = ids;
    const dailyBefore = runsOf(h, daily).length;
    const weeklyBefore = runsOf(h, weekly).length;
    // Months pass with the account unable to run anything (the clock jumps; the trigger fires late, once).
    h.emu.clock.set(Date.UTC(2026, 6, 6, 0, 30));
    stepTo(h, Date.UTC(2026, 6, 6, 1, 30), active);
    expect(runsOf(h, daily).length - dailyBefore).toBe(1);
    expect(runsOf(h, weekly).length - weeklyBefore).toBe(1);

    stepTo(h, Date.UTC(2026, 6, 7, 0), active);
    const latest = runsOf(h, daily)[0];
    expect(latest.startedAt.slice(0, 10)).toBe('2026-07-06');
    expect(utcHour(latest.startedAt)).toBe(11);
    expect(runsOf(h, daily).length - dailyBefore).toBe(2);
    expect(runsOf(h, weekly).length - weeklyBefore).toBe(1);
    expect(h.emu.clock.now() - Date.UTC(2026, 6, 7, 0)).toBeLessThan(HOUR);
  });
});
