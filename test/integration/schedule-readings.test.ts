// Schedules through the built bundle under each Apps Script reading: trigger listing (unknowns 8), Intl zones (9).
import type { ImportDefinition } from '../../src/shared/types';
import type { Requisition } from '../../tools/lever-sim';
import { createHarness, FULL_KEY, type Harness, OTHER_USER, USER } from '../support/harness';
import { sheetIds } from './import-support';
import { HOUR, latestRunOf, runsOf, scheduledImport, stepTo, utcHour } from './schedule-support';

function addRequisition(h: Harness, id: string): void {
  const visible = new Set(h.sim.query('requisitions', {}));
  const template = h.dataset.requisitions.find((r) => visible.has(r.id)) as Requisition;
  h.dataset.requisitions.push({ ...template, id, name: `Added ${id}`, createdAt: h.emu.clock.now() - 1000 });
}

describe.each(['listed', 'unlisted'] as const)('trigger listing %s', (triggerListing) => {
  let h: Harness;
  let definition: ImportDefinition;
  beforeAll(() => {
    h = createHarness({ requisitions: 20, opportunities: 5, readings: { triggerListing } });
  });

  it('creates exactly one trigger with the first schedule, and runs it', () => {
    definition = scheduledImport(h, 'Reqs', { kind: 'daily', hour: 7 });
    expect(h.emu.triggers()).toHaveLength(1);
    // A second scheduled import shares the slot (this used to meet Google's refusal when the trigger was unlisted).
    scheduledImport(h, 'More reqs', { kind: 'daily', hour: 8 });
    expect(h.emu.triggers()).toHaveLength(1);
    stepTo(h, Date.UTC(2026, 0, 6, 14));
    expect(latestRunOf(h, definition.id)?.status).toBe('succeeded');
  });

  it('changes a schedule without a second trigger, and the next firing brings the new records', () => {
    const [before] = h.emu.triggers();
    h.call('setSchedule', [definition.id, { kind: 'hourly', everyHours: 1 }]);
    expect(h.emu.triggers().map((t) => t.uid)).toEqual([before.uid]);
    expect(h.call<{ imports: unknown[] }>('getSidebarState').imports).toHaveLength(2);
    expect(h.emu.triggers().map((t) => t.uid)).toEqual([before.uid]);
    addRequisition(h, `req-new-${triggerListing}`);
    stepTo(h, h.emu.clock.now() + 2 * HOUR);
    expect(sheetIds(h, 'Reqs')).toContain(`req-new-${triggerListing}`);
  });

  it('moves the slot on take-over: one trigger for the new owner, the old one retires at its next firing', () => {
    h.call('saveApiKey', [FULL_KEY, 'production'], OTHER_USER);
    for (const d of h.call<{ imports: { definition: ImportDefinition }[] }>('getSidebarState').imports) {
      h.call('takeOverSchedule', [d.definition.id], OTHER_USER);
    }
    expect(h.emu.triggers({ user: OTHER_USER })).toHaveLength(1);
    stepTo(h, h.emu.clock.now() + 2 * HOUR);
    expect(h.emu.triggers({ user: USER })).toEqual([]);
    expect(h.emu.triggers({ user: OTHER_USER })).toHaveLength(1);
    expect(latestRunOf(h, definition.id)?.status).toBe('succeeded');
  });

  it('removes the trigger with the last schedule, and none comes back', () => {
    for (const d of h.call<{ imports: { definition: ImportDefinition }[] }>('getSidebarState', [], OTHER_USER)
      .imports) {
      h.call('setSchedule', [d.definition.id, { kind: 'off' }], OTHER_USER);
    }
    expect(h.emu.triggers()).toEqual([]);
    h.call('getSidebarState', [], OTHER_USER);
    h.call('getSidebarState', [], USER);
    stepTo(h, h.emu.clock.now() + 3 * HOUR);
    expect(h.emu.triggers()).toEqual([]);
  });

  it('reads "too many time-based triggers" as the slot existing when the recorded trigger is alive', () => {
    const fresh = createHarness({ requisitions: 5, opportunities: 5, readings: { triggerListing } });
    const first = scheduledImport(fresh, 'A', { kind: 'daily', hour: 7 });
    // The record says which trigger is ours; wherever Google lists it, setting the schedule again keeps it.
    const [trigger] = fresh.emu.triggers();
    fresh.call('setSchedule', [first.id, { kind: 'daily', hour: 9 }]);
    expect(fresh.emu.triggers().map((t) => t.uid)).toEqual([trigger.uid]);
  });
});

describe.each(['present', 'absent'] as const)('Intl zone data %s', (intlZones) => {
  it('runs 07:00 New York at 12:00 UTC in winter and 11:00 UTC after the March DST change', () => {
    const h = createHarness({ requisitions: 5, opportunities: 5, readings: { intlZones } });
    const daily = scheduledImport(h, 'NY', { kind: 'daily', hour: 7 });
    stepTo(h, Date.UTC(2026, 0, 7, 0));
    expect(runsOf(h, daily.id).map((run) => utcHour(run.startedAt))).toEqual([12]);
    // DST starts on Sunday 8 March 2026 in New York.
    h.emu.clock.set(Date.UTC(2026, 2, 7, 0, 30));
    stepTo(h, Date.UTC(2026, 2, 7, 1, 30)); // the missed slot runs once
    const before = runsOf(h, daily.id).length;
    stepTo(h, Date.UTC(2026, 2, 10, 0));
    const after = runsOf(h, daily.id).slice(0, runsOf(h, daily.id).length - before);
    expect(after.map((run) => [run.startedAt.slice(0, 10), utcHour(run.startedAt)]).sort()).toEqual([
      ['2026-03-07', 12],
      ['2026-03-08', 11],
      ['2026-03-09', 11],
    ]);
  });

  it('runs 07:00 Kolkata at 01:30 UTC', () => {
    const h = createHarness({ requisitions: 5, opportunities: 5, timeZone: 'Asia/Kolkata', readings: { intlZones } });
    const daily = scheduledImport(h, 'Kolkata', { kind: 'daily', hour: 7 });
    stepTo(h, Date.UTC(2026, 0, 8, 0));
    const runs = runsOf(h, daily.id);
    expect(runs.map((run) => run.startedAt.slice(0, 10)).sort()).toEqual(['2026-01-06', '2026-01-07']);
    // The trigger fires once an hour, so a run starts within the hour after 01:30 UTC.
    for (const run of runs) {
      const started = Date.parse(run.startedAt);
      const slot = Date.UTC(2026, 0, Number(run.startedAt.slice(8, 10)), 1, 30);
      expect(started - slot).toBeGreaterThanOrEqual(0);
      expect(started - slot).toBeLessThan(HOUR);
    }
  });
});
