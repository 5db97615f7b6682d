// Through the built bundle: hires flagged, hired dates and the seat a hire fills, against the simulator's truth.
import {
  connect,
  createHarness,
  EVERYTHING,
  lastOf,
  opportunityImport,
  requisitionImport,
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

describe('requisitions that know their hires', () => {
  const h = createHarness({ opportunities: 800, requisitions: 60 });
  connect(h);
  const DAY = 86_400_000;

  function truthFor(requisitionId: string, today: number) {
    const hired = new Set(h.dataset.archiveReasons.filter((r) => r.type === 'hired').map((r) => r.id));
    const seatOf = new Map((h.dataset.applications ?? []).map((a) => [a.opportunityId, a.requisitionForHire?.id]));
    const hires = h.dataset.opportunities.filter(
      (o) => hired.has(o.archived?.reason ?? '') && seatOf.get(o.id) === requisitionId,
    );
    const starts = hires
      .map((o) => {
        const offers = h.dataset.offers?.[o.id] ?? [];
        const current = [...offers].sort((a, b) => b.createdAt - a.createdAt)[0];
        return current?.fields.find((f) => f.identifier === 'anticipated_start_date')?.value as number | undefined;
      })
      .filter((start): start is number => typeof start === 'number' && start >= today);
    return {
      names: hires.map((o) => o.name).sort(),
      last: hires.length ? Math.max(...hires.map((o) => o.archived?.archivedAt ?? 0)) : null,
      next: starts.length ? Math.min(...starts) : null,
    };
  }

  it('shows each requisition’s hires, open seats, latest hire, next start date and approval date', () => {
    const columns = ['name', 'headcountTotal', 'hires', 'openSeats', 'nextStartDate', 'lastHiredOn', 'approvedAt'];
    const definition = saveImport(
      h,
      requisitionImport({ columns, filters: { archived: 'exclude', snoozed: 'exclude', confidential: 'include' } }),
    );
    const today = h.emu.clock.now() - (h.emu.clock.now() % DAY);
    expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');
    const [header, ...body] = sheet(h, 'Requisitions').values();
    const at = (label: string) => header.indexOf(label);
    const byId = new Map(h.dataset.requisitions.map((r) => [r.id, r]));
    let withHires = 0;
    let withStarts = 0;
    for (const row of body) {
      const requisition = byId.get(String(row[0]));
      if (!requisition) throw new Error(`unknown requisition ${row[0]}`);
      const truth = truthFor(requisition.id, today);
      expect(row[at('Hires')]).toBe(truth.names.join(', '));
      const total = requisition.headcountTotal;
      const open = typeof total === 'number' ? total - Number(requisition.headcountHired ?? 0) : total;
      expect(row[at('Open seats')]).toBe(open ?? '');
      const date = (cell: unknown) => (cell instanceof Date ? cell.getTime() : null);
      expect(date(row[at('Hired on (latest hire)')])).toBe(truth.last);
      expect(date(row[at('Next start date')])).toBe(truth.next);
      expect(date(row[at('Approved on')])).toBe(requisition.approval?.approvedAt ?? null);
      if (truth.names.length) withHires++;
      if (truth.next !== null) withStarts++;
    }
    expect(withHires).toBeGreaterThan(2);
    expect(withStarts).toBeGreaterThan(0);
  });
});
