// Changes-only refreshes through the built bundle against the simulator: after random changes between refreshes the
// sheet equals a full import at that moment, under every list order; what a key cannot see waits for a full run.
import type { ImportDefinition, ImportDefinitionInput, RunRecord } from '../../src/shared/types';
import { mutateDataset } from '../../tools/lever-sim';
import type { ListOrderReading } from '../../tools/lever-sim/readings';
import type { Harness } from '../support/harness';
import { NO_CONFIDENTIAL_KEY } from '../support/harness';
import {
  connect,
  createHarness,
  lastOf,
  opportunityImport,
  requisitionImport,
  runToEnd,
  saveImport,
  sheet,
  USER,
} from './import-support';

const HOUR = 3_600_000;
const ORDERS: ListOrderReading[] = ['newest-first', 'newest-runs', 'unordered'];
const COLUMNS = ['id', 'name', 'headline', 'stage', 'tags', 'confidentiality', 'archived', 'snoozedUntil', 'createdAt'];

/** Snoozes planted by the generator end on their own, which no changes query can see (the full run catches them). */
function settleSnoozes(h: Harness, horizon: number): void {
  for (const o of h.dataset.opportunities) {
    if (o.snoozedUntil !== null && o.snoozedUntil <= horizon) o.snoozedUntil = null;
  }
}

