// describeSchedule: next run in the spreadsheet's zone, ownership, and the warnings shown in the sidebar.
import { describeSchedule, type ScheduleContext, useScheduleContext } from '../../../src/schedule/status';
import { definition, scheduled } from './fakes';

const ANA = 'ana@example.com';
const NOW = Date.UTC(2026, 0, 6, 15);

function context(overrides: Partial<ScheduleContext> = {}): ScheduleContext {
  return { timeZone: 'America/New_York', states: {}, runtimeUsedMs: 0, ...overrides };
}

describe('describeSchedule', () => {
  afterEach(() => useScheduleContext(undefined));

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

  it('uses the context remembered for this execution, and leaves times out without one', () => {
    const def = scheduled('a', { kind: 'daily', hour: 7 }, ANA);
    expect(describeSchedule(def, NOW, ANA)).toEqual({ ownedByMe: true });
    useScheduleContext(context({ timeZone: 'Etc/UTC', states: { a: { lastSlot: Date.UTC(2026, 0, 6, 7) } } }));
    expect(describeSchedule(def, NOW, ANA).nextRunAt).toBe('2026-01-07T07:00:00.000Z');
  });
});
