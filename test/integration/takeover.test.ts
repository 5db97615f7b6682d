// Schedules that survive people: another editor takes a schedule over in one step, nothing runs twice, nothing is left.
import type { ImportDefinition, ImportStatus, SidebarState } from '../../src/shared/types';
import type { ExecutionResult } from '../../tools/gas-emulator';
import {
  createHarness,
  FULL_KEY,
  type Harness,
  NO_CONFIDENTIAL_KEY,
  OTHER_USER,
  START,
  USER,
} from '../support/harness';
import {
  expectAtMostOneTriggerPerUserAndDocument,
  HOUR,
  latestRunOf,
  requisitionImport,
  runsOf,
  scheduledImport,
  stepTo,
} from './schedule-support';

const MINUTE = 60_000;

function statusFor(h: Harness, importId: string, user: string): ImportStatus {
  const state = h.call<SidebarState>('getSidebarState', [], user);
  const status = state.imports.find((entry) => entry.definition.id === importId);
  if (!status) throw new Error(`no import ${importId} in ${user}'s sidebar`);
  return status;
}

function takeOver(h: Harness, importId: string, user = OTHER_USER): ImportDefinition {
  return h.call<ImportDefinition>('takeOverSchedule', [importId], user);
}

/** Who each trigger execution ran as, from the triggers that existed before the clock moved. */
function ownersOf(fired: ExecutionResult[], ownerByUid: Map<string, string>): string[] {
  return fired.map((execution) => ownerByUid.get(execution.trigger?.uid ?? '') ?? '?');
}

/** The first firing of an hourly trigger (next due at `nextFireAt`) at or after `at`. */
function firstFiringAtOrAfter(nextFireAt: number | null, at: number): number {
  if (nextFireAt === null) throw new Error('the trigger will not fire');
  return nextFireAt + Math.max(0, Math.ceil((at - nextFireAt) / HOUR)) * HOUR;
}

function triggerOwners(h: Harness): Map<string, string> {
  return new Map(h.emu.triggers({ spreadsheetId: h.ssId }).map((t) => [t.uid, t.owner]));
}

