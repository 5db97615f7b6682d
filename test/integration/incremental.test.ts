// Changes-only refreshes through the built bundle against the simulator: after random changes between refreshes the
// sheet equals a full import at that moment, under every list order and reading of Lever's updated_at filter (a change
// the filter misses is found by the next full run's drift check); what a key cannot see waits for a full run.
import type { ImportDefinition, ImportDefinitionInput, RunRecord, SidebarState } from '../../src/shared/types';
import { mutateDataset } from '../../tools/lever-sim';
import type { ListOrderReading, UpdatedFilterReading } from '../../tools/lever-sim/readings';
import type { Harness } from '../support/harness';
import { NO_CONFIDENTIAL_KEY } from '../support/harness';
import { documentState } from '../support/state';
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
const COLUMNS = [
  'id',
  'name',
  'headline',
  'stage',
  'tags',
  'confidentiality',
  'archived',
  'snoozedUntil',
  'opportunityLocation',
  'createdAt',
];
const ROUND_COUNTS = {
  created: 4,
  edited: 8,
  archived: 3,
  unarchived: 3,
  snoozed: 3,
  unsnoozed: 2,
  confidentialityFlipped: 3,
  deleted: 3,
};

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

/** Active records whose snooze ends between refreshes: no changes query sees that, the local check does. */
function snoozeUntilLater(h: Harness, count: number): string[] {
  const now = h.emu.clock.now();
  const picked = h.dataset.opportunities
    .filter((o) => o.archived === null && o.snoozedUntil === null && o.confidentiality !== 'confidential')
    .slice(0, count);
  picked.forEach((o, index) => {
    o.snoozedUntil = now + (index + 1.5) * HOUR;
  });
  return picked.map((o) => o.id);
}

