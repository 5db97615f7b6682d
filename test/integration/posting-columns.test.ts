// Through the built bundle: the posting columns show the posting's categories, salary range and requisition codes.
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

const INTERVALS: Record<string, string> = { 'per-year-salary': 'per year', 'per-hour-wage': 'per hour' };

describe('posting columns', () => {
  const h = createHarness({ opportunities: 300, requisitions: 40 });
  connect(h);

  it('match the simulator’s postings for every opportunity', () => {
    const columns = [
      'postingTeam',
      'postingDepartment',
      'postingCommitment',
      'postingSalaryRange',
      'postingRequisitionCodes',
    ];
    const definition = saveImport(h, opportunityImport({ columns, filters: EVERYTHING }));
    expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');
    const postings = new Map(h.dataset.postings.map((p) => [p.id, p]));
    const postingOf = new Map((h.dataset.applications ?? []).map((a) => [a.opportunityId, a.posting]));
    const [header, ...body] = sheet(h, 'Opportunities').values();
    let withSalary = 0;
    for (const row of body) {
      const cell = (label: string) => row[header.indexOf(label)];
      const posting = postings.get(postingOf.get(String(row[0])) ?? '');
      expect(cell('Posting team')).toBe(posting?.categories.team ?? '');
      expect(cell('Posting department')).toBe(posting?.categories.department ?? '');
      expect(cell('Posting commitment')).toBe(posting?.categories.commitment ?? '');
      expect(cell('Posting requisition codes')).toBe(posting?.requisitionCodes.join(', ') ?? '');
      const range = posting?.salaryRange;
      const expected = range
        ? `${range.currency} ${range.min.toLocaleString('en-US')} – ${range.max.toLocaleString('en-US')} ${INTERVALS[range.interval]}`
        : '';
      expect(cell('Posting salary range')).toBe(expected);
      if (range) withSalary++;
    }
    expect(withSalary).toBeGreaterThan(10);
  });
});
