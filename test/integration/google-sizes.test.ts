// Through the built bundle: Google's request sizes (setValues payloads, URL length) kept under every reading.
import type { PreviewResult, RunRecord } from '../../src/shared/types';
import { ALL_GAS_READINGS } from '../../tools/gas-emulator';
import {
  book,
  connect,
  createHarness,
  EVERYTHING,
  lastOf,
  opportunityImport,
  requisitionImport,
  runToEnd,
  saveImport,
  sheet,
  sheetIds,
  USER,
} from './import-support';

describe('setValues payloads of about 2 MB at most', () => {
  it.each(ALL_GAS_READINGS.setValuesPayload)(
    'writes wide text rows in calls Google accepts (%s reading)',
    (reading) => {
      const h = createHarness({ opportunities: 400, requisitions: 5, readings: { setValuesPayload: reading } });
      // Long, multi-byte headlines: 400 rows of 10 KB each are about 4 MB, in only a few thousand cells.
      for (const [i, opportunity] of h.dataset.opportunities.entries()) {
        opportunity.headline = `${i} ${'Zürich · résumé notes — '.repeat(200)}`;
      }
      connect(h);
      const definition = saveImport(
        h,
        opportunityImport({ filters: EVERYTHING, columns: ['name', 'headline', 'createdAt'] }),
      );
      const result = h.emu.callFromSidebar('runImport', [definition.id], { user: USER, spreadsheetId: h.ssId });
      expect(result.error).toBeUndefined();
      expect((result.value as RunRecord).status).toBe('succeeded');
      expect(result.calls['SpreadsheetApp.Range.setValues']).toBeGreaterThanOrEqual(reading === '2MB' ? 3 : 1);
      const values = sheet(h, 'Opportunities').values();
      const headlines = new Map(h.dataset.opportunities.map((o) => [o.id, o.headline]));
      expect(values.length).toBe(h.dataset.opportunities.length + 1);
      for (const row of values.slice(1)) expect(row[2]).toBe(headlines.get(String(row[0])));
    },
  );
});

const uuid = (i: number) => `${String(i).padStart(8, '0')}-7a3c-4d2e-9f10-4b5c6d7e8f90`;
const sortedIds = (ids: Iterable<string>) => [...ids].sort();

/** The distinct value lists a list parameter was sent with on first pages (offset-less requests). */
function sentLists(h: ReturnType<typeof createHarness>, param: string): Set<string> {
  return new Set(
    h.sim.requests
      .filter((r) => r.path === '/v1/opportunities' && r.query[param] && !r.query.offset)
      .map((r) => r.query[param].join('|')),
  );
}

