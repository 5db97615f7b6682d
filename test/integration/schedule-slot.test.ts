// The single trigger slot: a long import continues through it, only the owner changes a schedule, nothing is left over.
import type { SidebarState } from '../../src/shared/types';
import { createHarness, type Harness, OTHER_USER, USER } from '../support/harness';
import { HOUR, latestRunOf, runsOf, scheduledImport, stepTo } from './schedule-support';

function statusFor(h: Harness, importId: string, user = USER) {
  const state = h.call<SidebarState>('getSidebarState', [], user);
  return state.imports.find((entry) => entry.definition.id === importId);
}

describe('a big scheduled import', () => {
  it('finishes over several firings of the one trigger, and the schedule is still there afterwards', () => {
    // Slow Lever answers make each execution fetch only part of the data before its time budget.
    const h = createHarness({ requisitions: 1_500, opportunities: 10, latencyMs: 70_000, rateLimit: false });
    const definition = scheduledImport(h, 'All reqs', { kind: 'daily', hour: 7 });
    const [trigger] = h.emu.triggers({ user: USER });

    // The 07:00 New York slot is 12:00 UTC; the trigger fires once in that hour.
    const fired = stepTo(h, Date.UTC(2026, 0, 6, 13), true);
    expect(latestRunOf(h, definition.id)?.status).toBe('continuing');
    expect(h.emu.triggers({ user: USER }).map((t) => t.uid)).toEqual([trigger.uid]);
    fired.push(...stepTo(h, Date.UTC(2026, 0, 6, 18), true));
    const run = latestRunOf(h, definition.id);
    expect(run).toMatchObject({ status: 'succeeded', trigger: 'schedule' });
    expect(run?.executions).toBeGreaterThanOrEqual(2);
    expect(runsOf(h, definition.id).filter((r) => r.status === 'succeeded')).toHaveLength(1);
    expect(fired.every((execution) => execution.trigger?.uid === trigger.uid)).toBe(true);
    expect(h.emu.triggers({ user: USER }).map((t) => t.uid)).toEqual([trigger.uid]);
    expect(h.emu.triggers({ user: USER })[0].recurring).toBe(true);
  });
});

describe('ownership and clean-up', () => {
  let h: Harness;
  let importId: string;
  beforeAll(() => {
    h = createHarness({ requisitions: 20, opportunities: 10 });
    importId = scheduledImport(h, 'Team reqs', { kind: 'daily', hour: 7 }).id;
  });

  it('refuses another editor and tells them whose schedule it is', () => {
    const result = h.emu.callFromSidebar('setSchedule', [importId, { kind: 'off' }], {
      user: OTHER_USER,
      spreadsheetId: h.ssId,
    });
    expect(result.ok).toBe(false);
    expect(result.error?.message).toContain(`${USER}'s Lever key`);
    expect(statusFor(h, importId, OTHER_USER)?.ownedByMe).toBe(false);
    expect(statusFor(h, importId, USER)?.ownedByMe).toBe(true);
    expect(h.emu.triggers({ user: OTHER_USER })).toEqual([]);
    expect(h.emu.triggers({ user: USER })).toHaveLength(1);
  });

  it('recreates a trigger that went missing when the owner opens the sidebar, and warns', () => {
    const [lost] = h.emu.triggers({ user: USER });
    // As if an execution died between deleting and creating the trigger (or the user removed it by hand).
    h.emu.deleteTrigger(lost.uid);
    expect(h.emu.triggers({ user: USER })).toEqual([]);
    expect(statusFor(h, importId, USER)?.warning).toMatch(/set up again/);
    const healed = h.emu.triggers({ user: USER });
    expect(healed).toHaveLength(1);
    expect(healed[0].uid).not.toBe(lost.uid);
    stepTo(h, Date.UTC(2026, 0, 6, 14));
    expect(latestRunOf(h, importId)?.status).toBe('succeeded');
  });

  it('removes the trigger with the last schedule, and when a scheduled import is deleted', () => {
    h.call('setSchedule', [importId, { kind: 'off' }]);
    expect(h.emu.triggers()).toEqual([]);
    h.call('setSchedule', [importId, { kind: 'hourly', everyHours: 4 }]);
    expect(h.emu.triggers({ user: USER })).toHaveLength(1);
    h.call('deleteImport', [importId]);
    expect(h.emu.triggers()).toEqual([]);
    stepTo(h, h.emu.clock.now() + 6 * HOUR);
    expect(h.emu.triggers()).toEqual([]);
  });
});
