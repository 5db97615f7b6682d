// takeOverSchedule: the key must fit, the trigger slot is ensured first, the owner changes, the slot state stays.
import { memoryStore, writeJson } from '../../../src/ports/store';
import { LEVER_ENDPOINTS, type LeverEndpoint, type LeverEnvironment } from '../../../src/shared/types';
import { listDefinitions, loadDefinition, MAX_IMPORTS_PER_SPREADSHEET } from '../../../src/store/imports-store';
import { saveKey } from '../../../src/store/key-store';
import { readImportState, readTriggerRecord, writeImportState } from '../../../src/store/schedule-state';
import type { ScheduleChangeDeps } from '../../../src/trigger/set-schedule';
import { reconcileTrigger } from '../../../src/trigger/slot';
import { takeOverSchedule } from '../../../src/trigger/take-over';
import { caught, definition, documentWith, executionView, FakeTriggers, fillIndexWithout, scheduled } from './fakes';

const ANA = 'ana@example.com';
const BEN = 'ben@example.com';
const NOW = Date.UTC(2026, 0, 6, 15);
const SLOT = Date.UTC(2026, 0, 6, 12);

function allPermissions(except: LeverEndpoint[] = []): Record<LeverEndpoint, boolean> {
  return Object.fromEntries(LEVER_ENDPOINTS.map((e) => [e, !except.includes(e)])) as Record<LeverEndpoint, boolean>;
}

function setup(options: { key?: LeverEnvironment | null; cannotRead?: LeverEndpoint[] } = {}) {
  const triggers = new FakeTriggers();
  const userStore = memoryStore();
  if (options.key !== null) {
    saveKey(userStore, 'ben-lever-key-123456', options.key ?? 'production', {
      checkedAt: '2026-01-06T14:00:00.000Z',
      permissions: allPermissions(options.cannotRead),
      confidentialAccess: true,
    });
  }
  const documentStore = documentWith([
    scheduled('a', { kind: 'daily', hour: 7 }, ANA),
    definition('b'),
    scheduled('c', { kind: 'hourly', everyHours: 2 }, BEN),
  ]);
  writeImportState(documentStore, 'a', {
    lastSlot: SLOT,
    lastEmailDay: '2026-01-06',
    note: 'Skipped: quota.',
    noteReason: 'quota',
  });
  const deps: ScheduleChangeDeps = {
    documentStore,
    userStore,
    triggers,
    user: BEN,
    spreadsheetId: 'ss-1',
    timeZone: 'America/New_York',
    now: NOW,
    digest: (text: string) => `d:${text}`,
  };
  return { deps, triggers };
}

