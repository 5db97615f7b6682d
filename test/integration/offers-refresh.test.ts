// Through the built bundle: refreshes of an import with offer columns keep the final offers of unchanged
// opportunities and ask Lever about exactly the rest, under both readings of whether an offer change bumps its
// opportunity's updatedAt; after every refresh the sheet equals a fresh full import.
import type { ImportDefinition, ImportDefinitionInput, RunRecord } from '../../src/shared/types';
import { changeOffer, mutateDataset, type Offer } from '../../tools/lever-sim';
import { ALL_READINGS, type OfferUpdatesReading } from '../../tools/lever-sim/readings';
import type { Harness } from '../support/harness';
import {
  connect,
  createHarness,
  EVERYTHING,
  lastOf,
  opportunityImport,
  runToEnd,
  saveImport,
  sheet,
  USER,
} from './import-support';

const HOUR = 3_600_000;
/** A changes-only run reads from the last run's start less this overlap (incremental-plan.ts). */
const OVERLAP_MS = 10 * 60_000;
const COLUMNS = ['id', 'name', 'stage', 'archived', 'offerStatus', 'offerSentOn', 'offerSalary', 'offerStartDate'];

function scheduled(h: Harness, input: ImportDefinitionInput): ImportDefinition {
  const definition = saveImport(h, input);
  const result = h.emu.callFromSidebar('setSchedule', [definition.id, { kind: 'hourly', everyHours: 1 }], {
    user: USER,
    spreadsheetId: h.ssId,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return definition;
}

function refresh(h: Harness, importId: string): RunRecord {
  const run = lastOf(runToEnd(h, importId));
  expect(run.status).toBe('succeeded');
  return run;
}

/** The opportunities whose offers the requests since `from` asked for. */
function askedSince(h: Harness, from: number): string[] {
  return h.sim.requests
    .slice(from)
    .map((request) => /^\/v1\/opportunities\/([^/]+)\/offers$/.exec(request.path)?.[1])
    .filter((id): id is string => id !== undefined)
    .map(decodeURIComponent)
    .sort();
}

function newest(h: Harness, id: string): Offer | undefined {
  return [...(h.dataset.offers?.[id] ?? [])].sort((a, b) => b.createdAt - a.createdAt)[0];
}

/** Candidates as Lever's data says: at the Offer stage, or archived with a hired reason. */
function candidates(h: Harness): Map<string, number | null> {
  const hired = new Set(h.dataset.archiveReasons.filter((r) => r.type === 'hired').map((r) => r.id));
  const list = h.dataset.opportunities.filter(
    (o) => o.stage === 'offer' || (o.archived !== null && hired.has(o.archived.reason)),
  );
  return new Map(list.map((o) => [o.id, o.updatedAt ?? null]));
}

/** The hires: opportunities archived with a hired reason (the candidates of a "Hires only" import). */
function hired(h: Harness): Set<string> {
  const reasons = new Set(h.dataset.archiveReasons.filter((r) => r.type === 'hired').map((r) => r.id));
  const list = h.dataset.opportunities.filter((o) => o.archived !== null && reasons.has(o.archived.reason));
  return new Set(list.map((o) => o.id));
}

/** What the last refresh could keep: each candidate's updatedAt, and whether its offer was signed then. */
type Snapshot = Map<string, { updatedAt: number | null; signed: boolean }>;

function snapshot(h: Harness): Snapshot {
  const entries = [...candidates(h)].map(
    ([id, updatedAt]) => [id, { updatedAt, signed: newest(h, id)?.status === 'signed' }] as const,
  );
  return new Map(entries);
}

/** The set a changes-only refresh must ask: candidates Lever returns as changed, or without a kept signed offer. */
function expectedAsked(h: Harness, previous: Snapshot, since: number): string[] {
  return [...candidates(h)]
    .filter(([id, updatedAt]) => {
      const kept = previous.get(id);
      const returned = updatedAt !== null && updatedAt >= since;
      return returned || !kept || !kept.signed || kept.updatedAt !== updatedAt;
    })
    .map(([id]) => id)
    .sort();
}

/** What a full import of the same definition writes right now (a second, unscheduled import, then deleted). */
function fullImportValues(h: Harness, input: ImportDefinitionInput): unknown[][] {
  const reference = saveImport(h, { ...input, name: 'Reference', sheetName: 'Reference' });
  refresh(h, reference.id);
  const values = sheet(h, 'Reference').values();
  h.call('deleteImport', [reference.id]);
  h.emu.spreadsheet(h.ssId).deleteSheet('Reference');
  return values;
}

function pick(h: Harness, test: (id: string, status: string | undefined) => boolean, taken: Set<string>): string {
  const id = [...candidates(h).keys()].find((key) => !taken.has(key) && test(key, newest(h, key)?.status));
  if (!id) throw new Error('no such candidate in the dataset');
  taken.add(id);
  return id;
}

describe.each(ALL_READINGS.offerUpdates)('offer columns refreshed when offers change (%s)', (offerUpdates) => {
  const reading: OfferUpdatesReading = offerUpdates;

  it('ask Lever exactly for the changed and not-final candidates, and equal a full import after each refresh', () => {
    const h = createHarness({ opportunities: 1000, requisitions: 40, readings: { offerUpdates: reading } });
    connect(h);
    const input = opportunityImport({ columns: COLUMNS, filters: EVERYTHING });
    const definition = scheduled(h, input);
    let from = h.sim.requests.length;
    expect(refresh(h, definition.id).kind).toBe('full');
    expect(askedSince(h, from)).toEqual([...candidates(h).keys()].sort());
    const offersSheet = h.emu.spreadsheet(h.ssId).sheet(`_lever_offers_${definition.id}`);
    expect(offersSheet.hidden()).toBe(true);
    let previous = snapshot(h);
    const taken = new Set<string>();
    for (let round = 1; round <= 3; round++) {
      const runStart = h.emu.clock.now();
      h.emu.clock.advance(HOUR);
      const at = h.emu.clock.now() - 60_000;
      const pending = pick(h, (_, status) => status === 'sent' || status === 'opened', taken);
      changeOffer(h.dataset, pending, { kind: 'status', status: 'signed' }, { at, reading });
      const bare = pick(h, (_, status) => status === undefined, taken);
      changeOffer(h.dataset, bare, { kind: 'created', status: 'sent' }, { at, reading });
      // An offer revised on an opportunity that also changed (a hire's headline edited).
      const hire = pick(h, (_, status) => status === 'signed', taken);
      changeOffer(h.dataset, hire, { kind: 'revised', salary: 100_000 + round }, { at, reading });
      const opportunity = h.dataset.opportunities.find((o) => o.id === hire);
      if (!opportunity) throw new Error('no hire');
      Object.assign(opportunity, { headline: `Hired, round ${round}`, updatedAt: at });
      const counts = { created: 2, edited: 6, archived: 1, unarchived: 1, snoozed: 0, unsnoozed: 0, deleted: 1 };
      mutateDataset(h.dataset, { seed: 70 + round, since: runStart, now: at, counts });
      const expected = expectedAsked(h, previous, runStart - OVERLAP_MS);
      expect(expected).toEqual(expect.arrayContaining([pending, bare, hire]));
      const keptFinal = [...candidates(h).keys()].filter((id) => !expected.includes(id));
      expect(keptFinal.length).toBeGreaterThan(8);
      from = h.sim.requests.length;
      expect(refresh(h, definition.id).kind).toBe('changes');
      expect(askedSince(h, from)).toEqual(expected);
      previous = snapshot(h);
      const shown = sheet(h, 'Opportunities').values();
      expect(shown.find((row) => row[0] === hire)?.[6]).toBe(100_000 + round);
      expect(shown).toEqual(fullImportValues(h, input));
    }
    from = h.sim.requests.length;
    expect(h.call<RunRecord>('runImport', [definition.id, { full: true }])).toMatchObject({ kind: 'full' });
    expect(askedSince(h, from)).toEqual([...candidates(h).keys()].sort());
    h.call('deleteImport', [definition.id]);
    expect(h.emu.spreadsheet(h.ssId).sheetNames()).not.toContain(`_lever_offers_${definition.id}`);
  });
});

describe('an import without a base (Hires only: always in full)', () => {
  it('keeps the signed offers of opportunities whose updatedAt did not change', () => {
    const h = createHarness({ opportunities: 1000, requisitions: 30 });
    connect(h);
    const input = opportunityImport({ columns: COLUMNS, filters: { ...EVERYTHING, hiresOnly: true } });
    const definition = saveImport(h, input);
    refresh(h, definition.id);
    const previous = snapshot(h);
    h.emu.clock.advance(HOUR);
    const at = h.emu.clock.now() - 60_000;
    const taken = new Set<string>();
    const hire = pick(h, (id, status) => status === 'signed' && hired(h).has(id), taken);
    const opportunity = h.dataset.opportunities.find((o) => o.id === hire);
    if (!opportunity) throw new Error('no hire');
    Object.assign(opportunity, { headline: 'Edited', updatedAt: at });
    changeOffer(h.dataset, hire, { kind: 'revised', salary: 77_777 }, { at, reading: 'separate' });
    const expected = [...candidates(h)]
      .filter(([id]) => hired(h).has(id))
      .filter(([id, updatedAt]) => !previous.get(id)?.signed || previous.get(id)?.updatedAt !== updatedAt)
      .map(([id]) => id)
      .sort();
    expect(expected).toContain(hire);
    expect(expected.length).toBeLessThan(hired(h).size - 8);
    const from = h.sim.requests.length;
    expect(refresh(h, definition.id).kind).toBe('full');
    expect(askedSince(h, from)).toEqual(expected);
    expect(sheet(h, 'Opportunities').values()).toEqual(fullImportValues(h, input));
  });

  it('asks everyone again once the key is checked again (offers kept under another key are not used)', () => {
    const h = createHarness({ opportunities: 1000, requisitions: 30 });
    connect(h);
    const definition = saveImport(h, opportunityImport({ columns: COLUMNS, filters: EVERYTHING }));
    refresh(h, definition.id);
    h.emu.clock.advance(HOUR);
    let from = h.sim.requests.length;
    refresh(h, definition.id);
    expect(askedSince(h, from).length).toBeLessThan(candidates(h).size);
    h.emu.clock.advance(HOUR);
    connect(h);
    from = h.sim.requests.length;
    refresh(h, definition.id);
    expect(askedSince(h, from)).toEqual([...candidates(h).keys()].sort());
  });
});

describe('the kept offers of an import that drops its offer columns', () => {
  it('go at its next run, and later runs stop looking for them (no lookup by name)', () => {
    const h = createHarness({ opportunities: 300, requisitions: 5 });
    connect(h);
    const definition = saveImport(h, opportunityImport({ columns: COLUMNS, filters: EVERYTHING }));
    const offersSheet = `_lever_offers_${definition.id}`;
    refresh(h, definition.id);
    expect(h.emu.spreadsheet(h.ssId).sheetNames()).toContain(offersSheet);
    saveImport(h, { ...opportunityImport({ columns: ['id', 'name'], filters: EVERYTHING }), id: definition.id });
    refresh(h, definition.id);
    expect(h.emu.spreadsheet(h.ssId).sheetNames()).not.toContain(offersSheet);
    const runs = [0, 1].map(() => {
      h.emu.clock.advance(HOUR);
      const result = h.emu.callFromSidebar('runImport', [definition.id], { user: USER, spreadsheetId: h.ssId });
      expect((result.value as RunRecord).status).toBe('succeeded');
      return result.calls['SpreadsheetApp.Spreadsheet.getSheetByName'] ?? 0;
    });
    // Only the state sheet's lookup is left: neither the base (found by id) nor the offers sheet is looked for.
    expect(runs).toEqual([1, 1]);
  });
});

describe('offers that take longer than one execution', () => {
  it('are read over several executions, each asking only what earlier ones of the run did not read', () => {
    const h = createHarness({ opportunities: 5000, requisitions: 30, latencyMs: 1000 });
    // 3,000 candidates take 300 s at Lever's 10 requests a second: more than one execution's work budget.
    for (const o of h.dataset.opportunities.slice(0, 3000)) o.stage = 'offer';
    connect(h);
    const definition = saveImport(h, opportunityImport({ columns: COLUMNS, filters: EVERYTHING }));
    const from = h.sim.requests.length;
    const records = runToEnd(h, definition.id);
    expect(lastOf(records).status).toBe('succeeded');
    const asked = askedSince(h, from);
    const wanted = candidates(h).size;
    // More than one execution's worth; each offer read once, but for a chunk cut off by the time budget.
    expect(wanted).toBeGreaterThan(3000);
    expect(records.length).toBeGreaterThanOrEqual(2);
    expect(new Set(asked).size).toBe(wanted);
    expect(asked.length).toBeLessThanOrEqual(wanted + 240 * (records.length - 1));
    const [header, ...rows] = sheet(h, 'Opportunities').values();
    const status = header.indexOf('Offer status');
    const salary = header.indexOf('Offer salary');
    // Lever's candidates once, not per row: 5,000 rows times a scan of 5,000 opportunities was most of this test.
    const wantedIds = candidates(h);
    for (const row of rows) {
      const id = String(row[0]);
      const offer = wantedIds.has(id) ? newest(h, id) : undefined;
      expect([row[status] !== '', row[salary]]).toEqual([
        offer !== undefined,
        offer?.fields.find((f) => f.identifier === 'salary_amount')?.value ?? '',
      ]);
    }
  });
});
