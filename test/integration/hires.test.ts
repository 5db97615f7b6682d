// Through the built bundle: hires flagged, hired dates and the seat a hire fills, against the simulator's truth.
import {
  connect,
  createHarness,
  EVERYTHING,
  lastOf,
  opportunityImport,
  runToEnd,
  saveImport,
  sheet,
} from './import-support';

const HIRE_COLUMNS = ['name', 'hired', 'hiredOn', 'hiredForRequisition', 'hiredForRequisitionName'];

describe('hires', () => {
  const h = createHarness({ opportunities: 600, requisitions: 80 });
  connect(h);
  const hiredReasons = new Set(h.dataset.archiveReasons.filter((r) => r.type === 'hired').map((r) => r.id));
  const truth = new Map(h.dataset.opportunities.map((o) => [o.id, o]));
  const seats = new Map((h.dataset.applications ?? []).map((a) => [a.opportunityId, a.requisitionForHire]));
  const requisitionNames = new Map(h.dataset.requisitions.map((r) => [r.id, r.name]));
  const isHire = (id: string) => hiredReasons.has(truth.get(id)?.archived?.reason ?? '');

  function rows(name: string): Record<string, unknown>[] {
    const [header, ...body] = sheet(h, name).values();
    return body.map((row) => Object.fromEntries(header.map((label, index) => [String(label), row[index]])));
  }

  it('flags every hire and no non-hire, with the hired date and the requisition it fills', () => {
    const definition = saveImport(h, opportunityImport({ columns: HIRE_COLUMNS, filters: EVERYTHING }));
    expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');
    const imported = rows('Opportunities');
    expect(imported.length).toBeGreaterThan(100);
    const hires = imported.filter((row) => isHire(String(row['Lever ID'])));
    expect(hires.length).toBeGreaterThan(3);
    for (const row of imported) {
      const id = String(row['Lever ID']);
      const record = truth.get(id);
      expect(row.Hired).toBe(isHire(id));
      const hiredOn = row['Hired on'];
      if (isHire(id)) expect((hiredOn as Date).getTime()).toBe(record?.archived?.archivedAt);
      else expect(hiredOn).toBe('');
      const seat = seats.get(id);
      expect(row['Hired for requisition']).toBe(seat?.requisitionCode ?? '');
      expect(row['Hired for requisition (name)']).toBe(seat ? requisitionNames.get(seat.id) : '');
    }
    expect(hires.some((row) => row['Hired for requisition'] !== '')).toBe(true);
  });

  it('"Hires only" imports exactly the hires, archived included', () => {
    const definition = saveImport(
      h,
      opportunityImport({
        columns: ['name', 'hired'],
        sheetName: 'Hires',
        filters: { archived: 'exclude', snoozed: 'include', confidential: 'include', hiresOnly: true },
      }),
    );
    expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');
    const ids = rows('Hires').map((row) => String(row['Lever ID']));
    const expected = h.dataset.opportunities.filter((o) => isHire(o.id)).map((o) => o.id);
    expect([...ids].sort()).toEqual([...expected].sort());
    expect(rows('Hires').every((row) => row.Hired === true)).toBe(true);
    const listed = h.sim.requests.filter((r) => r.path === '/v1/opportunities').slice(-1)[0];
    expect(listed.query.archive_reason_id).toEqual(expect.arrayContaining([...hiredReasons]));
    expect(listed.query.archived).toBeUndefined();
  });
});
