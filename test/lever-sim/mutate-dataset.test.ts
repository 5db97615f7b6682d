// mutateDataset: seeded changes between refreshes that bump updatedAt, seen by the updated_at filters.

import {
  generateDataset,
  type LeverDataset,
  MUTATION_KINDS,
  type MutationReport,
  mutateDataset,
  type Opportunity,
} from '../../tools/lever-sim';
import { get, makeFixture, NOW } from './support';

const HOUR = 3_600_000;
const SINCE = NOW;
const LATER = NOW + 6 * HOUR;
const EVERYTHING = { confidentiality: 'all' };

function changedIds(report: MutationReport): string[] {
  return MUTATION_KINDS.filter((kind) => kind !== 'deleted').flatMap((kind) => report[kind]);
}

function hireCount(dataset: LeverDataset): number {
  const hired = new Set(dataset.archiveReasons.filter((r) => r.type === 'hired').map((r) => r.id));
  return dataset.opportunities.filter((o) => o.archived !== null && hired.has(o.archived.reason)).length;
}

describe('mutateDataset', () => {
  const { sim, dataset } = makeFixture({ opportunities: 800, requisitions: 40 });
  const before = new Map(dataset.opportunities.map((o) => [o.id, JSON.stringify(o)]));
  const hiresBefore = hireCount(dataset);
  const report = mutateDataset(dataset, { seed: 3, since: SINCE, now: LATER });
  const byId = new Map(dataset.opportunities.map((o) => [o.id, o]));
  const changed = changedIds(report);

  it('makes the default number of each change, each opportunity changed once', () => {
    expect(MUTATION_KINDS.map((kind) => report[kind].length)).toEqual([5, 10, 3, 2, 2, 2, 1, 2, 0]);
    const all = [...changed, ...report.deleted];
    expect(new Set(all).size).toBe(all.length);
  });

  it('bumps updatedAt of every changed record into (since, now], and of no other record', () => {
    for (const id of changed) {
      const o = byId.get(id) as Opportunity;
      expect(o.updatedAt).toBeGreaterThan(SINCE);
      expect(o.updatedAt).toBeLessThanOrEqual(LATER);
    }
    const untouched = dataset.opportunities.filter((o) => !changed.includes(o.id));
    expect(untouched.length).toBe(800 - 2 + 5 - changed.length);
    for (const o of untouched) expect(JSON.stringify(o)).toBe(before.get(o.id));
  });

  it('is found exactly by updated_at_start after the previous refresh, and left out by updated_at_end', () => {
    const found = sim.query('opportunities', { ...EVERYTHING, updated_at_start: String(SINCE + 1) });
    expect(found.sort()).toEqual([...changed].sort());
    const window = sim.query('opportunities', {
      ...EVERYTHING,
      updated_at_start: String(SINCE + 1),
      updated_at_end: String(LATER),
    });
    expect(window.length).toBe(changed.length);
    const old = sim.query('opportunities', { ...EVERYTHING, updated_at_end: String(SINCE) });
    for (const id of changed) expect(old).not.toContain(id);
  });

  it('applies each kind of change as Lever would show it', () => {
    const archivedOnly = { ...EVERYTHING, archived: 'true' };
    for (const id of report.archived) expect(byId.get(id)?.archived?.archivedAt).toBe(byId.get(id)?.updatedAt);
    expect(sim.query('opportunities', archivedOnly)).toEqual(expect.arrayContaining(report.archived));
    for (const id of report.unarchived) expect(byId.get(id)?.archived).toBeNull();
    for (const id of report.snoozed) expect(byId.get(id)?.snoozedUntil).toBeGreaterThan(LATER);
    for (const id of report.unsnoozed) expect(byId.get(id)?.snoozedUntil).toBeNull();
    for (const id of report.created) expect(byId.get(id)?.createdAt).toBeGreaterThan(SINCE);
    const flipped = JSON.parse(before.get(report.confidentialityFlipped[0]) as string) as Opportunity;
    expect(byId.get(flipped.id)?.confidentiality).not.toBe(flipped.confidentiality);
    const applications = new Map((dataset.applications ?? []).map((a) => [a.opportunityId, a]));
    for (const id of [...report.archived, ...report.unarchived]) {
      const application = applications.get(id);
      if (application) expect(application.archived).toEqual(byId.get(id)?.archived);
    }
  });

  it('deletes records from every list and endpoint, and never touches hires', () => {
    for (const id of report.deleted) {
      expect(byId.has(id)).toBe(false);
      expect(get(sim, `/opportunities/${id}`).status).toBe(404);
      expect(get(sim, `/opportunities/${id}/offers`).status).toBe(404);
      expect((dataset.applications ?? []).some((a) => a.opportunityId === id)).toBe(false);
    }
    expect(hireCount(dataset)).toBe(hiresBefore);
  });

  it('is deterministic for a seed and differs from one refresh to the next', () => {
    const make = () => generateDataset({ seed: 11, opportunities: 800, requisitions: 40, now: NOW });
    const again = mutateDataset(make(), { seed: 3, since: SINCE, now: LATER });
    expect(again).toEqual(report);
    const next = mutateDataset(dataset, { seed: 3, since: LATER, now: LATER + HOUR, counts: { created: 0 } });
    expect(next.created).toEqual([]);
    expect(next.edited).not.toEqual(report.edited);
    const latest = sim.query('opportunities', { ...EVERYTHING, updated_at_start: String(LATER + 1) });
    expect(latest.sort()).toEqual(changedIds(next).sort());
  });
});

describe.each(['any-change', 'field'] as const)('an undocumented change under the %s reading', (updatedFilter) => {
  const { sim, dataset } = makeFixture({ opportunities: 300, requisitions: 10, readings: { updatedFilter } });
  const before = new Map(dataset.opportunities.map((o) => [o.id, o.updatedAt]));
  const report = mutateDataset(dataset, {
    seed: 5,
    since: SINCE,
    now: LATER,
    counts: { created: 0, edited: 2, archived: 0, unarchived: 0, snoozed: 0, unsnoozed: 0, deleted: 0, relocated: 3 },
  });

  it('changes the posting location and leaves the updatedAt field alone', () => {
    expect(report.relocated).toHaveLength(3);
    for (const id of report.relocated) {
      const o = dataset.opportunities.find((item) => item.id === id) as Opportunity;
      expect(o.updatedAt).toBe(before.get(id));
      expect(dataset.changedAt?.[id]).toBeGreaterThan(SINCE);
    }
  });

  it('is found by updated_at_start only when the filter sees every change', () => {
    const found = sim.query('opportunities', { ...EVERYTHING, updated_at_start: String(SINCE + 1) });
    const documented = [...report.edited, ...report.confidentialityFlipped];
    const expected = updatedFilter === 'any-change' ? [...documented, ...report.relocated] : documented;
    expect(found.sort()).toEqual(expected.sort());
  });
});
