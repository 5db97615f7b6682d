// Scheduled refreshes under each reading of what a clock trigger can reach (unknowns 7): the full document context,
// the old mixed one, and none at all. The state lives in the spreadsheet's hidden sheet, the lock is a lease in it.
import { BUSY_MESSAGE } from '../../src/gas/lock';
import type { ImportDefinition } from '../../src/shared/types';
import { ALL_GAS_READINGS, type TriggerContextReading } from '../../tools/gas-emulator';
import type { Requisition } from '../../tools/lever-sim';
import { createHarness, FULL_KEY, type Harness, START, USER } from '../support/harness';
import { documentState, editState, STATE_SHEET } from '../support/state';
import { sheetIds } from './import-support';
import { HOUR, latestRunOf, RUN_LOG_SHEET, runsOf, scheduledImport, sheetValues, stepTo } from './schedule-support';

function setup(triggerContext: TriggerContextReading): Harness {
  return createHarness({ requisitions: 30, opportunities: 5, readings: { triggerContext } });
}

describe.each(ALL_GAS_READINGS.triggerContext)("trigger context '%s'", (triggerContext) => {
  test('an hourly schedule fires, imports and runs again at the next firing', () => {
    const h = setup(triggerContext);
    expect(h.emu.readings.triggerContext).toBe(triggerContext);
    const definition = scheduledImport(h, 'Team reqs', { kind: 'hourly', everyHours: 1 });
    const fired = stepTo(h, START + 2 * HOUR);
    expect(fired.length).toBeGreaterThan(0);
    const first = latestRunOf(h, definition.id);
    expect(first).toMatchObject({ status: 'succeeded', trigger: 'schedule' });
    const rowsBefore = sheetValues(h, 'Team reqs')?.length ?? 0;
    expect(rowsBefore).toBeGreaterThan(1);

    stepTo(h, h.emu.clock.now() + HOUR);
    const runs = runsOf(h, definition.id).filter((run) => run.trigger === 'schedule');
    expect(runs.length).toBeGreaterThan(1);
    expect(runs[0].status).toBe('succeeded');
    // The sidebar sees what the scheduled run wrote.
    const state = h.call<{ imports: { lastRun?: { runId: string } }[] }>('getSidebarState');
    expect(state.imports[0].lastRun?.runId).toBe(runs[0].runId);
    expect(h.emu.spreadsheet(h.ssId).sheet(STATE_SHEET).hidden()).toBe(true);
  });

  test('a failure is recorded where people look: the run record and the run log', () => {
    const h = setup(triggerContext);
    const definition = scheduledImport(h, 'Team reqs', { kind: 'hourly', everyHours: 1 });
    h.sim.revokeKey(FULL_KEY);
    stepTo(h, START + 2 * HOUR);
    expect(latestRunOf(h, definition.id)).toMatchObject({ status: 'failed', trigger: 'schedule' });
    expect(JSON.stringify(sheetValues(h, RUN_LOG_SHEET))).toContain('Team reqs');
  });

  test("a run holding the lease keeps the other out with BUSY; a killed run's lease expires", () => {
    const h = setup(triggerContext);
    const definition = scheduledImport(h, 'Team reqs', { kind: 'hourly', everyHours: 1 });
    // Another execution (a scheduled run, or a sidebar run) holds the lease until the end of its 6 minutes.
    const lease = (expiresAt: number) =>
      editState(h, 'lease', JSON.stringify({ holder: 'other-execution', user: USER, expiresAt }));
    lease(START + 10 * HOUR);
    const sidebar = h.emu.callFromSidebar('runImport', [definition.id], { user: USER, spreadsheetId: h.ssId });
    expect(sidebar.error?.message ?? '').toContain(BUSY_MESSAGE);
    stepTo(h, START + 2 * HOUR);
    expect(runsOf(h, definition.id).filter((run) => run.status === 'succeeded')).toEqual([]);

    // The holder was killed: once its lease is past, the next firing proceeds.
    lease(h.emu.clock.now() + 60_000);
    stepTo(h, h.emu.clock.now() + 2 * HOUR);
    expect(latestRunOf(h, definition.id)).toMatchObject({ status: 'succeeded', trigger: 'schedule' });
  });

  test("the user's key never lands in the state sheet", () => {
    const h = setup(triggerContext);
    scheduledImport(h, 'Team reqs', { kind: 'hourly', everyHours: 1 });
    stepTo(h, START + 3 * HOUR);
    expect(Object.keys(documentState(h.emu, h.ssId)).length).toBeGreaterThan(0);
    expect(JSON.stringify(h.emu.spreadsheet(h.ssId).sheet(STATE_SHEET).values())).not.toContain(FULL_KEY);
  });

  test('a scheduled refresh brings the records added in Lever since the last run', () => {
    const h = setup(triggerContext);
    const definition = scheduledImport(h, 'Team reqs', { kind: 'hourly', everyHours: 1 });
    stepTo(h, START + 2 * HOUR);
    expect(latestRunOf(h, definition.id)?.status).toBe('succeeded');
    expect(sheetIds(h, 'Team reqs')).not.toContain('req-added');
    const visible = new Set(h.sim.query('requisitions', {}));
    const template = h.dataset.requisitions.find((r) => visible.has(r.id)) as Requisition;
    h.dataset.requisitions.push({ ...template, id: 'req-added', createdAt: h.emu.clock.now() - 1000 });
    stepTo(h, h.emu.clock.now() + 2 * HOUR);
    expect(sheetIds(h, 'Team reqs')).toEqual(h.sim.query('requisitions', {}));
    expect(sheetIds(h, 'Team reqs')).toContain('req-added');
  });

  test("an import edited by hand in the state sheet is not run with the owner's key until the owner confirms", () => {
    const h = setup(triggerContext);
    const definition = scheduledImport(h, 'Team reqs', { kind: 'hourly', everyHours: 1 });
    stepTo(h, START + 2 * HOUR);
    const before = sheetValues(h, 'Team reqs');
    // An editor unhides the state sheet and widens the filters to confidential records, to read them with Ana's key.
    const stored = JSON.parse(documentState(h.emu, h.ssId)[`import.${definition.id}`]) as ImportDefinition;
    editState(
      h,
      `import.${definition.id}`,
      JSON.stringify({ ...stored, filters: { ...stored.filters, confidential: 'include' } }),
    );
    const requests = h.sim.requests.length;
    stepTo(h, h.emu.clock.now() + HOUR);
    const refused = latestRunOf(h, definition.id);
    expect(refused).toMatchObject({ status: 'failed', errorCode: 'NOT_APPROVED', trigger: 'schedule' });
    expect(refused?.message).toMatch(/changed outside ana@example\.com's Lever for Sheets/);
    expect(h.sim.requests.length).toBe(requests);
    expect(sheetValues(h, 'Team reqs')).toEqual(before);
    expect(JSON.stringify(sheetValues(h, RUN_LOG_SHEET))).toContain('Not run');
    expect(h.emu.mail.some((mail) => mail.body.includes('Not run'))).toBe(true);

    // Ana reviews it and saves the schedule again: from then on her trigger runs what she confirmed.
    h.call('setSchedule', [definition.id, { kind: 'hourly', everyHours: 2 }], USER);
    stepTo(h, h.emu.clock.now() + 3 * HOUR);
    expect(latestRunOf(h, definition.id)).toMatchObject({ status: 'succeeded', trigger: 'schedule' });
  });
});