describe('taking over a schedule whose owner is gone', () => {
  it('needs a saved key of the right environment, and leaves the schedule alone when refused', () => {
    const h = createHarness({ requisitions: 20, opportunities: 10 });
    const definition = scheduledImport(h, 'Team reqs', { kind: 'daily', hour: 10 });
    const refused = h.emu.callFromSidebar('takeOverSchedule', [definition.id], {
      user: OTHER_USER,
      spreadsheetId: h.ssId,
    });
    expect(refused.ok).toBe(false);
    expect(refused.error?.message).toMatch(/your own Lever API key/);
    h.sim.addKey({ key: 'sim-sandbox-key-0042', environment: 'sandbox', permissions: 'all', confidential: true });
    h.call('saveApiKey', ['sim-sandbox-key-0042', 'sandbox'], OTHER_USER);
    const wrongEnvironment = h.emu.callFromSidebar('takeOverSchedule', [definition.id], {
      user: OTHER_USER,
      spreadsheetId: h.ssId,
    });
    expect(wrongEnvironment.error?.message).toMatch(
      /reads from Lever production, but your saved key is for Lever sandbox/,
    );
    expect(statusFor(h, definition.id, OTHER_USER).definition.scheduleOwner).toBe(USER);
    expect(h.emu.triggers({ user: OTHER_USER })).toEqual([]);
  });

  it('moves the schedule in one step; both triggers fire in the slot hour and the import runs once, as the new owner', () => {
    const h = createHarness({ requisitions: 20, opportunities: 10 });
    // Daily at 10:00 New York = 15:00 UTC, the hour after the harness starts.
    const slot = Date.UTC(2026, 0, 5, 15);
    const definition = scheduledImport(h, 'Team reqs', { kind: 'daily', hour: 10 });
    stepTo(h, START + 40 * MINUTE);
    h.call('saveApiKey', [NO_CONFIDENTIAL_KEY, 'production'], OTHER_USER);

    const moved = takeOver(h, definition.id);
    expect(moved.scheduleOwner).toBe(OTHER_USER);
    expect(moved.schedule).toEqual({ kind: 'daily', hour: 10 });
    // Every collaborator sees the new owner; only the new owner may change the schedule now.
    expect(statusFor(h, definition.id, OTHER_USER).ownedByMe).toBe(true);
    const [benTrigger] = h.emu.triggers({ user: OTHER_USER });
    expect(h.emu.triggers({ user: USER })).toHaveLength(1);
    expectAtMostOneTriggerPerUserAndDocument(h);

    const owners = triggerOwners(h);
    const fired = stepTo(h, slot + HOUR).filter((execution) => execution.startedAt >= slot);
    // Each hourly trigger fires once in the slot's hour: Ana's (which no longer owns it) and Ben's.
    expect(ownersOf(fired, owners).sort()).toEqual([USER, OTHER_USER].sort());
    const runs = runsOf(h, definition.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'succeeded', trigger: 'schedule', user: OTHER_USER });
    // Ana's trigger saw it owned nothing any more and deleted itself; Ben's stays.
    expect(h.emu.triggers({ user: USER })).toEqual([]);
    expect(h.emu.triggers({ user: OTHER_USER }).map((t) => t.uid)).toEqual([benTrigger.uid]);
  });

  it('does not run a slot twice when the old trigger ran it before the take-over', () => {
    const h = createHarness({ requisitions: 20, opportunities: 10 });
    // Every 2 hours: the 10:00 New York slot (15:00 UTC) lasts until 17:00 UTC, so each trigger fires twice in it.
    const slot = Date.UTC(2026, 0, 5, 15);
    const definition = scheduledImport(h, 'Team reqs', { kind: 'hourly', everyHours: 2 });
    const [anaTrigger] = h.emu.triggers({ user: USER });
    // Ben already holds a trigger here for a schedule of his own (daily at 03:00, not due today).
    scheduledImport(h, 'Ben reqs', { kind: 'daily', hour: 3 }, OTHER_USER, NO_CONFIDENTIAL_KEY);
    const [benTrigger] = h.emu.triggers({ user: OTHER_USER });

    const anaFiresAt = firstFiringAtOrAfter(anaTrigger.nextFireAt, slot);
    stepTo(h, anaFiresAt + MINUTE);
    expect(runsOf(h, definition.id).map((run) => run.user)).toEqual([USER]);
    takeOver(h, definition.id);
    // The take-over reuses Ben's one trigger in this document.
    expect(h.emu.triggers({ user: OTHER_USER }).map((t) => t.uid)).toEqual([benTrigger.uid]);

    const owners = triggerOwners(h);
    const rest = stepTo(h, slot + 2 * HOUR);
    expect(ownersOf(rest, owners)).toContain(OTHER_USER);
    expect(runsOf(h, definition.id)).toHaveLength(1);

    // The next slot runs once, from Ben's trigger; Ana's retires itself at its next firing.
    stepTo(h, slot + 3 * HOUR);
    expect(runsOf(h, definition.id).map((run) => run.user)).toEqual([OTHER_USER, USER]);
    expect(h.emu.triggers({ user: USER })).toEqual([]);
  });

  it("retires the old owner's trigger as soon as they open the sidebar", () => {
    const h = createHarness({ requisitions: 20, opportunities: 10 });
    const definition = scheduledImport(h, 'Team reqs', { kind: 'daily', hour: 10 });
    h.call('saveApiKey', [NO_CONFIDENTIAL_KEY, 'production'], OTHER_USER);
    takeOver(h, definition.id);
    expect(h.emu.triggers({ user: USER })).toHaveLength(1);
    const anaView = statusFor(h, definition.id, USER);
    expect(anaView.ownedByMe).toBe(false);
    expect(anaView.definition.scheduleOwner).toBe(OTHER_USER);
    expect(h.emu.triggers({ user: USER })).toEqual([]);
    // Taking it back works the same way, and is a no-op for the current owner.
    expect(takeOver(h, definition.id, USER).scheduleOwner).toBe(USER);
    expect(takeOver(h, definition.id, USER).scheduleOwner).toBe(USER);
    expect(h.emu.triggers({ user: USER })).toHaveLength(1);
    expectAtMostOneTriggerPerUserAndDocument(h);
  });
});