describe('URLs under 2 KB', () => {
  const readings = ALL_GAS_READINGS.urlLength.flatMap((urlLength) =>
    (['newest-first', 'unordered'] as const).map((listOrder) => ({ urlLength, listOrder })),
  );

  it.each(readings)('an import filtered by 100 long tags is split and exact (%o)', (reading) => {
    const h = createHarness({ opportunities: 600, requisitions: 5, readings: reading });
    const wanted = Array.from({ length: 100 }, (_, i) => `Référence client n°${i} — équipe`);
    h.dataset.opportunities.forEach((opportunity, i) => {
      if (i % 3 !== 0) opportunity.tags = [...opportunity.tags, wanted[(i * 7) % 100]];
    });
    connect(h);
    const input = opportunityImport({ filters: { ...EVERYTHING, tags: wanted }, columns: ['name', 'tags'] });
    const truth = h.dataset.opportunities.filter((o) => o.tags.some((tag) => wanted.includes(tag))).map((o) => o.id);
    expect(truth.length).toBeGreaterThan(300);
    const preview = h.call<PreviewResult>('previewImport', [input]);
    expect(preview.rows.length).toBe(10);
    if (preview.exact) expect(preview.count).toBe(truth.length);
    const definition = saveImport(h, input);
    expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');
    expect(sortedIds(sheetIds(h, 'Opportunities'))).toEqual(sortedIds(truth));
    const parts = [...sentLists(h, 'tag')].map((list) => list.split('|'));
    expect(parts.length).toBeGreaterThan(1);
    expect(sortedIds(new Set(parts.flat()))).toEqual(sortedIds(wanted));
  });

  it.each(readings)('200 hired archive reasons: "Hires only" and requisition hires stay exact (%o)', (reading) => {
    const h = createHarness({ opportunities: 600, requisitions: 40, readings: reading });
    const extra = Array.from({ length: 200 }, (_, i) => ({
      id: uuid(i),
      text: `Hired ${i}`,
      status: 'active' as const,
      type: 'hired' as const,
    }));
    h.dataset.archiveReasons.push(...extra);
    const hired = new Set(h.dataset.archiveReasons.filter((r) => r.type === 'hired').map((r) => r.id));
    // Every hire moved to one of the new reasons, spread over all of them.
    h.dataset.opportunities
      .filter((o) => o.archived && hired.has(o.archived.reason))
      .forEach((o, i) => {
        if (o.archived) o.archived.reason = extra[(i * 13) % 200].id;
      });
    connect(h);
    const hires = saveImport(
      h,
      opportunityImport({
        sheetName: 'Hires',
        columns: ['name', 'hired'],
        filters: { archived: 'exclude', snoozed: 'include', confidential: 'include', hiresOnly: true },
      }),
    );
    expect(lastOf(runToEnd(h, hires.id)).status).toBe('succeeded');
    const truth = h.dataset.opportunities.filter((o) => hired.has(o.archived?.reason ?? '')).map((o) => o.id);
    expect(truth.length).toBeGreaterThan(5);
    expect(sortedIds(sheetIds(h, 'Hires'))).toEqual(sortedIds(truth));
    expect(sentLists(h, 'archive_reason_id').size).toBeGreaterThan(1);

    const seats = saveImport(
      h,
      requisitionImport({
        columns: ['name', 'hires'],
        filters: { archived: 'exclude', snoozed: 'exclude', confidential: 'include' },
      }),
    );
    expect(lastOf(runToEnd(h, seats.id)).status).toBe('succeeded');
    const seatOf = new Map((h.dataset.applications ?? []).map((a) => [a.opportunityId, a.requisitionForHire?.id]));
    const [header, ...body] = sheet(h, 'Requisitions').values();
    let withHires = 0;
    for (const row of body) {
      const names = h.dataset.opportunities
        .filter((o) => hired.has(o.archived?.reason ?? '') && seatOf.get(o.id) === row[0])
        .map((o) => o.name)
        .sort();
      expect(row[header.indexOf('Hires')]).toBe(names.join(', '));
      if (names.length > 0) withHires++;
    }
    expect(withHires).toBeGreaterThan(0);
  });
});

describe("a small new target keeps Sheets' 26 columns", () => {
  it.each(['replace', 'updateById'] as const)(
    "so a user's VLOOKUP over A:Z resolves column Z after the import and after a refresh (%s)",
    (writeMode) => {
      const h = createHarness({ opportunities: 300, requisitions: 5 });
      connect(h);
      const definition = saveImport(
        h,
        opportunityImport({ filters: EVERYTHING, columns: ['name', 'createdAt'], writeMode }),
      );
      book(h).insertSheet('Summary');
      const summary = sheet(h, 'Summary');
      expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');
      const target = sheet(h, 'Opportunities');
      // 3 columns and 301 rows: the 23 unused columns hold far less than 500,000 cells.
      expect(target.maxColumns()).toBe(26);
      const [lookupId, otherId] = sheetIds(h, 'Opportunities').slice(5, 7);
      const rowOf = (id: string) => sheetIds(h, 'Opportunities').indexOf(id) + 2;
      target.type(`Z${rowOf(lookupId)}`, 'Plan: offer in Q2');
      summary.type('A1', `=VLOOKUP("${lookupId}", Opportunities!A:Z, 26, FALSE)`);
      summary.type('B1', `=VLOOKUP("${otherId}", Opportunities!A:Z, 2, FALSE)`);
      const names = new Map(h.dataset.opportunities.map((o) => [o.id, o.name]));
      expect(summary.values()[0]).toEqual(['Plan: offer in Q2', names.get(otherId)]);

      const renamed = h.dataset.opportunities.find((o) => o.id === otherId);
      if (renamed) {
        // Lever bumps updatedAt on a name change, which a changes-only refresh reads.
        renamed.name = 'Renamed in Lever';
        renamed.updatedAt = h.emu.clock.now();
      }
      h.emu.clock.advance(60_000);
      expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');
      expect(sheet(h, 'Opportunities').maxColumns()).toBeGreaterThanOrEqual(26);
      expect(summary.values()[0]).toEqual(['Plan: offer in Q2', 'Renamed in Lever']);
    },
  );
});
