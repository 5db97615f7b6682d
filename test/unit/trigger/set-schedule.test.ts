// setSchedule's rules: validation, owner-only changes, trigger created before storing and removed after the last.
import { memoryStore, writeJson } from '../../../src/ports/store';
import {
  deleteDefinition,
  listDefinitions,
  loadDefinition,
  MAX_IMPORTS_PER_SPREADSHEET,
} from '../../../src/store/imports-store';
import { patchImportState, readImportState } from '../../../src/store/schedule-state';
import { changeSchedule, type ScheduleChangeDeps } from '../../../src/trigger/set-schedule';
import { caught, definition, documentWith, executionView, FakeTriggers, fillIndexWithout, scheduled } from './fakes';

const ANA = 'ana@example.com';
const BEN = 'ben@example.com';
const NY = 'America/New_York';
const NOW = Date.UTC(2026, 0, 6, 15); // 10:00 in New York

function setup(defs = [definition('a'), definition('b')], user = ANA) {
  const triggers = new FakeTriggers();
  const deps: ScheduleChangeDeps = {
    documentStore: documentWith(defs),
    userStore: memoryStore(),
    triggers,
    user,
    spreadsheetId: 'ss-1',
    timeZone: NY,
    now: NOW,
    digest: (text: string) => `d:${text}`,
  };
  return { deps, triggers };
}

