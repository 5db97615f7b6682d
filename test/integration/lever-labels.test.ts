// Through the built bundle: Lever's codes shown in the sheet as Lever's UI shows them ("On hold", "Full-time",
// "Referred"), while the change log keeps comparing Lever's codes.
import { EMPLOYMENT_STATUS_LABELS, ORIGIN_LABELS, REQUISITION_STATUS_LABELS } from '../../src/import/lever-labels';
import {
  connect,
  createHarness,
  opportunityImport,
  requisitionImport,
  runToEnd,
  saveImport,
  sheet,
} from './import-support';

const h = createHarness({ opportunities: 300, requisitions: 80 });

function byId(name: string): Map<string, Record<string, unknown>> {
  const [header, ...body] = sheet(h, name).values();
  return new Map(body.map((row) => [String(row[0]), Object.fromEntries(header.map((l, i) => [String(l), row[i]]))]));
}

describe('Lever values as Lever shows them', () => {
  beforeAll(() => connect(h));

  it('shows requisition status and employment status by their labels', () => {
    const filters = { archived: 'exclude', snoozed: 'exclude', confidential: 'include' } as const;
    runToEnd(h, saveImport(h, requisitionImport({ filters })).id);
    const rows = byId('Requisitions');
    const truth = new Map(h.dataset.requisitions.map((r) => [r.id, r]));
    expect(rows.size).toBeGreaterThan(0);
    const statuses = new Set<unknown>();
    for (const [id, row] of rows) {
      const requisition = truth.get(id);
      expect(row.Status).toBe(REQUISITION_STATUS_LABELS[String(requisition?.status)]);
      const employment = requisition?.employmentStatus;
      expect(row['Employment status']).toBe(employment ? EMPLOYMENT_STATUS_LABELS[employment] : '');
      statuses.add(row.Status);
    }
    expect(statuses.has('On hold')).toBe(true);
  });

  it('shows confidentiality, pay interval and approval status by their labels, and logs changes by code', () => {
    const filters = { archived: 'exclude', snoozed: 'exclude', confidential: 'include' } as const;
    const columns = ['name', 'confidentiality', 'compensationInterval', 'approvalStatus'];
    const definition = saveImport(h, requisitionImport({ columns, filters, sheetName: 'Coded', trackChanges: true }));
    runToEnd(h, definition.id);
    const rows = byId('Coded');
    const truth = new Map(h.dataset.requisitions.map((r) => [r.id, r]));
    const seen = { confidential: 0, yearly: 0, approved: 0 };
    for (const [id, row] of rows) {
      const requisition = truth.get(id);
      const confidential = requisition?.confidentiality === 'confidential';
      const shown = { confidential: 'Confidential', 'non-confidential': 'Not confidential' };
      // Lever may leave a requisition's confidentiality out: the cell is then empty.
      expect(row.Confidentiality).toBe(requisition?.confidentiality ? shown[requisition.confidentiality] : '');
      const interval = requisition?.compensationBand?.interval;
      expect(row['Pay interval']).toBe(interval ? { 'per-year-salary': 'Per year' }[interval] : '');
      const approval = requisition?.approval?.status;
      expect(row['Approval status']).toBe(approval === 'approved' ? 'Approved' : (approval ?? ''));
      if (confidential) seen.confidential++;
      if (interval) seen.yearly++;
      if (approval === 'approved') seen.approved++;
    }
    expect(Math.min(seen.confidential, seen.yearly, seen.approved)).toBeGreaterThan(0);
    // A band's interval changes in Lever: the change log names Lever's codes, not the cells' labels.
    const changed = h.dataset.requisitions.find((r) => rows.has(r.id) && r.compensationBand);
    if (!changed?.compensationBand) throw new Error('no requisition with a compensation band');
    changed.compensationBand.interval = 'per-month-salary';
    runToEnd(h, definition.id);
    expect(byId('Coded').get(changed.id)?.['Pay interval']).toBe('Per month');
    const log = sheet(h, 'Lever changes').values().flat().map(String);
    expect(log.some((cell) => cell.endsWith('per-month-salary'))).toBe(true);
    expect(log.some((cell) => cell.includes('Per month') || cell.includes('Per year'))).toBe(false);
  });

  it('shows an opportunity’s origin by its label', () => {
    runToEnd(h, saveImport(h, opportunityImport()).id);
    const truth = new Map(h.dataset.opportunities.map((o) => [o.id, o.origin]));
    const rows = byId('Opportunities');
    expect(rows.size).toBeGreaterThan(0);
    for (const [id, row] of rows) expect(row.Origin).toBe(ORIGIN_LABELS[String(truth.get(id))]);
  });
});
