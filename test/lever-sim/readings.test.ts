// The readings of unknowns 2–4: repeated requisition status, confidential denial, the status of "Invalid offset
// token" (and that a refused token stays refused).

import { INVALID_OFFSET_MESSAGE } from '../../tools/lever-sim';
import { ALL_READINGS, STRICTEST_READINGS } from '../../tools/lever-sim/readings';
import { basic, buildUrl, FULL, get, ids, makeFixture, NO_CONFIDENTIAL, request, walk } from './support';

describe('readings', () => {
  it('default to the strictest readings and stay mutable', () => {
    const { sim } = makeFixture({ opportunities: 5, requisitions: 5, readings: { statusReading: 'union' } });
    expect(sim.readings).toEqual({ ...STRICTEST_READINGS, statusReading: 'union' });
    sim.readings.statusReading = 'last';
    expect(sim.readings.statusReading).toBe('last');
  });
});

describe('statusReading: repeated status on /requisitions', () => {
  const { sim, dataset } = makeFixture({ opportunities: 20, requisitions: 160 });
  const visible = dataset.requisitions.filter((r) => r.confidentiality !== 'confidential');
  const withStatus = (...statuses: string[]) =>
    visible
      .filter((r) => statuses.includes(r.status))
      .map((r) => r.id)
      .sort();
  const served = (statuses: string[]) =>
    ids(
      walk<{ id: string }>(
        sim,
        '/requisitions',
        statuses.map((status): [string, string] => ['status', status]),
      ).records,
    ).sort();

  it.each(ALL_READINGS.statusReading)('reads open&onHold under %s', (reading) => {
    sim.readings.statusReading = reading;
    const expected = { union: withStatus('open', 'onHold'), first: withStatus('open'), last: withStatus('onHold') };
    expect(withStatus('open').length).toBeGreaterThan(0);
    expect(withStatus('onHold').length).toBeGreaterThan(0);
    expect(served(['open', 'onHold'])).toEqual(expected[reading]);
    expect(sim.query('requisitions', { status: ['open', 'onHold'] }).sort()).toEqual(expected[reading]);
    // A single value means the same under every reading.
    expect(served(['closed'])).toEqual(withStatus('closed'));
  });

  it('still validates every value', () => {
    sim.readings.statusReading = 'first';
    expect(
      get(sim, '/requisitions', [
        ['status', 'open'],
        ['status', 'bogus'],
      ]).status,
    ).toBe(400);
  });
});

describe('confidentialDenial: a key without confidential access asking for confidential records', () => {
  const { sim, dataset } = makeFixture({ opportunities: 300, requisitions: 120 });
  const nonConfidential = (records: ReadonlyArray<{ id: string; confidentiality?: string }>) =>
    records
      .filter((r) => r.confidentiality !== 'confidential')
      .map((r) => r.id)
      .sort();

  it.each(['confidential', 'all'])('forbidden: 403 for confidentiality=%s', (value) => {
    sim.readings.confidentialDenial = 'forbidden';
    for (const path of ['/opportunities', '/requisitions', '/postings']) {
      const response = get(sim, path, [['confidentiality', value]], NO_CONFIDENTIAL);
      expect(response.status).toBe(403);
      expect(response.json.message).toMatch(/confidential/);
    }
  });

  it('silent: 200 that leaves the confidential records out', () => {
    sim.readings.confidentialDenial = 'silent';
    expect(dataset.opportunities.some((o) => o.confidentiality === 'confidential')).toBe(true);
    const confidential = get(sim, '/opportunities', [['confidentiality', 'confidential']], NO_CONFIDENTIAL);
    expect(confidential.status).toBe(200);
    expect(confidential.json).toEqual({ data: [], hasNext: false });
    const all = walk<{ id: string }>(sim, '/opportunities', [['confidentiality', 'all']], NO_CONFIDENTIAL);
    expect(ids(all.records).sort()).toEqual(nonConfidential(dataset.opportunities));
    const requisitions = walk<{ id: string }>(sim, '/requisitions', [['confidentiality', 'all']], NO_CONFIDENTIAL);
    expect(ids(requisitions.records).sort()).toEqual(nonConfidential(dataset.requisitions));
    expect(sim.query('requisitions', { confidentiality: 'all' }, NO_CONFIDENTIAL).sort()).toEqual(
      nonConfidential(dataset.requisitions),
    );
    // A key with access still gets them.
    const full = get(sim, '/opportunities', [['confidentiality', 'confidential']], FULL);
    expect(full.json.data.length).toBeGreaterThan(0);
  });
});

describe('invalidTokenStatus and refused tokens', () => {
  it.each(ALL_READINGS.invalidTokenStatus)('answers "Invalid offset token" with %s', (status) => {
    const { sim } = makeFixture({ opportunities: 50, requisitions: 5, readings: { invalidTokenStatus: status } });
    const response = get(sim, '/opportunities', [
      ['limit', '5'],
      ['offset', 'garbage'],
    ]);
    expect(response.status).toBe(status);
    expect(Object.keys(response.json).sort()).toEqual(['code', 'message']);
    expect(response.json.message).toBe(INVALID_OFFSET_MESSAGE);
  });

  it('injects a refusal mid-pagination; the refused token stays refused, other tokens keep working', () => {
    const { sim } = makeFixture({ opportunities: 60, requisitions: 5, readings: { invalidTokenStatus: 422 } });
    const url = (offset?: string) =>
      buildUrl('/opportunities', [['limit', '10']]) + (offset ? `&offset=${encodeURIComponent(offset)}` : '');
    sim.injectFaults({ invalidToken: true, count: 1, afterRequests: 1, path: '/opportunities' });
    const first = request(sim, url(), basic(FULL));
    expect(first.status).toBe(200); // no token: not counted by the fault
    const second = request(sim, url(first.json.next), basic(FULL));
    expect(second.status).toBe(200); // the one request let through
    const refused = request(sim, url(second.json.next), basic(FULL));
    expect(refused.status).toBe(422);
    expect(refused.json.message).toBe(INVALID_OFFSET_MESSAGE);
    expect(request(sim, url(second.json.next), basic(FULL)).status).toBe(422);
    sim.readings.invalidTokenStatus = 400;
    expect(request(sim, url(second.json.next), basic(FULL)).status).toBe(400);
    expect(request(sim, url(first.json.next), basic(FULL)).status).toBe(200);
    // The same query over other bounds issues other tokens, which work.
    const bounded = walk(sim, '/opportunities', [
      ['limit', '10'],
      ['created_at_end', String(Date.UTC(2100, 0, 1))],
    ]);
    expect(bounded.records.length).toBe(sim.query('opportunities', {}).length);
  });
});