function scheduled(h: Harness, input: ImportDefinitionInput, user = USER): ImportDefinition {
  const definition = saveImport(h, input, user);
  const result = h.emu.callFromSidebar('setSchedule', [definition.id, { kind: 'hourly', everyHours: 1 }], {
    user,
    spreadsheetId: h.ssId,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return definition;
}

function refresh(h: Harness, importId: string, user = USER): RunRecord {
  const run = lastOf(runToEnd(h, importId, user));
  expect(run.status).toBe('succeeded');
  return run;
}

/** What a full import of the same definition writes right now (a second, unscheduled import). */
function fullImportValues(h: Harness, input: ImportDefinitionInput, user = USER): unknown[][] {
  const reference = saveImport(h, { ...input, name: 'Reference', sheetName: 'Reference' }, user);
  const run = refresh(h, reference.id, user);
  expect(run.kind).toBe('full');
  const values = sheet(h, 'Reference').values();
  h.call('deleteImport', [reference.id], user);
  h.emu.spreadsheet(h.ssId).deleteSheet('Reference');
  return values;
}

function opportunityRequests(h: Harness, from: number): number {
  return h.sim.requests.slice(from).filter((request) => request.path.startsWith('/v1/opportunities')).length;
}

describe.each(ORDERS)('changes-only refreshes under list order %s', (listOrder) => {
  it('equal a full import after random changes, deletions included, with far fewer requests', () => {
    const h = createHarness({ opportunities: 1500, requisitions: 10, readings: { listOrder } });
    connect(h);
    settleSnoozes(h, h.emu.clock.now() + 30 * 86_400_000);
    const input = opportunityImport({
      columns: COLUMNS,
      filters: { archived: 'exclude', snoozed: 'exclude', confidential: 'include' },
    });
    const definition = scheduled(h, input);
    let before = h.sim.requests.length;
    expect(refresh(h, definition.id).kind).toBe('full');
    const fullRequests = opportunityRequests(h, before);
    for (let round = 1; round <= 4; round++) {
      const since = h.emu.clock.now();
      h.emu.clock.advance(HOUR);
      const counts = {
        created: 4,
        edited: 8,
        archived: 3,
        unarchived: 3,
        snoozed: 3,
        unsnoozed: 2,
        confidentialityFlipped: 3,
        deleted: 3,
      };
      const report = mutateDataset(h.dataset, { seed: 40 + round, since, now: h.emu.clock.now() - 1, counts });
      expect(report.deleted.length).toBeGreaterThan(0);
      before = h.sim.requests.length;
      const run = refresh(h, definition.id);
      expect(run.kind).toBe('changes');
      const changesRequests = opportunityRequests(h, before);
      expect(changesRequests).toBeLessThanOrEqual(3);
      expect(changesRequests * 5).toBeLessThan(fullRequests);
      const shown = sheet(h, 'Opportunities').values();
      for (const id of report.deleted) expect(shown.some((row) => row[0] === id)).toBe(false);
      expect(shown).toEqual(fullImportValues(h, input));
    }
  });
});

describe('what a changes-only refresh cannot see waits for the full run', () => {
  it('a record turned confidential stays until a full run when the key cannot read confidential records', () => {
    const h = createHarness({ opportunities: 300, requisitions: 10 });
    connect(h, NO_CONFIDENTIAL_KEY);
    settleSnoozes(h, h.emu.clock.now() + 30 * 86_400_000);
    const input = opportunityImport({ columns: COLUMNS });
    const definition = scheduled(h, input);
    expect(refresh(h, definition.id).kind).toBe('full');
    const shownIds = sheet(h, 'Opportunities')
      .values()
      .slice(1)
      .map((row) => String(row[0]));
    const hidden = h.dataset.opportunities.find((o) => o.id === shownIds[3]);
    if (!hidden) throw new Error('no record to hide');
    h.emu.clock.advance(HOUR);
    hidden.confidentiality = 'confidential';
    hidden.updatedAt = h.emu.clock.now() - 1000;
    expect(refresh(h, definition.id).kind).toBe('changes');
    expect(
      sheet(h, 'Opportunities')
        .values()
        .some((row) => row[0] === hidden.id),
    ).toBe(true);
    const full = h.call<RunRecord>('runImport', [definition.id, { full: true }]);
    expect(full).toMatchObject({ status: 'succeeded', kind: 'full' });
    expect(
      sheet(h, 'Opportunities')
        .values()
        .some((row) => row[0] === hidden.id),
    ).toBe(false);
    expect(sheet(h, 'Opportunities').values()).toEqual(fullImportValues(h, input));
  });

  it('a snooze that ends on its own shows at the next full run on the daily cadence', () => {
    const h = createHarness({ opportunities: 300, requisitions: 10 });
    connect(h);
    const input = opportunityImport({ columns: COLUMNS });
    const definition = scheduled(h, input);
    const sleeper = h.dataset.opportunities.find((o) => o.archived === null && o.confidentiality !== 'confidential');
    if (!sleeper) throw new Error('no record to snooze');
    sleeper.snoozedUntil = h.emu.clock.now() + HOUR / 2;
    expect(refresh(h, definition.id).kind).toBe('full');
    expect(
      sheet(h, 'Opportunities')
        .values()
        .some((row) => row[0] === sleeper.id),
    ).toBe(false);
    h.emu.clock.advance(HOUR);
    expect(refresh(h, definition.id).kind).toBe('changes');
    expect(
      sheet(h, 'Opportunities')
        .values()
        .some((row) => row[0] === sleeper.id),
    ).toBe(false);
    h.emu.clock.advance(24 * HOUR);
    expect(refresh(h, definition.id).kind).toBe('full');
    expect(
      sheet(h, 'Opportunities')
        .values()
        .some((row) => row[0] === sleeper.id),
    ).toBe(true);
  });
});

describe('when a refresh reads everything', () => {
  it('a definition change, the weekly cadence, an unscheduled import and requisitions run in full', () => {
    const h = createHarness({ opportunities: 200, requisitions: 10 });
    connect(h);
    const input = opportunityImport({ fullRefresh: 'weekly' });
    const definition = scheduled(h, input);
    expect(refresh(h, definition.id).kind).toBe('full');
    h.emu.clock.advance(2 * 24 * HOUR);
    expect(refresh(h, definition.id).kind).toBe('changes');
    saveImport(h, { ...input, id: definition.id, columns: ['id', 'name', 'tags'] });
    expect(refresh(h, definition.id).kind).toBe('full');
    h.emu.clock.advance(6 * 24 * HOUR);
    expect(refresh(h, definition.id).kind).toBe('changes');
    h.emu.clock.advance(24 * HOUR);
    expect(refresh(h, definition.id).kind).toBe('full');
    const plain = saveImport(h, opportunityImport({ name: 'Plain', sheetName: 'Plain' }));
    expect(refresh(h, plain.id).kind).toBe('full');
    expect(refresh(h, plain.id).kind).toBe('full');
    const requisitions = scheduled(h, requisitionImport());
    expect(refresh(h, requisitions.id).kind).toBe('full');
    h.emu.clock.advance(HOUR);
    expect(refresh(h, requisitions.id).kind).toBe('full');
    expect(
      h.emu
        .spreadsheet(h.ssId)
        .sheetNames()
        .filter((name) => name.startsWith('_lever_base_')),
    ).toEqual([`_lever_base_${definition.id}`]);
  });
});