/** The Diagnostics report's text, from the dialog the menu item shows. */
function diagnosticsText(h: Harness): string {
  const before = h.emu.ui(h.ssId).length;
  const result = h.emu.run('showDiagnostics', [], { user: USER, spreadsheetId: h.ssId });
  if (!result.ok) throw new Error(`showDiagnostics failed: ${result.error?.message}`);
  const dialog = h.emu
    .ui(h.ssId)
    .slice(before)
    .find((event) => event.kind === 'dialog');
  return String(dialog?.detail.html).replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

const COMBOS: Array<[ListOrderReading, UpdatedFilterReading]> = [
  ['newest-first', 'field'],
  ['newest-runs', 'any-change'],
  ['unordered', 'any-change'],
  ['unordered', 'field'],
];

describe.each(COMBOS)('refreshes under list order %s and updated filter %s', (listOrder, updatedFilter) => {
  it('equal a full import after random changes; a change Lever does not list is caught by the drift check', () => {
    const h = createHarness({ opportunities: 1500, requisitions: 10, readings: { listOrder, updatedFilter } });
    connect(h);
    settleSnoozes(h, h.emu.clock.now() + 30 * 86_400_000);
    const input = opportunityImport({
      columns: COLUMNS,
      filters: { archived: 'exclude', snoozed: 'exclude', confidential: 'include' },
    });
    const definition = saveImport(h, input);
    const woken = snoozeUntilLater(h, 4);
    let before = h.sim.requests.length;
    expect(refresh(h, definition.id).kind).toBe('full');
    for (const id of woken)
      expect(
        sheet(h, 'Opportunities')
          .values()
          .some((row) => row[0] === id),
      ).toBe(false);
    const fullRequests = opportunityRequests(h, before);
    // Round 2 changes a field outside Lever's updatedAt list; round 3 is a full run (the user's "Run in full").
    let invisible = false;
    for (let round = 1; round <= 5; round++) {
      const since = h.emu.clock.now();
      h.emu.clock.advance(HOUR);
      // Ten relocations, not three: the draw (seeded by the clock, which moves with the add-on's own speed) may pick
      // archived records only, which no result shows, and then there is no drift to catch.
      const counts = { ...ROUND_COUNTS, relocated: round === 2 ? 10 : 0 };
      const report = mutateDataset(h.dataset, { seed: 40 + round, since, now: h.emu.clock.now() - 1, counts });
      expect(report.deleted.length).toBeGreaterThan(0);
      invisible ||= report.relocated.length > 0 && updatedFilter === 'field';
      before = h.sim.requests.length;
      const run =
        round === 3 ? h.call<RunRecord>('runImport', [definition.id, { full: true }]) : refresh(h, definition.id);
      expect(run.status).toBe('succeeded');
      const shown = sheet(h, 'Opportunities').values();
      for (const id of report.deleted) expect(shown.some((row) => row[0] === id)).toBe(false);
      if (round === 3) {
        expect(run.kind).toBe('full');
        if (updatedFilter === 'field') expect(run.drift).toBeGreaterThan(0);
        else expect(run.drift).toBe(0);
      } else if (round > 3 && updatedFilter === 'field') {
        expect(run.kind).toBe('full');
      } else {
        expect(run.kind).toBe('changes');
        const changesRequests = opportunityRequests(h, before);
        expect(changesRequests).toBeLessThanOrEqual(3);
        // Lever's deleted list went out in the same round as a page of the changes: no round trip of its own.
        const sent = h.sim.requests.slice(before);
        const deleted = sent.filter((request) => request.path === '/v1/opportunities/deleted');
        expect(deleted).toHaveLength(1);
        expect(sent.some((request) => request.path === '/v1/opportunities' && request.at === deleted[0].at)).toBe(true);
        expect(changesRequests * 5).toBeLessThan(fullRequests);
      }
      // Under the field reading a changes-only run after the invisible change cannot be exact: the drift check is.
      if (run.kind === 'full' || !invisible) expect(shown).toEqual(fullImportValues(h, input));
    }
    // The planted snoozes have ended (those the mutations did not archive, delete or snooze again show).
    const now = h.emu.clock.now();
    const awake = h.dataset.opportunities.filter(
      (o) => woken.includes(o.id) && o.archived === null && (o.snoozedUntil === null || o.snoozedUntil <= now),
    );
    expect(awake.length).toBeGreaterThan(0);
    for (const o of awake)
      expect(
        sheet(h, 'Opportunities')
          .values()
          .some((row) => row[0] === o.id),
      ).toBe(true);
    const state = h.call<SidebarState>('getSidebarState', []);
    const card = state.imports.find((item) => item.definition.id === definition.id);
    if (updatedFilter === 'field') expect(card?.fullOnly).toMatch(/records? changed in Lever/);
    else expect(card?.fullOnly).toBeUndefined();
    const report = diagnosticsText(h);
    const line = report.split('\n').find((text) => text.startsWith(`  ${definition.name}: `));
    if (updatedFilter === 'field')
      expect(line).toMatch(/: last run full; drift [1-9]\d*; full runs only \(drift found\)$/);
    else expect(line).toMatch(/: last run changes; drift 0; changes only between full runs$/);
  });
});

const NO_CHANGES = Object.fromEntries(Object.keys(ROUND_COUNTS).map((kind) => [kind, 0]));
const LOCATION = COLUMNS.indexOf('opportunityLocation');
const NAME = COLUMNS.indexOf('name');

/** Active records in the import's scope, every `step`th one from `offset`: spread over every window the fetch reads. */
function spreadRecords(h: Harness, step: number, offset: number) {
  const now = h.emu.clock.now();
  return h.dataset.opportunities.filter(
    (o, index) => index % step === offset && o.archived === null && (o.snoozedUntil === null || o.snoozedUntil <= now),
  );
}

/** Runs `change` once, when the first request after the round that asked for the drift check's list reaches Lever. */
function changeAfterDriftList(h: Harness, change: (now: number) => void): { changed: () => boolean } {
  const handle = h.sim.handle.bind(h.sim);
  let askedAt: number | undefined;
  let changed = false;
  h.sim.handle = (request) => {
    const now = h.emu.clock.now();
    if (!changed && askedAt !== undefined && now > askedAt) {
      changed = true;
      change(now);
    }
    const response = handle(request);
    const entry = h.sim.requests[h.sim.requests.length - 1];
    if (askedAt === undefined && entry.query.updated_at_start !== undefined) askedAt = entry.at;
    return response;
  };
  return { changed: () => changed };
}

/** A full run over an hour-old base, with `relocated` records changed (outside Lever's updatedAt list) before it. */
function fullRunOverBase(
  updatedFilter: UpdatedFilterReading,
  change: (h: Harness, now: number, before: readonly string[]) => void,
) {
  const h = createHarness({
    opportunities: 1500,
    requisitions: 10,
    readings: { listOrder: 'unordered', updatedFilter },
  });
  connect(h);
  const definition = saveImport(
    h,
    opportunityImport({
      columns: COLUMNS,
      filters: { archived: 'exclude', snoozed: 'exclude', confidential: 'include' },
    }),
  );
  expect(refresh(h, definition.id).kind).toBe('full');
  const since = h.emu.clock.now();
  h.emu.clock.advance(HOUR);
  const counts = { ...NO_CHANGES, relocated: 8 };
  const before = mutateDataset(h.dataset, { seed: 7, since, now: h.emu.clock.now() - 1, counts }).relocated;
  const from = h.sim.requests.length;
  const race = changeAfterDriftList(h, (now) => change(h, now, before));
  const run = h.call<RunRecord>('runImport', [definition.id, { full: true }]);
  expect(run.status).toBe('succeeded');
  expect(run.kind).toBe('full');
  const sent = h.sim.requests.slice(from).filter((request) => request.path === '/v1/opportunities');
  const listed = sent.filter((request) => request.query.updated_at_start !== undefined);
  // The drift check's list went out with the first records round, as one query (no createdAt window).
  expect(listed[0].at).toBe(sent[0].at);
  expect(listed[0].query.created_at_start).toBeUndefined();
  expect(race.changed()).toBe(true);
  const rows = sheet(h, 'Opportunities').values().slice(1);
  const shownBefore = (except: readonly string[] = []) =>
    rows.filter((row) => before.includes(String(row[0])) && !except.includes(String(row[0]))).length;
  // The relocated records the import holds: shown, or snoozed and parked out of sight (their rows are checked too).
  const heldBefore = (except: readonly string[] = []) =>
    h.dataset.opportunities.filter((o) => before.includes(o.id) && o.archived === null && !except.includes(o.id))
      .length;
  return { h, run, sent, listed, rows, shownBefore, heldBefore };
}

describe.each(['field', 'any-change'] as const)('the drift check under updated filter %s', (updatedFilter) => {
  it('rides the first records round; a record edited while the run reads is not drift, real drift still is', () => {
    let edited: string[] = [];
    const { run, sent, listed, rows, shownBefore, heldBefore } = fullRunOverBase(updatedFilter, (h, now) => {
      const records = spreadRecords(h, 10, 3);
      for (const o of records) {
        o.name = `${o.name} (edited)`;
        o.updatedAt = now;
      }
      edited = records.map((o) => o.id);
    });
    // Some edited records were read after the edit: their rows differ from the base, and the early list lacks them.
    const readEdited = rows.filter((row) => String(row[NAME]).endsWith(' (edited)'));
    expect(readEdited.length).toBeGreaterThan(0);
    expect(readEdited.every((row) => edited.includes(String(row[0])))).toBe(true);
    if (updatedFilter === 'field') {
      // Relocations before the run are drift under this reading, and only they: the edits are not (a relocated
      // record edited since is listed by Lever, as it would be asked after the fetch).
      expect(shownBefore(edited)).toBeGreaterThan(0);
      expect(run.drift).toBe(heldBefore(edited));
    } else {
      expect(run.drift).toBe(0);
      // No drift found: the check cost no request after the fetch (the early list and updatedAt settled it).
      const records = sent.filter((request) => request.query.updated_at_start === undefined);
      const lastRound = Math.max(...records.map((request) => request.at));
      expect(listed.every((request) => request.at <= lastRound)).toBe(true);
      expect(listed.filter((request) => request.query.offset === undefined)).toHaveLength(1);
    }
  });

  it('a change that leaves updatedAt alone while the run reads is drift under the field reading only', () => {
    const moved = new Map<string, string>();
    const { run, rows, heldBefore } = fullRunOverBase(updatedFilter, (harness, now, before) => {
      harness.dataset.changedAt = harness.dataset.changedAt ?? {};
      const eligible = (o: { id: string; opportunityLocation?: string }) =>
        o.opportunityLocation !== undefined && !before.includes(o.id);
      for (const o of spreadRecords(harness, 10, 5).filter(eligible)) {
        o.opportunityLocation = o.opportunityLocation === 'Remote' ? 'unspecified' : 'Remote';
        harness.dataset.changedAt[o.id] = now;
        moved.set(o.id, o.opportunityLocation);
      }
    });
    const readMoved = rows.filter((row) => moved.has(String(row[0])) && row[LOCATION] === moved.get(String(row[0])));
    expect(readMoved.length).toBeGreaterThan(0);
    if (updatedFilter === 'field') expect(run.drift).toBe(heldBefore() + readMoved.length);
    else expect(run.drift).toBe(0);
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
});

describe('a snooze that runs out, which no changes query reports', () => {
  it.each(['exclude', 'only'] as const)('is applied at the next changes-only run (snoozed %s)', (snoozed) => {
    const h = createHarness({ opportunities: 300, requisitions: 10 });
    connect(h);
    const input = opportunityImport({
      columns: COLUMNS,
      filters: { archived: 'exclude', snoozed, confidential: 'exclude' },
    });
    const definition = saveImport(h, input);
    const sleeper = h.dataset.opportunities.find((o) => o.archived === null && o.confidentiality !== 'confidential');
    if (!sleeper) throw new Error('no record to snooze');
    sleeper.snoozedUntil = h.emu.clock.now() + HOUR / 2;
    const shown = () =>
      sheet(h, 'Opportunities')
        .values()
        .some((row) => row[0] === sleeper.id);
    expect(refresh(h, definition.id).kind).toBe('full');
    expect(shown()).toBe(snoozed === 'only');
    h.emu.clock.advance(HOUR);
    expect(refresh(h, definition.id).kind).toBe('changes');
    expect(shown()).toBe(snoozed === 'exclude');
    expect(sheet(h, 'Opportunities').values()).toEqual(fullImportValues(h, input));
  });
});

describe('when a refresh reads everything', () => {
  it('a definition change and the weekly cadence run in full, requisitions always; unscheduled imports too refresh changes only', () => {
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
    expect(refresh(h, plain.id).kind).toBe('changes');
    const requisitions = scheduled(h, requisitionImport());
    expect(refresh(h, requisitions.id).kind).toBe('full');
    h.emu.clock.advance(HOUR);
    expect(refresh(h, requisitions.id).kind).toBe('full');
    expect(
      h.emu
        .spreadsheet(h.ssId)
        .sheetNames()
        .filter((name) => name.startsWith('_lever_base_')),
    ).toEqual([`_lever_base_${definition.id}`, `_lever_base_${plain.id}`]);
  });
});

/** The base's record and its sheet's data rows (below the header), as the state sheet and the grid hold them. */
function baseLog(h: Harness, importId: string): { rows: number; startedAt: number; log: unknown[][] } {
  const stored = documentState(h.emu, h.ssId)[`incremental.${importId}`];
  const record = stored ? (JSON.parse(stored) as { rows: number; runStartedAtMs: number }) : null;
  const log = sheet(h, `_lever_base_${importId}`).values().slice(1);
  return { rows: record?.rows ?? -1, startedAt: record?.runStartedAtMs ?? -1, log };
}

function sheetIdsOf(h: Harness): string[] {
  return sheet(h, 'Opportunities')
    .values()
    .slice(1)
    .map((row) => String(row[0]));
}

function distinctIds(rows: readonly unknown[][]): number {
  return new Set(rows.map((row) => row[0])).size;
}

const MARKED = (rows: readonly unknown[][]) => rows.filter((row) => row[1] === 'removed').length;

describe('the base as an append log', () => {
  const input = opportunityImport({
    columns: COLUMNS,
    filters: { archived: 'exclude', snoozed: 'exclude', confidential: 'include' },
  });

  function changeAnHour(h: Harness, seed: number, counts = ROUND_COUNTS): void {
    const since = h.emu.clock.now();
    h.emu.clock.advance(HOUR);
    mutateDataset(h.dataset, { seed, since, now: h.emu.clock.now() - 1, counts });
  }

  it('grows by the changed rows and removal marks only, reads as the merged result, and is rewritten compact when long', () => {
    const h = createHarness({ opportunities: 1500, requisitions: 10 });
    connect(h);
    settleSnoozes(h, h.emu.clock.now() + 30 * 86_400_000);
    const definition = saveImport(h, input);
    expect(refresh(h, definition.id).kind).toBe('full');
    let before = baseLog(h, definition.id);
    const live = before.rows;
    expect(distinctIds(before.log)).toBe(live);
    for (let round = 1; round <= 3; round++) {
      changeAnHour(h, 60 + round);
      expect(refresh(h, definition.id).kind).toBe('changes');
      const after = baseLog(h, definition.id);
      // What was there stays where it was; the append is a few dozen rows, not the base again.
      expect(after.log.slice(0, before.rows)).toEqual(before.log.slice(0, before.rows));
      expect(after.rows - before.rows).toBeGreaterThan(0);
      expect(after.rows - before.rows).toBeLessThan(live / 10);
      expect(sheet(h, 'Opportunities').values()).toEqual(fullImportValues(h, input));
      before = after;
    }
    expect(MARKED(before.log)).toBeGreaterThan(0);
    expect(distinctIds(before.log)).toBeLessThan(before.rows);
    // A quarter of the records renamed in one hour: the log would pass its share of dead rows and is rewritten.
    h.emu.clock.advance(HOUR);
    const shownIds = new Set(sheetIdsOf(h));
    const renamed = h.dataset.opportunities.filter((o) => shownIds.has(o.id)).slice(0, Math.ceil(live / 4));
    for (const o of renamed) Object.assign(o, { name: `${o.name} II`, updatedAt: h.emu.clock.now() - 1000 });
    expect(refresh(h, definition.id).kind).toBe('changes');
    const compact = baseLog(h, definition.id);
    expect(MARKED(compact.log.slice(0, compact.rows))).toBe(0);
    expect(distinctIds(compact.log.slice(0, compact.rows))).toBe(compact.rows);
    expect(compact.log.length).toBe(compact.rows);
    expect(sheet(h, 'Opportunities').values()).toEqual(fullImportValues(h, input));
  });

  /**
   * A harness after a full run and an hour of changes, its refresh (`full`: the user's "Run in full") killed
   * `limitMs` into its execution (or not).
   */
  function killedRefresh(limitMs: number, full = false, renameShare = 0) {
    const h = createHarness({ opportunities: 600, requisitions: 10 });
    connect(h);
    settleSnoozes(h, h.emu.clock.now() + 30 * 86_400_000);
    const definition = saveImport(h, input);
    refresh(h, definition.id);
    const before = baseLog(h, definition.id);
    changeAnHour(h, 80);
    renameShown(h, renameShare);
    h.emu.setExecutionLimit(limitMs);
    const args = full ? [definition.id, { full: true }] : [definition.id];
    const result = h.emu.callFromSidebar('runImport', args, { user: USER, spreadsheetId: h.ssId });
    h.emu.setExecutionLimit(360_000);
    return { h, definition, before, result };
  }

  it('killed after its append and before the record, is ignored past the recorded rows and overwritten next time', () => {
    const whole = killedRefresh(360_000);
    expect(whole.result.timedOut).toBe(false);
    // The latest kill that still leaves the old record: one millisecond before the execution that saves it ends it.
    let [low, high] = [0, whole.result.elapsedMs];
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      const { h, definition, before } = killedRefresh(middle);
      if (baseLog(h, definition.id).rows === before.rows) low = middle;
      else high = middle;
    }
    const { h, definition, before, result } = killedRefresh(low);
    expect(result.timedOut).toBe(true);
    const killed = baseLog(h, definition.id);
    expect(killed.rows).toBe(before.rows);
    // The appended rows are in the sheet, past the recorded count, and nothing before them moved.
    expect(killed.log.length).toBeGreaterThan(before.rows);
    expect(killed.log.slice(0, before.rows)).toEqual(before.log);
    // The killed execution's lease runs out; a little changes, and the next refresh is exact from the old record.
    h.emu.clock.advance(360_000);
    changeAnHour(h, 81, { ...ROUND_COUNTS, edited: 2, created: 1, archived: 1, deleted: 1 });
    expect(refresh(h, definition.id).kind).toBe('changes');
    const next = baseLog(h, definition.id);
    expect(next.rows).toBeGreaterThan(before.rows);
    expect(next.log.slice(0, before.rows)).toEqual(before.log);
    expect(sheet(h, 'Opportunities').values()).toEqual(fullImportValues(h, input));
  });

  /** Renames `share` of the shown records, changed just now: past a quarter, the next base write is a rewrite. */
  function renameShown(h: Harness, share: number): void {
    const shownIds = new Set(sheetIdsOf(h));
    const shown = h.dataset.opportunities.filter((o) => shownIds.has(o.id));
    for (const o of shown.slice(0, Math.ceil(shown.length * share)))
      Object.assign(o, { name: `${o.name} II`, updatedAt: h.emu.clock.now() - 1000 });
  }

  it('after a full run over it, grows by what the full run found different, and counts the full run', () => {
    const { h, definition, before, result } = killedRefresh(360_000, true);
    expect(result.timedOut).toBe(false);
    const after = baseLog(h, definition.id);
    expect(after.log.slice(0, before.rows)).toEqual(before.log.slice(0, before.rows));
    expect(after.rows - before.rows).toBeGreaterThan(0);
    expect(after.rows - before.rows).toBeLessThan(before.rows / 4);
    expect(sheet(h, `_lever_base_${definition.id}`).hidden()).toBe(true);
    const stored = JSON.parse(documentState(h.emu, h.ssId)[`incremental.${definition.id}`]) as { fullAtMs: number };
    expect(stored.fullAtMs).toBe(after.startedAt);
    // The next hour's refresh merges into that log and equals a full import.
    changeAnHour(h, 81);
    expect(refresh(h, definition.id).kind).toBe('changes');
    expect(sheet(h, 'Opportunities').values()).toEqual(fullImportValues(h, input));
  });

  it('killed while rewriting it in full, leaves no record: the next refresh reads everything and is exact', () => {
    const whole = killedRefresh(360_000, true, 0.3);
    expect(whole.result.timedOut).toBe(false);
    const recordedAt = (h: Harness, importId: string) => baseLog(h, importId).startedAt;
    // The latest kill that does not see the rewritten base recorded.
    let [low, high] = [0, whole.result.elapsedMs];
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      const { h, definition } = killedRefresh(middle, true, 0.3);
      if (recordedAt(h, definition.id) === recordedAt(whole.h, whole.definition.id)) high = middle;
      else low = middle;
    }
    const { h, definition, result } = killedRefresh(low, true, 0.3);
    expect(result.timedOut).toBe(true);
    // The target is written and the base rewritten, but its record was withdrawn before the write: no run trusts it.
    expect(baseLog(h, definition.id).rows).toBe(-1);
    h.emu.clock.advance(360_000);
    const next = refresh(h, definition.id);
    expect(next.kind).toBe('full');
    expect(sheet(h, 'Opportunities').values()).toEqual(fullImportValues(h, input));
    // Rewritten compact and recorded (the shown records plus the parked snoozed ones).
    const rewritten = baseLog(h, definition.id);
    expect(rewritten.rows).toBeGreaterThanOrEqual(sheetIdsOf(h).length);
    expect(distinctIds(rewritten.log.slice(0, rewritten.rows))).toBe(rewritten.rows);
    expect(sheet(h, `_lever_base_${definition.id}`).hidden()).toBe(true);
    expect(
      h.emu
        .spreadsheet(h.ssId)
        .sheetNames()
        .filter((name) => name.startsWith('_lever_base_')),
    ).toHaveLength(1);
  });
});
