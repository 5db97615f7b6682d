// Skewed accounts made from a generated one: a bulk-migrated millisecond and a young account, seen by the simulator.
import { applyShape, BULK_SHARE, evenlyPicked, RECENT_SHARE } from '../../tools/bench/dataset-shapes';
import { generateDataset, LeverSimulator } from '../../tools/lever-sim';
import type { Opportunity } from '../../tools/lever-sim/types';

const NOW = Date.UTC(2026, 0, 5, 14);
const MONTH = 30 * 86_400_000;
const make = () => generateDataset({ seed: 3, opportunities: 1000, requisitions: 1, now: NOW });

/** Every timestamp of the record that must not precede its creation. */
const laterTimes = (o: Opportunity) => [
  o.updatedAt ?? o.createdAt,
  o.lastInteractionAt,
  o.lastAdvancedAt,
  ...o.stageChanges.map((c) => c.updatedAt),
  o.archived?.archivedAt ?? o.createdAt,
];

describe('evenlyPicked', () => {
  it.each([
    [10, 0.3, 3],
    [1000, 0.3, 300],
    [7, 0.6, 4],
    [0, 0.5, 0],
  ])('picks round(%i × %f) distinct indexes', (count, share, expected) => {
    const picked = evenlyPicked(count, share);
    expect(picked).toHaveLength(expected);
    expect(new Set(picked).size).toBe(expected);
    expect(picked.every((i) => i >= 0 && i < count)).toBe(true);
  });
});

describe('applyShape', () => {
  it('bulk-ms puts 30% of the records on one createdAt millisecond, the oldest, with history after it', () => {
    const dataset = make();
    const oldest = Math.min(...dataset.opportunities.map((o) => o.createdAt));
    applyShape(dataset, 'bulk-ms', NOW);
    const onIt = dataset.opportunities.filter((o) => o.createdAt === oldest);
    expect(onIt.length).toBeGreaterThanOrEqual(1000 * BULK_SHARE);
    expect(onIt.length).toBeLessThan(1000 * BULK_SHARE + 5);
    for (const o of dataset.opportunities) expect(Math.min(...laterTimes(o))).toBeGreaterThanOrEqual(o.createdAt);
  });

  it('recent-month puts 60% of the records in the last 30 days, history still before now', () => {
    const dataset = make();
    const before = dataset.opportunities.filter((o) => o.createdAt >= NOW - MONTH).length;
    applyShape(dataset, 'recent-month', NOW);
    const recent = dataset.opportunities.filter((o) => o.createdAt >= NOW - MONTH && o.createdAt < NOW).length;
    expect(before).toBeLessThan(100);
    expect(recent).toBeGreaterThanOrEqual(1000 * RECENT_SHARE);
    for (const o of dataset.opportunities) {
      expect(Math.min(...laterTimes(o))).toBeGreaterThanOrEqual(o.createdAt);
      expect(Math.max(...laterTimes(o))).toBeLessThan(NOW);
    }
  });

  it('is seen by a simulator built before the change', () => {
    const dataset = make();
    const sim = new LeverSimulator({
      dataset,
      keys: [{ key: 'k', environment: 'production', permissions: 'all', confidential: true }],
      now: () => NOW,
    });
    const start = String(NOW - MONTH);
    expect(sim.query('opportunities', { created_at_start: start, confidentiality: 'all' }).length).toBeLessThan(100);
    applyShape(dataset, 'recent-month', NOW);
    expect(
      sim.query('opportunities', { created_at_start: start, confidentiality: 'all' }).length,
    ).toBeGreaterThanOrEqual(600);
  });

  it('leaves a uniform account alone', () => {
    const dataset = make();
    const json = JSON.stringify(dataset);
    applyShape(dataset, 'uniform', NOW);
    expect(JSON.stringify(dataset)).toBe(json);
  });
});