describe('changeSchedule', () => {
  it('stores the spec with the user as owner and creates one trigger', () => {
    const { deps, triggers } = setup();
    const updated = changeSchedule(deps, 'a', { kind: 'daily', hour: 7 });
    expect(updated).toMatchObject({ schedule: { kind: 'daily', hour: 7 }, scheduleOwner: ANA });
    expect(loadDefinition(deps.documentStore, 'a')?.scheduleOwner).toBe(ANA);
    expect(triggers.clockUids()).toHaveLength(1);
  });

  it('starts with the next slot, not one that passed before the schedule was set', () => {
    const { deps } = setup();
    changeSchedule(deps, 'a', { kind: 'daily', hour: 7 });
    // 07:00 New York today (12:00 UTC) has passed: it counts as handled.
    expect(readImportState(deps.documentStore, 'a').lastSlot).toBe(Date.UTC(2026, 0, 6, 12));
  });

  it('keeps the slot state when the owner saves the same schedule again', () => {
    const { deps } = setup();
    changeSchedule(deps, 'a', { kind: 'daily', hour: 7 });
    const later = { ...deps, now: NOW + 2 * 86_400_000 };
    changeSchedule(later, 'a', { kind: 'daily', hour: 7 });
    expect(readImportState(deps.documentStore, 'a').lastSlot).toBe(Date.UTC(2026, 0, 6, 12));
    changeSchedule(later, 'a', { kind: 'daily', hour: 8 });
    expect(readImportState(deps.documentStore, 'a').lastSlot).toBe(Date.UTC(2026, 0, 8, 13));
  });

  it('shares one trigger between several schedules and removes it with the last', () => {
    const { deps, triggers } = setup();
    changeSchedule(deps, 'a', { kind: 'daily', hour: 7 });
    changeSchedule(deps, 'b', { kind: 'hourly', everyHours: 2 });
    expect(triggers.clockUids()).toHaveLength(1);
    changeSchedule(deps, 'a', { kind: 'off' });
    expect(triggers.clockUids()).toHaveLength(1);
    const off = changeSchedule(deps, 'b', { kind: 'off' });
    expect(triggers.triggers).toEqual([]);
    expect(off.schedule).toEqual({ kind: 'off' });
    expect(off.scheduleOwner).toBeUndefined();
    expect(triggers.maxClockHeld).toBe(1);
  });

  it('refuses another editor with NOT_OWNER naming the owner', () => {
    const { deps } = setup([scheduled('a', { kind: 'daily', hour: 7 }, ANA)], BEN);
    for (const spec of [{ kind: 'daily', hour: 9 }, { kind: 'off' }]) {
      const error = caught(() => changeSchedule(deps, 'a', spec));
      expect(error.code).toBe('NOT_OWNER');
      expect(error.message).toContain(`${ANA}'s Lever key`);
    }
    expect(loadDefinition(deps.documentStore, 'a')?.schedule).toEqual({ kind: 'daily', hour: 7 });
  });

  it('lets anyone set a schedule that is off, and the owner match ignores case', () => {
    const { deps } = setup([scheduled('a', { kind: 'off' }, ANA)], BEN);
    expect(changeSchedule(deps, 'a', { kind: 'daily', hour: 7 }).scheduleOwner).toBe(BEN);
    const upper = { ...deps, user: 'BEN@example.com' };
    expect(() => changeSchedule(upper, 'a', { kind: 'daily', hour: 8 })).not.toThrow();
  });

  it('stores nothing when Google refuses the trigger', () => {
    const { deps, triggers } = setup();
    triggers.failNextCreate =
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
    expect(caught(() => changeSchedule(deps, 'a', { kind: 'daily', hour: 7 })).code).toBe('TRIGGER_LIMIT');
    expect(loadDefinition(deps.documentStore, 'a')?.schedule).toBeUndefined();
  });

  it('patches the slot state on a fresh read: a claim, the last success and the email day made meanwhile stay', () => {
    const shared = documentWith([scheduled('a', { kind: 'hourly', everyHours: 1 }, ANA)]);
    const { deps } = setup();
    const view = executionView(shared);
    // A firing claims the 10:00 slot and succeeds after this call read the state; an email went out today.
    patchImportState(shared, 'a', { lastSlot: NOW, lastSuccessAt: NOW + 60_000, lastEmailDay: '2026-01-06' });
    patchImportState(shared, 'a', { note: 'waited', noteReason: 'busy' });
    changeSchedule({ ...deps, documentStore: view, now: NOW + 120_000 }, 'a', { kind: 'daily', hour: 7 });
    expect(readImportState(shared, 'a')).toEqual({
      lastSlot: NOW,
      lastSuccessAt: NOW + 60_000,
      lastEmailDay: '2026-01-06',
      since: NOW + 120_000,
    });
  });

  it('checks the owner again on its fresh read, and brings back no import deleted meanwhile', () => {
    const shared = documentWith([scheduled('a', { kind: 'daily', hour: 7 }, ANA), definition('b')]);
    const { deps, triggers } = setup();
    const view = executionView(shared);
    writeJson(shared, 'import.a', scheduled('a', { kind: 'daily', hour: 7 }, BEN));
    expect(caught(() => changeSchedule({ ...deps, documentStore: view }, 'a', { kind: 'daily', hour: 9 })).code).toBe(
      'NOT_OWNER',
    );
    expect(loadDefinition(shared, 'a')).toMatchObject({ schedule: { kind: 'daily', hour: 7 }, scheduleOwner: BEN });
    // The trigger made for the refused change is gone again: Ana owns no schedule.
    expect(triggers.triggers).toEqual([]);
    const later = executionView(shared);
    deleteDefinition(shared, 'b');
    expect(
      caught(() => changeSchedule({ ...deps, documentStore: later }, 'b', { kind: 'daily', hour: 9 })).message,
    ).toMatch(/no longer exists/);
    expect(shared.get('import.b')).toBeNull();
  });

  it('refuses to turn on the schedule of an import missing from a full index, saying why, and keeps no trigger', () => {
    const { deps, triggers } = setup();
    fillIndexWithout(deps.documentStore, 'a');
    const error = caught(() => changeSchedule(deps, 'a', { kind: 'daily', hour: 7 }));
    expect(error.message).toMatch(/at most 50 imports, and this one has that many/);
    expect(loadDefinition(deps.documentStore, 'a')?.schedule).toBeUndefined();
    expect(listDefinitions(deps.documentStore)).toHaveLength(MAX_IMPORTS_PER_SPREADSHEET);
    expect(triggers.triggers).toEqual([]);
  });

  it('turns off the schedule of an import missing from a full index, which stays unlisted', () => {
    const { deps } = setup([scheduled('a', { kind: 'daily', hour: 7 }, ANA), definition('b')]);
    fillIndexWithout(deps.documentStore, 'a');
    expect(changeSchedule(deps, 'a', { kind: 'off' }).schedule).toEqual({ kind: 'off' });
    expect(loadDefinition(deps.documentStore, 'a')?.schedule).toEqual({ kind: 'off' });
    expect(listDefinitions(deps.documentStore).map((d) => d.id)).not.toContain('a');
    expect(listDefinitions(deps.documentStore)).toHaveLength(MAX_IMPORTS_PER_SPREADSHEET);
  });

  it('lists again an import missing from the index when the index has room', () => {
    const { deps } = setup();
    writeJson(deps.documentStore, 'imports.index', ['b']);
    changeSchedule(deps, 'a', { kind: 'daily', hour: 7 });
    expect(listDefinitions(deps.documentStore).map((d) => d.id)).toEqual(['b', 'a']);
  });

  it('refuses bad specs, unknown imports and unknown users', () => {
    const { deps } = setup();
    expect(caught(() => changeSchedule(deps, 'a', { kind: 'hourly', everyHours: 5 })).code).toBe('BAD_INPUT');
    expect(caught(() => changeSchedule(deps, 'zzz', { kind: 'daily', hour: 7 })).code).toBe('BAD_INPUT');
    expect(caught(() => changeSchedule({ ...deps, user: '' }, 'a', { kind: 'daily', hour: 7 })).code).toBe('BAD_INPUT');
  });
});