describe('a schedule that stopped succeeding', () => {
  let h: Harness;
  let importId: string;
  let successAt: number;
  beforeAll(() => {
    h = createHarness({ requisitions: 20, opportunities: 10 });
    importId = scheduledImport(h, 'Team reqs', { kind: 'hourly', everyHours: 1 }).id;
    h.call('saveApiKey', [NO_CONFIDENTIAL_KEY, 'production'], OTHER_USER);
    while (latestRunOf(h, importId)?.status !== 'succeeded' && h.emu.clock.now() < START + 3 * HOUR) {
      stepTo(h, h.emu.clock.now() + HOUR);
    }
    successAt = Date.parse(latestRunOf(h, importId)?.endedAt ?? '');
  });

  it('gives no warning while it succeeds, or within its interval plus an hour of grace', () => {
    expect(latestRunOf(h, importId)?.status).toBe('succeeded');
    expect(statusFor(h, importId, OTHER_USER).warning).toBeUndefined();
    // Ana leaves: her Lever key is revoked with her account.
    h.sim.revokeKey(FULL_KEY);
    stepTo(h, successAt + 100 * MINUTE);
    expect(latestRunOf(h, importId)?.status).toBe('failed');
    expect(statusFor(h, importId, OTHER_USER).warning).toBeUndefined();
  });

  it('warns every collaborator once the failures last longer than the interval plus the grace hour', () => {
    stepTo(h, successAt + 130 * MINUTE);
    const runs = runsOf(h, importId);
    expect(runs.slice(0, 2).map((run) => run.status)).toEqual(['failed', 'failed']);
    const success = runs.find((run) => run.status === 'succeeded');
    // New York is five hours behind UTC in January.
    const localTime = new Date(successAt - 5 * HOUR).toISOString().slice(11, 16);

    const ben = statusFor(h, importId, OTHER_USER);
    expect(ben.lastSuccess?.runId).toBe(success?.runId);
    expect(ben.warning).toContain(`No successful refresh since Jan 5, ${localTime}`);
    expect(ben.warning).toContain(`runs with ${USER}'s key; if they left, take it over`);
    expect(statusFor(h, importId, USER).warning).toContain('runs with your Lever key');
  });

  it('clears the warning when another editor takes it over, and runs with their key from the next slot', () => {
    takeOver(h, importId);
    expect(statusFor(h, importId, OTHER_USER).warning).toBeUndefined();
    const before = runsOf(h, importId).length;
    stepTo(h, h.emu.clock.now() + HOUR);
    expect(runsOf(h, importId).length).toBe(before + 1);
    expect(latestRunOf(h, importId)).toMatchObject({ status: 'succeeded', user: OTHER_USER });
    expect(h.emu.triggers({ user: USER })).toEqual([]);
    expect(statusFor(h, importId, OTHER_USER).warning).toBeUndefined();
  });

  it('keeps the owner-only rule and says how to take the schedule over', () => {
    const refused = h.emu.callFromSidebar('setSchedule', [importId, { kind: 'off' }], {
      user: USER,
      spreadsheetId: h.ssId,
    });
    expect(refused.ok).toBe(false);
    expect(refused.error?.message).toContain(`${OTHER_USER}'s Lever key`);
    expect(refused.error?.message).toContain('take the schedule over');
    const unscheduled = h.call<ImportDefinition>('saveImport', [requisitionImport('Adhoc', 'Adhoc')], OTHER_USER);
    const nothing = h.emu.callFromSidebar('takeOverSchedule', [unscheduled.id], { user: USER, spreadsheetId: h.ssId });
    expect(nothing.error?.message).toMatch(/no schedule to take over/);
  });
});
