// The listOrder reading (unknowns 1): pages of every order concatenate to exactly the query's set, in the order
// the reading says, with offset tokens bound to their query and their place in its order.

import { ALL_READINGS } from '../../tools/lever-sim/readings';
import { NEWEST_RUNS, runOf } from '../../tools/lever-sim/reorder';
import { basic, FULL, get, makeFixture, request, walk } from './support';

type Dated = { id: string; createdAt: number };

const QUERIES: Array<Array<[string, string]>> = [
  [],
  [['archived', 'false']],
  [
    ['created_at_start', String(Date.UTC(2025, 3, 1))],
    ['created_at_end', String(Date.UTC(2025, 9, 1))],
  ],
  [
    ['snoozed', 'true'],
    ['confidentiality', 'all'],
  ],
];

function paramsRecord(params: Array<[string, string]>): Record<string, string> {
  return Object.fromEntries(params);
}

function descending(records: Dated[]): boolean {
  return records.every(
    (r, i) =>
      i === 0 ||
      records[i - 1].createdAt > r.createdAt ||
      (records[i - 1].createdAt === r.createdAt && records[i - 1].id < r.id),
  );
}

function runsOf(records: Dated[]): number {
  return 1 + records.filter((r, i) => i > 0 && r.createdAt > records[i - 1].createdAt).length;
}

describe.each(ALL_READINGS.listOrder)('listOrder %s', (listOrder) => {
  const { sim } = makeFixture({ opportunities: 700, requisitions: 160, readings: { listOrder } });

  it.each(QUERIES)('pages concatenate to exactly the query set (%j)', (...params) => {
    for (const limit of ['1', '7', '100']) {
      const { records } = walk<Dated>(sim, '/opportunities', [...params, ['limit', limit]]);
      const ids = records.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(ids)).toEqual(new Set(sim.query('opportunities', paramsRecord(params))));
    }
  });

  it('pages requisitions exactly too', () => {
    const { records } = walk<Dated>(sim, '/requisitions', [
      ['confidentiality', 'all'],
      ['limit', '13'],
    ]);
    const ids = records.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(sim.query('requisitions', { confidentiality: 'all' })));
  });

  it('serves the order the reading says', () => {
    const { records } = walk<Dated>(sim, '/opportunities', [['confidentiality', 'all']]);
    if (listOrder === 'newest-first') expect(descending(records)).toBe(true);
    if (listOrder === 'newest-runs') {
      expect(runsOf(records)).toBe(NEWEST_RUNS);
      const runs = records.map((r) => runOf(r.id));
      expect(runs).toEqual([...runs].sort((a, b) => a - b));
      for (let run = 0; run < NEWEST_RUNS; run++)
        expect(descending(records.filter((r) => runOf(r.id) === run))).toBe(true);
    }
    if (listOrder === 'unordered') expect(runsOf(records)).toBeGreaterThan(records.length / 4);
  });

  it('serves the same order for the same query every time, and another order for another query', () => {
    const once = walk<Dated>(sim, '/opportunities', [['archived', 'false']]).records.map((r) => r.id);
    const again = walk<Dated>(sim, '/opportunities', [['archived', 'false']]).records.map((r) => r.id);
    expect(again).toEqual(once);
    const other = walk<Dated>(sim, '/opportunities', [['archived', 'true']]).records.map((r) => r.id);
    expect(other.filter((id) => once.includes(id))).toEqual([]);
  });

  it('binds a token to its query', () => {
    const first = get(sim, '/opportunities', [
      ['limit', '5'],
      ['archived', 'false'],
    ]);
    const other = request(
      sim,
      `https://api.lever.co/v1/opportunities?limit=5&archived=true&offset=${first.json.next}`,
      basic(FULL),
    );
    expect(other.status).toBe(400);
  });

  it('keeps every record that stays through records added mid-walk, each once', () => {
    const fixture = makeFixture({ opportunities: 300, readings: { listOrder } });
    const before = new Set(fixture.sim.query('opportunities', {}));
    const seen: string[] = [];
    let next: string | undefined;
    let pages = 0;
    do {
      const offset = next === undefined ? '' : `&offset=${next}`;
      const page = request(fixture.sim, `https://api.lever.co/v1/opportunities?limit=50${offset}`, basic(FULL));
      expect(page.status).toBe(200);
      seen.push(...page.json.data.map((r: Dated) => r.id));
      next = page.json.hasNext ? page.json.next : undefined;
      if (++pages === 2) {
        const template = fixture.dataset.opportunities[0];
        fixture.dataset.opportunities.push({ ...template, id: 'added-mid-walk', createdAt: template.createdAt + 1 });
      }
    } while (next !== undefined);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of before) expect(seen).toContain(id);
  });
});

describe('listOrder switched mid-run', () => {
  it('refuses a token from the other order and serves the new order from the start', () => {
    const { sim } = makeFixture({ opportunities: 300, readings: { listOrder: 'newest-first' } });
    const first = get(sim, '/opportunities', [['limit', '20']]);
    sim.readings.listOrder = 'unordered';
    const refused = request(
      sim,
      `https://api.lever.co/v1/opportunities?limit=20&offset=${first.json.next}`,
      basic(FULL),
    );
    expect(refused.status).toBe(400);
    const { records } = walk<Dated>(sim, '/opportunities', [['limit', '20']]);
    expect(runsOf(records)).toBeGreaterThan(10);
    expect(new Set(records.map((r) => r.id))).toEqual(new Set(sim.query('opportunities', {})));
  });

  it('defaults to the strictest reading (unordered)', () => {
    expect(makeFixture({ opportunities: 10 }).sim.readings.listOrder).toBe('unordered');
  });
});
