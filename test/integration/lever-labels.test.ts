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

  it('shows an opportunity’s origin by its label', () => {
    runToEnd(h, saveImport(h, opportunityImport()).id);
    const truth = new Map(h.dataset.opportunities.map((o) => [o.id, o.origin]));
    const rows = byId('Opportunities');
    expect(rows.size).toBeGreaterThan(0);
    for (const [id, row] of rows) expect(row.Origin).toBe(ORIGIN_LABELS[String(truth.get(id))]);
  });
});
