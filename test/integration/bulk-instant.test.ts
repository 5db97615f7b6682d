// Through the built bundle: an account migrated in bulk (a third of its records on one createdAt millisecond) is read
// on that instant in advanced_at ranges side by side, exactly under every list order, also when records change
// stage while the ranges are read (the tail window, read last, holds them).

import { applyShape } from '../../tools/bench/dataset-shapes';
import { watchDataset } from '../../tools/lever-sim/dataset-watch';
import { ALL_READINGS } from '../../tools/lever-sim/readings';
import type { Opportunity } from '../../tools/lever-sim/types';
import { type Harness, START } from '../support/harness';
import {
  connect,
  createHarness,
  EVERYTHING,
  lastOf,
  opportunityImport,
  runInFull,
  runToEnd,
  saveImport,
  sheet,
  sorted,
} from './import-support';

const LATENCY_MS = 1_000;

function bulkAccount(
  listOrder: (typeof ALL_READINGS.listOrder)[number],
  { opportunities = 3_000, latencyMs = LATENCY_MS } = {},
): Harness {
  const h = createHarness({ opportunities, requisitions: 5, latencyMs, readings: { listOrder } });
  applyShape(h.sim.dataset, 'bulk-ms', START);
  connect(h);
  return h;
}

/** The instant most records share, and its records. */
function bulkInstant(h: Harness): Opportunity[] {
  const counts = new Map<number, number>();
  for (const o of h.sim.dataset.opportunities) counts.set(o.createdAt, (counts.get(o.createdAt) ?? 0) + 1);
  const instant = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
  return h.sim.dataset.opportunities.filter((o) => o.createdAt === instant);
}

/** Requests that read the instant in an advanced_at range, after request `from`. */
function advancedRequests(h: Harness, from: number) {
  return h.sim.requests
    .slice(from)
    .filter((request) => 'advanced_at_end' in request.query || 'advanced_at_start' in request.query);
}

/** ID → stage shown, from the import's sheet. */
function stagesShown(h: Harness): Map<string, unknown> {
  const [header, ...rows] = sheet(h, 'Opportunities').values();
  const column = header.indexOf('Stage');
  return new Map(rows.map((row) => [String(row[0]), row[column]]));
}

/** Moves `records` to the next stage at the clock's now, as a recruiter would. */
function advance(h: Harness, records: Opportunity[]): void {
  const { stages } = h.sim.dataset;
  const at = h.emu.clock.now();
  for (const o of records) {
    const index = stages.findIndex((stage) => stage.id === o.stage);
    const next = stages[(index + 1) % stages.length];
    o.stageChanges = [...o.stageChanges, { toStageId: next.id, toStageIndex: index + 1, updatedAt: at, userId: '' }];
    o.stage = next.id;
    o.lastAdvancedAt = at;
    o.updatedAt = at;
  }
  watchDataset(h.sim.dataset).bump();
}

