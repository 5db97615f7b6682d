// Previews: the first records as display text, named, in the sheet's order, without any write.

import { normaliseDefinition } from '../../../src/import/definition';
import { countMatching, displayValue, previewDefinition } from '../../../src/import/preview';
import { FakeClock, FakeSource, fakeAccess } from './fake-lever';
import { opportunity } from './fixtures';
import { offsetIn } from './zone-offsets';

const T = Date.UTC(2025, 5, 1, 3);

describe('previewDefinition', () => {
  it('shows headers and the first rows as text, with names and local dates', () => {
    const records = [
      opportunity('b', T),
      opportunity('a', T + 1, { name: '=1+1', archived: { archivedAt: T, reason: 'r1' } }),
      opportunity('c', T - 1),
    ];
    const lever = fakeAccess(new FakeSource(records, new FakeClock(T)));
    const definition = normaliseDefinition(
      {
        name: 'P',
        object: 'opportunities',
        environment: 'production',
        filters: { archived: 'include', snoozed: 'include', confidential: 'exclude' },
        columns: ['name', 'stage', 'archived', 'createdAt'],
        sheetName: 'P',
        writeMode: 'replace',
      },
      { existing: null, others: [], now: '', newId: () => 'p' },
    );
    const preview = previewDefinition(
      definition,
      { lever, offsetAt: offsetIn('America/New_York'), formatDate: (d) => d.toISOString().slice(0, 10) },
      2,
    );
    expect(preview).toEqual({
      count: 2,
      exact: false,
      headers: ['Lever ID', 'Name', 'Stage', 'Archived', 'Created'],
      rows: [
        ['a', '=1+1', 'New lead', 'TRUE', '2025-06-01'],
        ['b', 'Candidate b', 'New lead', 'FALSE', '2025-06-01'],
      ],
    });
  });

  it('formats values as the sheet shows them', () => {
    const format = (d: Date) => `D${d.getTime()}`;
    expect([
      displayValue(new Date(5), format),
      displayValue(true, format),
      displayValue(3.5, format),
      displayValue(null, format),
    ]).toEqual(['D5', 'TRUE', '3.5', '']);
  });

  function fiveHundred(msPerPage: number) {
    const clock = new FakeClock(T);
    const records = Array.from({ length: 500 }, (_, i) => opportunity(`id-${i}`, T - i));
    const source = new FakeSource(records, clock, { msPerPage, pageSize: 100, repeatEvery: 2 });
    return { clock, lever: fakeAccess(source), source };
  }

  it('counts every matching record, each once, when the end is reached before the deadline', () => {
    const { clock, lever } = fiveHundred(250);
    const query = { object: 'opportunities' as const, params: {} };
    expect(countMatching(lever, query, clock.now() + 60_000)).toEqual({ count: 500, exact: true });
  });

  it('reports a lower bound when the deadline comes first', () => {
    const { clock, lever } = fiveHundred(1_000);
    const query = { object: 'opportunities' as const, params: {} };
    const counted = countMatching(lever, query, clock.now() + 2_500);
    expect(counted.exact).toBe(false);
    expect(counted.count).toBeGreaterThan(0);
    expect(counted.count).toBeLessThan(500);
  });
});
