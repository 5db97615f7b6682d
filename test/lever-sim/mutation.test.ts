// The dataset is mutable between requests: keyset pagination stays exact, and edits are seen by the next request.

import type { Opportunity } from '../../tools/lever-sim';
import { basic, buildUrl, FULL, get, ids, leverOrder, makeFixture, NEWEST_FIRST, type Params } from './support';

function page(sim: Parameters<typeof get>[0], params: Params, next?: string) {
  const url = buildUrl('/opportunities', params) + (next ? `&offset=${encodeURIComponent(next)}` : '');
  return JSON.parse(sim.handle({ url, method: 'GET', headers: basic(FULL) }).body);
}

function copyOf(template: Opportunity, id: string, createdAt: number): Opportunity {
  return { ...template, id, createdAt, confidentiality: 'non-confidential' };
}

describe('records added or removed between pages', () => {
  it('neither duplicates nor skips records that existed throughout', () => {
    const { sim, dataset } = makeFixture({ opportunities: 240, requisitions: 1, readings: NEWEST_FIRST });
    const params: Params = [
      ['limit', '25'],
      ['confidentiality', 'all'],
    ];
    const before = new Set(ids(dataset.opportunities));
    const seen: string[] = [];
    let body = page(sim, params);
    seen.push(...ids(body.data));
    const cursor = body.data[body.data.length - 1] as Opportunity;
    const template = dataset.opportunities[0];
    // Newer than the cursor (already passed), tied with it on both sides of its id, and older (still ahead).
    dataset.opportunities.push(copyOf(template, 'aaaa-new-newest', cursor.createdAt + 1000));
    dataset.opportunities.push(copyOf(template, '0000-tie-before', cursor.createdAt));
    dataset.opportunities.push(copyOf(template, 'ffff-tie-after', cursor.createdAt));
    dataset.opportunities.push(copyOf(template, 'bbbb-new-older', cursor.createdAt - 1));
    // Remove records both behind and ahead of the cursor.
    const behind = seen[3];
    const ahead = leverOrder(dataset.opportunities).find((o) => o.createdAt < cursor.createdAt - 10)?.id as string;
    dataset.opportunities.splice(
      dataset.opportunities.findIndex((o) => o.id === behind),
      1,
    );
    dataset.opportunities.splice(
      dataset.opportunities.findIndex((o) => o.id === ahead),
      1,
    );
    while (body.hasNext) {
      body = page(sim, params, body.next);
      seen.push(...ids(body.data));
    }
    expect(new Set(seen).size).toBe(seen.length);
    const throughout = [...before].filter((id) => dataset.opportunities.some((o) => o.id === id));
    for (const id of throughout) expect(seen).toContain(id);
    expect(seen).toContain('ffff-tie-after');
    expect(seen).toContain('bbbb-new-older');
    expect(seen).not.toContain('aaaa-new-newest');
    expect(seen).not.toContain('0000-tie-before');
    expect(seen).not.toContain(ahead);
  });

  it('sees in-place edits (archiving) on the next request', () => {
    const { sim, dataset } = makeFixture({ opportunities: 60, requisitions: 1, readings: NEWEST_FIRST });
    const params: Params = [
      ['limit', '10'],
      ['archived', 'false'],
    ];
    const first = page(sim, params);
    const target = leverOrder(dataset.opportunities).find(
      (o) => o.archived === null && o.confidentiality === 'non-confidential' && !ids(first.data).includes(o.id),
    ) as Opportunity;
    target.archived = { archivedAt: target.createdAt + 1, reason: dataset.archiveReasons[1].id };
    const rest: string[] = [];
    let body = first;
    while (body.hasNext) {
      body = page(sim, params, body.next);
      rest.push(...ids(body.data));
    }
    expect(rest).not.toContain(target.id);
    expect(sim.query('opportunities', { archived: 'false' })).not.toContain(target.id);
  });

  it('follows replaced records and createdAt edited in place', () => {
    const { sim, dataset } = makeFixture({ opportunities: 80, requisitions: 1, readings: NEWEST_FIRST });
    const everything = { confidentiality: 'all' };
    sim.query('opportunities', everything);
    const replaced = dataset.opportunities[5];
    dataset.opportunities[5] = { ...replaced, id: 'replacement-id', createdAt: 1 };
    const edited = dataset.opportunities[6];
    edited.createdAt = Date.UTC(2030, 0, 1);
    const result = sim.query('opportunities', everything);
    expect(result).toEqual(ids(leverOrder(dataset.opportunities)));
    expect(result[0]).toBe(edited.id);
    expect(result[result.length - 1]).toBe('replacement-id');
    expect(result).not.toContain(replaced.id);
  });

  it('follows a whole array replaced on the dataset', () => {
    const { sim, dataset } = makeFixture({ opportunities: 30, requisitions: 1, readings: NEWEST_FIRST });
    dataset.opportunities = dataset.opportunities.slice(0, 3);
    expect(get(sim, '/opportunities', [['confidentiality', 'all']]).json.data).toHaveLength(3);
  });
});

describe('query() ground truth', () => {
  it('matches what the pages return, with the same validation', () => {
    const { sim } = makeFixture({
      opportunities: 200,
      requisitions: 60,
      readings: { ...NEWEST_FIRST, confidentialDenial: 'forbidden' },
    });
    const params: Params = [
      ['archived', 'false'],
      ['stage_id', 'applicant-new'],
      ['stage_id', 'offer'],
    ];
    const pages: string[] = [];
    let body = page(sim, [...params, ['limit', '9']]);
    pages.push(...ids(body.data));
    while (body.hasNext) {
      body = page(sim, [...params, ['limit', '9']], body.next);
      pages.push(...ids(body.data));
    }
    expect(sim.query('opportunities', { archived: 'false', stage_id: ['applicant-new', 'offer'] })).toEqual(pages);
    expect(sim.query('requisitions', { status: 'open' }).length).toBeGreaterThan(0);
    expect(() => sim.query('opportunities', { archived: 'maybe' })).toThrow(/archived/);
    expect(() => sim.query('opportunities', { confidentiality: 'all' }, 'test-no-confidential-key')).toThrow(
      /confidential/,
    );
  });
});
