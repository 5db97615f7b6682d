// Through the built bundle: a full run over a base of the same definition reads that base while it waits for
// Lever's tokens (time slept anyway), not after the fetch, and its result is the same exact set.

import type { ServiceCall } from '../../tools/gas-emulator';
import type { Harness } from '../support/harness';
import {
  connect,
  createHarness,
  EVERYTHING,
  lastOf,
  opportunityImport,
  runInFull,
  runToEnd,
  saveImport,
  sheetIds,
  sorted,
} from './import-support';

const HOUR = 3_600_000;

/** Virtual times of every range read during `act`. */
function readsDuring(h: Harness, act: () => void): number[] {
  const at: number[] = [];
  h.emu.onServiceCall((call: ServiceCall) => {
    if (call.name === 'SpreadsheetApp.Range.getValues') at.push(h.emu.clock.now());
  });
  act();
  h.emu.onServiceCall(null);
  return at;
}

describe.each([250, 1_000])('a full run over its base at %i ms of latency', (latencyMs) => {
  it('reads the base while the fetch waits for tokens, and stays exact', () => {
    const h = createHarness({
      opportunities: 3_000,
      requisitions: 5,
      latencyMs,
      readings: { listOrder: 'newest-first' },
    });
    connect(h);
    const definition = saveImport(h, opportunityImport({ filters: EVERYTHING, columns: ['name', 'stage'] }));
    expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');
    h.emu.clock.advance(HOUR);
    const from = h.sim.requests.length;
    const reads = readsDuring(h, () => expect(lastOf(runInFull(h, definition.id)).status).toBe('succeeded'));
    const fetch = h.sim.requests.slice(from).filter((request) => request.path.endsWith('/opportunities'));
    const [first, last] = [fetch[0].at, fetch[fetch.length - 1].at];
    expect(reads.filter((at) => at > first && at < last).length).toBeGreaterThanOrEqual(1);
    expect(sorted(sheetIds(h, 'Opportunities'))).toEqual(
      sorted(h.sim.query('opportunities', { confidentiality: 'all' })),
    );
  });
});
