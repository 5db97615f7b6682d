// describeSchedule: next run in the spreadsheet's zone, ownership, and the warnings shown in the sidebar.
import { describeForEveryone, describeSchedule, type ScheduleContext } from '../../../src/schedule/describe';
import { definition, scheduled } from '../trigger/fakes';

const ANA = 'ana@example.com';
const NOW = Date.UTC(2026, 0, 6, 15);

function context(overrides: Partial<ScheduleContext> = {}): ScheduleContext {
  return { timeZone: 'America/New_York', states: {}, runtimeUsedMs: 0, ...overrides };
}

describe('describeSchedule', () => {
  it('says anyone may set a schedule on an unscheduled import', () => {
    expect(describeSchedule(definition('a'), NOW, 'ben@example.com', context())).toEqual({ ownedByMe: true });
  });

  it("gives the next slot in the spreadsheet's zone and who owns it", () => {
    const def = scheduled('a', { kind: 'daily', hour: 7 }, ANA);
    const handled = { a: { lastSlot: Date.UTC(2026, 0, 6, 12) } };
    expect(describeSchedule(def, NOW, ANA, context({ states: handled }))).toEqual({
      nextRunAt: '2026-01-07T12:00:00.000Z',
      ownedByMe: true,
    });
    expect(describeSchedule(def, NOW, 'ben@example.com', context({ states: handled })).ownedByMe).toBe(false);
  });

  it('shows a pending slot as the next run', () => {
    const def = scheduled('a', { kind: 'daily', hour: 7 }, ANA);
    const stale = { a: { lastSlot: Date.UTC(2026, 0, 5, 12) } };
    expect(describeSchedule(def, NOW, ANA, context({ states: stale })).nextRunAt).toBe('2026-01-06T12:00:00.000Z');
  });

  it("warns the owner about the trigger and the day's runtime, and everyone about skipped runs", () => {
    const def = scheduled('a', { kind: 'hourly', everyHours: 1 }, ANA);
    const ctx = context({
      runtimeUsedMs: 72 * 60_000,
      triggerWarning: 'Trigger was recreated.',
      states: { a: { note: 'Skipped: busy.' } },
    });
    const mine = describeSchedule(def, NOW, ANA, ctx).warning ?? '';
    expect(mine).toContain('Skipped: busy.');
    expect(mine).toContain('Trigger was recreated.');
    expect(mine).toContain('used 72 of');
    expect(describeSchedule(def, NOW, 'ben@example.com', ctx).warning).toBe('Skipped: busy.');
    expect(describeSchedule(def, NOW, ANA, context({ runtimeUsedMs: 30 * 60_000 })).warning).toBeUndefined();
  });

  it('uses the context it is given, and leaves times out without one', () => {
    const def = scheduled('a', { kind: 'daily', hour: 7 }, ANA);
    expect(describeSchedule(def, NOW, ANA)).toEqual({ ownedByMe: true });
    const given = context({ timeZone: 'Etc/UTC', states: { a: { lastSlot: Date.UTC(2026, 0, 6, 7) } } });
    expect(describeSchedule(def, NOW, ANA, given).nextRunAt).toBe('2026-01-07T07:00:00.000Z');
  });

  it('warns once a schedule has not succeeded for its interval plus an hour, worded for owner and others', () => {
    const def = scheduled('a', { kind: 'hourly', everyHours: 2 }, ANA);
    const success = NOW - 3 * 3_600_000 - 60_000;
    const ctx = context({ lastSuccessAt: { a: success }, states: { a: { lastSlot: NOW - 3_600_000 } } });
    const others = describeSchedule(def, NOW, 'ben@example.com', ctx).warning ?? '';
    expect(others).toMatch(/^No successful refresh since Jan 6, 06:59 — the schedule runs with ana@example.com's key/);
    expect(describeSchedule(def, NOW, ANA, ctx).warning).toContain('your Lever key');
    expect(describeForEveryone(def, NOW, ctx)).toEqual({ ...describeSchedule(def, NOW, 'ben@example.com', ctx) });
    // A later scheduled success (kept by the dispatcher) or a recent take-over (since) clears it.
    const recent = { a: { lastSuccessAt: NOW - 3_600_000 } };
    expect(
      describeSchedule(def, NOW, ANA, context({ lastSuccessAt: { a: success }, states: recent })).warning,
    ).toBeUndefined();
    const takenOver = { a: { since: NOW - 60_000 } };
    expect(
      describeSchedule(def, NOW, ANA, context({ lastSuccessAt: { a: success }, states: takenOver })).warning,
    ).toBeUndefined();
  });

  it("describes for everyone without the viewer's own trigger and runtime warnings", () => {
    const def = scheduled('a', { kind: 'daily', hour: 7 }, ANA);
    const ctx = context({
      runtimeUsedMs: 80 * 60_000,
      triggerWarning: 'Trigger was recreated.',
      states: { a: { lastSlot: Date.UTC(2026, 0, 6, 12) } },
    });
    expect(describeForEveryone(def, NOW, ctx)).toEqual({ nextRunAt: '2026-01-07T12:00:00.000Z', ownedByMe: false });
    expect(describeForEveryone(definition('b'), NOW, ctx)).toEqual({ ownedByMe: false });
  });
});
