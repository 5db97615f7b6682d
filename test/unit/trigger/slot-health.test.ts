// Self-healing on sidebar open: the viewer's trigger is recreated or removed, and problems become warnings.
import { memoryStore } from '../../../src/ports/store';
import { saveRun } from '../../../src/store/runs-store';
import { writeImportState } from '../../../src/store/schedule-state';
import { reconcileTrigger } from '../../../src/trigger/slot';
import { checkScheduleHealth, type HealthDeps, TRIGGER_RECREATED_WARNING } from '../../../src/trigger/slot-health';
import { documentWith, FakeTriggers, runRecord, scheduled } from './fakes';

const ANA = 'ana@example.com';
const DAILY_7 = { kind: 'daily', hour: 7 } as const;

function setup(defs = [scheduled('a', DAILY_7, ANA)], user = ANA) {
  const triggers = new FakeTriggers();
  const deps: HealthDeps = {
    documentStore: documentWith(defs),
    userStore: memoryStore(),
    triggers,
    user,
    spreadsheetId: 'ss-1',
    timeZone: 'America/New_York',
    now: Date.UTC(2026, 0, 6, 15),
    digest: (text: string) => `d:${text}`,
  };
  return { deps, triggers };
}

describe('checkScheduleHealth', () => {
  it("recreates the owner's missing trigger and warns about it", () => {
    const { deps, triggers } = setup();
    const first = reconcileTrigger(deps, true);
    triggers.delete(first.uid!);
    const health = checkScheduleHealth(deps);
    expect(triggers.clockUids()).toHaveLength(1);
    expect(health.triggerWarning).toBe(TRIGGER_RECREATED_WARNING);
    expect(checkScheduleHealth(deps).triggerWarning).toBeUndefined();
  });

  it('removes a trigger that serves nothing for this viewer', () => {
    const { deps, triggers } = setup([scheduled('a', DAILY_7, 'ben@example.com')]);
    triggers.add('onScheduledRun', true);
    checkScheduleHealth(deps);
    expect(triggers.triggers).toEqual([]);
  });

  it('keeps the trigger when Google does not say who the viewer is (their schedules cannot be told)', () => {
    const { deps, triggers } = setup([scheduled('a', DAILY_7, ANA)], '');
    triggers.add('onScheduledRun', true);
    expect(checkScheduleHealth(deps).triggerWarning).toBeUndefined();
    expect(triggers.clockUids()).toHaveLength(1);
  });

  it('turns a trigger failure into a warning instead of failing the sidebar', () => {
    const { deps, triggers } = setup();
    triggers.failNextCreate =
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
    expect(checkScheduleHealth(deps).triggerWarning).toMatch(/limit of 20 triggers/);
  });

  it('gathers the zone, per-import state, runtime and the email setting', () => {
    const { deps } = setup();
    writeImportState(deps.documentStore, 'a', { lastSlot: 5 });
    saveRun(deps.documentStore, runRecord('a', { runId: 'ok', endedAt: '2026-01-06T12:11:00.000Z' }));
    saveRun(deps.documentStore, runRecord('a', { runId: 'bad', status: 'failed' }));
    const health = checkScheduleHealth(deps);
    expect(health).toMatchObject({
      timeZone: 'America/New_York',
      states: { a: { lastSlot: 5 } },
      lastSuccessAt: { a: Date.UTC(2026, 0, 6, 12, 11) },
      runtimeUsedMs: 0,
      failureEmails: true,
    });
  });
});
