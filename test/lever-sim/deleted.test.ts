// `GET /opportunities/deleted`: deletions made by mutateDataset, with deletedAt/deletedBy, time range, permissions.

import { mutateDataset } from '../../tools/lever-sim';
import { FULL, get, makeFixture, NO_CONFIDENTIAL, NOW, OPPS_ONLY, walk } from './support';

const HOUR = 3_600_000;

interface Deleted {
  id: string;
  deletedAt: number;
  deletedBy: string;
}

describe('GET /opportunities/deleted', () => {
  const { sim, dataset } = makeFixture({ opportunities: 600, requisitions: 20 });
  const first = mutateDataset(dataset, { seed: 5, since: NOW, now: NOW + HOUR, counts: { deleted: 6 } });
  const second = mutateDataset(dataset, { seed: 5, since: NOW + HOUR, now: NOW + 2 * HOUR, counts: { deleted: 4 } });
  // A confidential one among them, so the confidentiality rules have something to hide.
  const listed = dataset.deletedOpportunities ?? [];
  listed[0].confidentiality = 'confidential';
  const all = [['confidentiality', 'all']] as Array<[string, string]>;

  it('lists every deletion once, with deletedAt in its window and deletedBy', () => {
    const { records } = walk<Deleted>(sim, '/opportunities/deleted', [...all, ['limit', '3']]);
    const ids = records.map((record) => record.id);
    expect(new Set(ids)).toEqual(new Set([...first.deleted, ...second.deleted]));
    expect(ids).toHaveLength(10);
    for (const record of records) {
      expect(record.deletedAt).toBeGreaterThan(NOW);
      expect(record.deletedAt).toBeLessThanOrEqual(NOW + 2 * HOUR);
      expect(typeof record.deletedBy).toBe('string');
    }
  });

  it('filters by deleted_at_start and deleted_at_end, both inclusive', () => {
    const since = [...all, ['deleted_at_start', String(NOW + HOUR + 1)]] as Array<[string, string]>;
    const later = walk<Deleted>(sim, '/opportunities/deleted', since).records.map((r) => r.id);
    expect(new Set(later)).toEqual(new Set(second.deleted));
    const at = listed[3].deletedAt;
    const exact = [...all, ['deleted_at_start', String(at)], ['deleted_at_end', String(at)]] as Array<[string, string]>;
    const hits = walk<Deleted>(sim, '/opportunities/deleted', exact).records.map((r) => r.id);
    expect(hits).toContain(listed[3].id);
  });

  it('leaves confidential deletions out by default and from a key without confidential access', () => {
    const byDefault = walk<Deleted>(sim, '/opportunities/deleted').records.map((r) => r.id);
    expect(byDefault).not.toContain(listed[0].id);
    expect(byDefault).toHaveLength(9);
    const hidden = get(sim, '/opportunities/deleted', all, NO_CONFIDENTIAL);
    expect(hidden.status).toBe(200);
    expect(hidden.json.data.map((r: Deleted) => r.id)).not.toContain(listed[0].id);
    expect(get(sim, '/opportunities/deleted', all, FULL).json.data.map((r: Deleted) => r.id)).toContain(listed[0].id);
  });

  it('answers 403 to a key without the opportunities permission, 403 for confidential under the forbidden reading', () => {
    const noOpportunities = makeFixture({ opportunities: 10, requisitions: 2 });
    noOpportunities.sim.addKey({
      key: 'reqs',
      environment: 'production',
      permissions: ['requisitions'],
      confidential: false,
    });
    expect(get(noOpportunities.sim, '/opportunities/deleted', [], 'reqs').status).toBe(403);
    expect(get(sim, '/opportunities/deleted', [], OPPS_ONLY).status).toBe(200);
    sim.readings.confidentialDenial = 'forbidden';
    expect(get(sim, '/opportunities/deleted', all, NO_CONFIDENTIAL).status).toBe(403);
    sim.readings.confidentialDenial = 'silent';
  });

  it('rejects a malformed time and still serves single opportunities by id', () => {
    expect(get(sim, '/opportunities/deleted', [['deleted_at_start', 'soon']]).status).toBe(400);
    const alive = dataset.opportunities[0];
    expect(get(sim, `/opportunities/${alive.id}`).json.data.id).toBe(alive.id);
  });
});