describe('takeOverSchedule', () => {
  it('makes the caller the owner with one trigger, keeping the slot already handled', () => {
    const { deps, triggers } = setup();
    const updated = takeOverSchedule(deps, 'a');
    expect(updated).toMatchObject({ scheduleOwner: BEN, schedule: { kind: 'daily', hour: 7 } });
    expect(updated.updatedAt).toBe(new Date(NOW).toISOString());
    expect(loadDefinition(deps.documentStore, 'a')?.scheduleOwner).toBe(BEN);
    expect(triggers.clockUids()).toHaveLength(1);
    expect(readTriggerRecord(deps.userStore, 'ss-1')?.uid).toBe(triggers.clockUids()[0]);
    // The slot Ana's trigger ran is not run again; her notes and email day do not carry over.
    expect(readImportState(deps.documentStore, 'a')).toEqual({ lastSlot: SLOT, since: NOW });
  });

  it("reuses the caller's trigger in this document and never holds two", () => {
    const { deps, triggers } = setup();
    // Ben's trigger for his own schedule 'c'.
    const { uid } = reconcileTrigger(deps, true);
    takeOverSchedule(deps, 'a');
    expect(triggers.clockUids()).toEqual([uid]);
    expect(triggers.maxClockHeld).toBe(1);
  });

  it('does nothing for the current owner', () => {
    const { deps, triggers } = setup();
    expect(takeOverSchedule(deps, 'c').scheduleOwner).toBe(BEN);
    expect(triggers.created).toBe(0);
  });

  it('refuses without a saved key (NO_KEY), with a key for another environment, or one that cannot read the object', () => {
    const noKey = setup({ key: null });
    expect(caught(() => takeOverSchedule(noKey.deps, 'a')).code).toBe('NO_KEY');
    const sandbox = setup({ key: 'sandbox' });
    expect(caught(() => takeOverSchedule(sandbox.deps, 'a')).message).toMatch(
      /production, but your saved key is for Lever sandbox/,
    );
    const blind = setup({ cannotRead: ['requisitions'] });
    expect(caught(() => takeOverSchedule(blind.deps, 'a')).code).toBe('LEVER_FORBIDDEN');
    for (const { deps, triggers } of [noKey, sandbox, blind]) {
      expect(loadDefinition(deps.documentStore, 'a')?.scheduleOwner).toBe(ANA);
      expect(triggers.created).toBe(0);
    }
  });

  it('refuses an import with no schedule, an unknown import and an unknown user', () => {
    const { deps } = setup();
    expect(caught(() => takeOverSchedule(deps, 'b')).message).toMatch(/no schedule to take over/);
    expect(caught(() => takeOverSchedule(deps, 'zzz')).code).toBe('BAD_INPUT');
    expect(caught(() => takeOverSchedule({ ...deps, user: '' }, 'a')).code).toBe('BAD_INPUT');
  });

  it('retracts the trigger it made when its fresh read refuses (the schedule turned off meanwhile)', () => {
    const { deps, triggers } = setup();
    const shared = documentWith([scheduled('a', { kind: 'daily', hour: 7 }, ANA)]);
    const view = executionView(shared);
    writeJson(shared, 'import.a', definition('a'));
    expect(caught(() => takeOverSchedule({ ...deps, documentStore: view }, 'a')).message).toMatch(
      /no schedule to take over/,
    );
    expect(loadDefinition(shared, 'a')?.scheduleOwner).toBeUndefined();
    // Ben owns no schedule here: the trigger made for the take-over is gone again.
    expect(triggers.created).toBe(1);
    expect(triggers.triggers).toEqual([]);
  });

  it('writes the new owner and the slot state in one hold of the lock, so no firing lands between them', () => {
    const { deps } = setup();
    const inner = executionView(deps.documentStore);
    let depth = 0;
    let holds = 0;
    const documentStore = {
      ...inner,
      exclusive<T>(work: () => T): T {
        if (depth++ === 0) holds++;
        try {
          return inner.exclusive ? inner.exclusive(work) : work();
        } finally {
          depth--;
        }
      },
    };
    takeOverSchedule({ ...deps, documentStore }, 'a');
    expect(holds).toBe(1);
    expect(readImportState(deps.documentStore, 'a')).toEqual({ lastSlot: SLOT, since: NOW });
  });

  it('refuses an import missing from a full index, saying why, and leaves the owner as it was', () => {
    const { deps, triggers } = setup();
    fillIndexWithout(deps.documentStore, 'a');
    const error = caught(() => takeOverSchedule(deps, 'a'));
    expect(error.message).toMatch(/at most 50 imports, and this one has that many/);
    expect(loadDefinition(deps.documentStore, 'a')?.scheduleOwner).toBe(ANA);
    expect(listDefinitions(deps.documentStore)).toHaveLength(MAX_IMPORTS_PER_SPREADSHEET);
    // The one trigger made for the take-over stays, for Ben's own schedule 'c'.
    expect(triggers.clockUids()).toHaveLength(1);
    expect(triggers.maxClockHeld).toBe(1);
  });

  it('leaves the owner unchanged when Google refuses the trigger', () => {
    const { deps, triggers } = setup();
    triggers.failNextCreate =
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
    expect(caught(() => takeOverSchedule(deps, 'a')).code).toBe('TRIGGER_LIMIT');
    expect(loadDefinition(deps.documentStore, 'a')?.scheduleOwner).toBe(ANA);
  });
});
