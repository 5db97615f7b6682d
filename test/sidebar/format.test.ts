// The sidebar's wording of counts, instants, durations, schedules and run outcomes.

import {
  describeChanges,
  describeOutcome,
  describeSchedule,
  ENVIRONMENT_BADGES,
  formatDuration,
  formatHour,
  formatInstant,
  formatNextRun,
  isRunActive,
  plural,
} from '../../sidebar/format';
import type { RunRecord } from '../../src/shared/types';

function run(overrides: Partial<RunRecord>): RunRecord {
  return {
    runId: 'r1',
    importId: 'i1',
    trigger: 'sidebar',
    startedAt: '2026-01-05T14:00:00.000Z',
    status: 'succeeded',
    rowsFetched: 0,
    pages: 0,
    requests: 0,
    executions: 1,
    durationMs: 0,
    ...overrides,
  };
}

describe('format', () => {
  it('counts with separators and singular/plural nouns', () => {
    expect(plural(1, 'row')).toBe('1 row');
    expect(plural(1234, 'row')).toBe('1,234 rows');
    expect(plural(0, 'match', 'matches')).toBe('0 matches');
  });

  it("shows instants in the spreadsheet's zone, not the browser's", () => {
    const iso = '2026-01-05T14:30:00.000Z';
    expect(formatInstant(iso, 'America/New_York')).toMatch(/Jan 5, 2026.*9:30\sAM/);
    expect(formatInstant(iso, 'Asia/Tokyo')).toMatch(/Jan 5, 2026.*11:30\sPM/);
    expect(formatInstant('not a date', 'UTC')).toBe('not a date');
  });

  it('falls back to the browser zone for an unknown zone name', () => {
    expect(formatInstant('2026-01-05T14:30:00.000Z', 'Not/AZone')).toMatch(/2026/);
  });

  it("gives the next run as the start of its hour in the sheet's zone, never an exact minute", () => {
    expect(formatNextRun('2026-01-06T12:00:00.000Z', 'America/New_York')).toBe('Jan 6, after 07:00');
    expect(formatNextRun('2026-01-06T23:00:00.000Z', 'Asia/Tokyo')).toBe('Jan 7, after 08:00');
    expect(formatNextRun('2026-01-06T00:00:00.000Z', 'UTC')).toBe('Jan 6, after 00:00');
    expect(formatNextRun('soon', 'UTC')).toBe('soon');
    expect(formatNextRun('2026-01-06T12:00:00.000Z', 'Not/AZone')).toMatch(/^Jan 6, after \d\d:00$/);
  });

  it('leads a list of changes with "Last refresh" and leaves the server\'s sentences as they are', () => {
    expect(describeChanges('3 new, 1 closed, headcount changed on 2')).toBe(
      'Last refresh: 3 new, 1 closed, headcount changed on 2.',
    );
    expect(describeChanges('2 moved stage', 'Changes')).toBe('Changes: 2 moved stage.');
    expect(describeChanges('No changes since the last refresh.')).toBe('No changes since the last refresh.');
    expect(describeChanges('The sheet was refreshed, but its changes could not be recorded: quota…')).toMatch(/…$/);
  });

  it('badges every Lever account with a short distinct name', () => {
    const badges = Object.values(ENVIRONMENT_BADGES);
    expect(new Set(badges).size).toBe(3);
    expect(ENVIRONMENT_BADGES.sandbox).toBe('Sandbox');
  });

  it('words durations in seconds, minutes and hours', () => {
    expect(formatDuration(400)).toBe('0 s');
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(185_000)).toBe('3 min 5 s');
    expect(formatDuration(3_720_000)).toBe('1 h 2 min');
  });

  it('words every kind of schedule', () => {
    expect(describeSchedule(undefined)).toBe('Not scheduled');
    expect(describeSchedule({ kind: 'off' })).toBe('Not scheduled');
    expect(describeSchedule({ kind: 'hourly', everyHours: 1 })).toBe('Every hour');
    expect(describeSchedule({ kind: 'hourly', everyHours: 6 })).toBe('Every 6 hours');
    expect(describeSchedule({ kind: 'daily', hour: 7 })).toBe('Daily at 07:00');
    expect(describeSchedule({ kind: 'weekly', weekDay: 'FRIDAY', hour: 17 })).toBe('Weekly on Friday at 17:00');
    expect(formatHour(0)).toBe('00:00');
  });

  it('tells active runs from finished ones and words their outcome', () => {
    expect(isRunActive(run({ status: 'continuing' }))).toBe(true);
    expect(isRunActive(run({ status: 'running' }))).toBe(true);
    expect(isRunActive(run({ status: 'failed' }))).toBe(false);
    expect(isRunActive(null)).toBe(false);
    expect(describeOutcome(run({ status: 'running', rowsFetched: 300 }))).toBe('Running · 300 records fetched');
    expect(describeOutcome(run({ status: 'failed' }))).toBe('Failed');
    expect(describeOutcome(run({ rowsFetched: 12, rowsWritten: 10 }))).toBe('Succeeded · 10 rows');
  });

  it('names a changes-only refresh', () => {
    expect(describeOutcome(run({ rowsFetched: 3, rowsWritten: 10, kind: 'changes' }))).toBe(
      'Succeeded · 10 rows · changes only',
    );
    expect(describeOutcome(run({ rowsWritten: 10, kind: 'full' }))).toBe('Succeeded · 10 rows');
  });
});
