// The single trigger slot: one dispatcher trigger while wanted, none otherwise, never two clock triggers at once.
import { isAppError } from '../../../src/errors';
import { memoryStore } from '../../../src/ports/store';
import { readTriggerRecord, spreadsheetIdForTrigger } from '../../../src/store/schedule-state';
import { DISPATCH_HANDLER, reconcileTrigger, triggerError } from '../../../src/trigger/slot';
import { FakeTriggers, TOO_MANY_IN_DOCUMENT } from './fakes';

const SS = 'sheet-1';

function setup() {
  const triggers = new FakeTriggers();
  const userStore = memoryStore();
  const deps = { triggers, userStore, spreadsheetId: SS, now: Date.UTC(2026, 0, 5) };
  return { triggers, userStore, deps };
}

describe('reconcileTrigger', () => {
  it('creates one hourly dispatcher trigger and records which spreadsheet it serves', () => {
    const { triggers, userStore, deps } = setup();
    const outcome = reconcileTrigger(deps, true);
    expect(outcome).toMatchObject({ created: true, removed: 0, recreated: false });
    expect(triggers.triggers).toEqual([{ uid: outcome.uid, handler: DISPATCH_HANDLER, clock: true }]);
    expect(readTriggerRecord(userStore, SS)?.uid).toBe(outcome.uid);
    expect(spreadsheetIdForTrigger(userStore, outcome.uid!)).toBe(SS);
  });

  it('keeps the recorded trigger on later calls', () => {
    const { triggers, deps } = setup();
    const first = reconcileTrigger(deps, true);
    const second = reconcileTrigger(deps, true);
    expect(second).toMatchObject({ uid: first.uid, created: false, removed: 0 });
    expect(triggers.created).toBe(1);
  });

  it('deletes stale clock triggers before creating, so create() never meets the one-trigger rule', () => {
    const { triggers, deps } = setup();
    triggers.add('onScheduledRun', true); // e.g. a fired one-off holding the slot, unknown to the records
    triggers.add('onOpenInstallable', false);
    const outcome = reconcileTrigger(deps, true);
    expect(outcome).toMatchObject({ created: true, removed: 1 });
    expect(triggers.clockUids()).toEqual([outcome.uid]);
    expect(triggers.triggers.some((t) => !t.clock)).toBe(true);
    expect(triggers.maxClockHeld).toBe(1);
  });

  it('recreates a recorded trigger that disappeared, and says so', () => {
    const { triggers, deps } = setup();
    const first = reconcileTrigger(deps, true);
    triggers.delete(first.uid!);
    const outcome = reconcileTrigger(deps, true);
    expect(outcome).toMatchObject({ created: true, recreated: true });
    expect(outcome.uid).not.toBe(first.uid);
  });

  it('removes the trigger and its record when nothing is scheduled', () => {
    const { triggers, userStore, deps } = setup();
    reconcileTrigger(deps, true);
    const outcome = reconcileTrigger(deps, false);
    expect(outcome.removed).toBe(1);
    expect(triggers.triggers).toEqual([]);
    expect(readTriggerRecord(userStore, SS)).toBeNull();
  });

  it('adopts the trigger a concurrent call just created instead of failing', () => {
    const { triggers, userStore, deps } = setup();
    const other = { ...deps, triggers };
    // Simulate the race: the list is read, then another execution fills the slot before create().
    const racing = {
      ...triggers,
      list: () => triggers.list(),
      find: (uid: string) => triggers.find(uid),
      delete: (uid: string) => triggers.delete(uid),
      createHourly: (handler: string) => {
        reconcileTrigger(other, true);
        return triggers.createHourly(handler);
      },
    };
    const outcome = reconcileTrigger({ ...deps, triggers: racing }, true);
    expect(outcome.uid).toBe(readTriggerRecord(userStore, SS)?.uid);
    expect(triggers.clockUids()).toEqual([outcome.uid]);
  });

  it('maps a refused create() to TRIGGER_LIMIT', () => {
    const { triggers, deps } = setup();
    triggers.failNextCreate =
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
    let caught: unknown;
    try {
      reconcileTrigger(deps, true);
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught) && caught.code).toBe('TRIGGER_LIMIT');
    expect((caught as Error).message).toMatch(/limit of 20 triggers/);
  });
});

describe('triggerError', () => {
  it("explains each of Google's trigger errors", () => {
    expect(triggerError(new Error(TOO_MANY_IN_DOCUMENT))).toMatchObject({ code: 'TRIGGER_LIMIT' });
    expect(triggerError(new Error(TOO_MANY_IN_DOCUMENT)).message).toMatch(/one scheduled trigger per person/);
    expect(triggerError(new Error('Something else')).message).toMatch(/Something else/);
  });
});