describe.each(ALL_READINGS.listOrder)('list order %s', (listOrder) => {
  it('reads the instant exactly (side by side in advanced_at ranges while Lever keeps newest-first order)', () => {
    const h = bulkAccount(listOrder);
    const definition = saveImport(h, opportunityImport({ filters: EVERYTHING, columns: ['name', 'stage'] }));
    const from = h.sim.requests.length;
    expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');
    const shown = [...stagesShown(h).keys()];
    expect(new Set(shown).size).toBe(shown.length);
    expect(sorted(shown)).toEqual(sorted(h.sim.query('opportunities', { confidentiality: 'all' })));
    if (listOrder === 'newest-first') {
      const ranges = new Set(advancedRequests(h, from).map((request) => JSON.stringify(request.query.advanced_at_end)));
      expect(ranges.size).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('records changing stage while the ranges read (newest-first order)', () => {
  it('keeps every record of the instant, each with the stage it ends the run in', () => {
    const h = bulkAccount('newest-first');
    const definition = saveImport(h, opportunityImport({ filters: EVERYTHING, columns: ['name', 'stage'] }));
    const from = h.sim.requests.length;
    const moved = bulkInstant(h).filter((_o, i) => i % 10 === 0);
    // Once the ranges' first pages are in: what a range has not read yet moves above every range, into the tail.
    h.emu.onServiceCall(() => {
      if (advancedRequests(h, from).length === 0) return;
      h.emu.onServiceCall(null);
      advance(h, moved);
    });
    expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');
    expect(moved[0].lastAdvancedAt).toBeGreaterThan(START);
    const shown = stagesShown(h);
    expect(sorted([...shown.keys()])).toEqual(sorted(h.sim.query('opportunities', { confidentiality: 'all' })));
    const names = new Map(h.sim.dataset.stages.map((stage) => [stage.id, stage.text]));
    for (const o of moved) expect([o.id, shown.get(o.id)]).toEqual([o.id, names.get(o.stage)]);
  });
});

describe('an instant whose page shows a record without lastAdvancedAt (newest-first order)', () => {
  it('is not cut by advanced_at (no range would select such a record), and stays exact', () => {
    const h = bulkAccount('newest-first');
    for (const [i, o] of bulkInstant(h).entries()) {
      if (i % 7 === 0) delete (o as Partial<Opportunity>).lastAdvancedAt;
    }
    watchDataset(h.sim.dataset).bump();
    const definition = saveImport(h, opportunityImport({ filters: EVERYTHING, columns: ['name', 'stage'] }));
    const from = h.sim.requests.length;
    expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');
    expect(advancedRequests(h, from)).toEqual([]);
    const shown = [...stagesShown(h).keys()];
    expect(sorted(shown)).toEqual(sorted(h.sim.query('opportunities', { confidentiality: 'all' })));
  });
});

/** When each page of the longest chain read on the instant's first advanced_at range (no start) went out. */
function neverAdvancedChain(h: Harness, from: number): number[] {
  const chains = new Map<string, number[]>();
  for (const request of advancedRequests(h, from)) {
    if ('advanced_at_start' in request.query) continue;
    const { offset: _offset, ...query } = request.query;
    const key = JSON.stringify(query);
    chains.set(key, [...(chains.get(key) ?? []), request.at]);
  }
  return [...chains.values()].sort((a, b) => b.length - a.length)[0] ?? [];
}

describe("the instant's never-advanced records while Lever's rate bounds the rounds (newest-first order)", () => {
  it('are read a page a latency: their rounds send what Lever refills in one, not the width waiting for tokens', () => {
    const h = bulkAccount('newest-first', { opportunities: 8_000 });
    const definition = saveImport(h, opportunityImport({ filters: EVERYTHING, columns: ['name', 'stage'] }));
    expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');
    // Run again in full: the seed of the first run plans rounds that fill Lever's rate.
    h.emu.clock.advance(3_600_000);
    const from = h.sim.requests.length;
    expect(lastOf(runInFull(h, definition.id)).status).toBe('succeeded');
    const chain = neverAdvancedChain(h, from);
    const gaps = chain.slice(1).map((at, k) => at - chain[k]);
    // A round of the planning width (1.5 times what Lever refills in one latency) that waits for its tokens lasts
    // 1.5 latencies at least: every page of the chain goes sooner than that after the one before.
    expect(chain.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...gaps)).toBeLessThan(1.5 * LATENCY_MS);
    // Smaller rounds still leave the tail until every other window on the instant is done.
    const ranges = advancedRequests(h, from);
    const tail = ranges.filter((request) => !('advanced_at_end' in request.query));
    const others = ranges.filter((request) => 'advanced_at_end' in request.query);
    expect(tail.length).toBeGreaterThan(0);
    expect(Math.min(...tail.map((request) => request.at))).toBeGreaterThan(Math.max(...others.map((r) => r.at)));
    const shown = [...stagesShown(h).keys()];
    expect(sorted(shown)).toEqual(sorted(h.sim.query('opportunities', { confidentiality: 'all' })));
  });
});

describe('an instant met at 250 ms, a round of 6 (newest-first order)', () => {
  it('still gets advanced_at ranges where its parts share the round (each rounded down had none)', () => {
    const h = bulkAccount('newest-first', { latencyMs: 250 });
    const definition = saveImport(h, opportunityImport({ filters: EVERYTHING, columns: ['name', 'stage'] }));
    const from = h.sim.requests.length;
    expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');
    // Three windows left for four parts (confidentiality x archived): the part holding most of the instant gets two.
    const ranges = new Set(advancedRequests(h, from).map((request) => JSON.stringify(request.query.advanced_at_end)));
    expect(ranges.size).toBeGreaterThanOrEqual(2);
    const shown = [...stagesShown(h).keys()];
    expect(sorted(shown)).toEqual(sorted(h.sim.query('opportunities', { confidentiality: 'all' })));
  });
});
