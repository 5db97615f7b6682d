// The local filter check of changes-only runs agrees with the simulator's server filters on every record.
import { buildListQuery } from '../../../src/import/filters';
import { recordMatcher } from '../../../src/import/incremental-match';
import type { LeverRecord } from '../../../src/lever/source';
import type { ImportFilters } from '../../../src/shared/types';
import { generateDataset, LeverSimulator } from '../../../tools/lever-sim';

const NOW = Date.UTC(2026, 0, 5, 14);
const KEY = 'k';
const utc = () => 0;

function setup() {
  const dataset = generateDataset({ seed: 9, opportunities: 800, requisitions: 10, now: NOW });
  const sim = new LeverSimulator({
    dataset,
    keys: [{ key: KEY, environment: 'production', permissions: 'all', confidential: true }],
    now: () => NOW,
  });
  return { dataset, sim };
}

/** Every record as a changes run receives it: all confidentialities, applications expanded. */
function everyRecord(sim: LeverSimulator): LeverRecord[] {
  const records: LeverRecord[] = [];
  let offset: string | undefined;
  do {
    const query = `confidentiality=all&expand=applications&limit=100${offset ? `&offset=${encodeURIComponent(offset)}` : ''}`;
    const response = sim.handle({
      url: `https://api.lever.co/v1/opportunities?${query}`,
      method: 'GET',
      headers: { Authorization: `Basic ${Buffer.from(`${KEY}:`).toString('base64')}` },
    });
    const body = JSON.parse(response.body) as { data: LeverRecord[]; next?: string; hasNext: boolean };
    records.push(...body.data);
    offset = body.hasNext ? body.next : undefined;
  } while (offset);
  return records;
}

/** The simulator's truth for the same filters, through the product's own query builder. */
function truth(sim: LeverSimulator, filters: ImportFilters): Set<string> {
  const query = buildListQuery({ object: 'opportunities', filters }, utc);
  const params: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(query.params)) {
    params[name] = Array.isArray(value) ? value.map(String) : String(value);
  }
  if (query.createdFrom !== undefined) params.created_at_start = String(query.createdFrom);
  if (query.createdTo !== undefined) params.created_at_end = String(query.createdTo);
  return new Set(sim.query('opportunities', params));
}

describe('recordMatcher', () => {
  const { dataset, sim } = setup();
  const records = everyRecord(sim);
  const stage = dataset.opportunities[5].stage;
  const tag = dataset.opportunities.flatMap((o) => o.tags)[0];
  const posting = dataset.postings[1].id;
  const cases: Array<[string, ImportFilters]> = [
    ['the defaults', { archived: 'exclude', snoozed: 'exclude', confidential: 'exclude' }],
    ['everything', { archived: 'include', snoozed: 'include', confidential: 'include' }],
    ['only archived, confidential only', { archived: 'only', snoozed: 'include', confidential: 'only' }],
    ['only snoozed', { archived: 'exclude', snoozed: 'only', confidential: 'include' }],
    [
      'stages, tags and postings',
      { archived: 'include', snoozed: 'exclude', confidential: 'include', stageIds: [stage], tags: [tag] },
    ],
    ['a posting', { archived: 'include', snoozed: 'include', confidential: 'include', postingIds: [posting] }],
    [
      'created between two days',
      {
        archived: 'include',
        snoozed: 'include',
        confidential: 'include',
        createdAfter: '2025-10-01',
        createdBefore: '2025-12-01',
      },
    ],
  ];

  it.each(cases)('agrees with Lever on %s', (_name, filters) => {
    const expected = truth(sim, filters);
    const matches = recordMatcher(buildListQuery({ object: 'opportunities', filters }, utc), NOW);
    const got = new Set(records.filter(matches).map((record) => record.id));
    expect(expected.size).toBeGreaterThan(0);
    expect(got).toEqual(expected);
  });
});
