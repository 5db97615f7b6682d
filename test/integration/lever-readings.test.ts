// The built bundle under every reading of unknowns 2–5: repeated requisition status, confidential denial (the key
// check's can / cannot / cannot tell), "Invalid offset token" at 400, 422 or 500, and tokens passed back as sent.
import type { KeyStatus, RequisitionStatus, RunRecord } from '../../src/shared/types';
import { ALL_READINGS } from '../../tools/lever-sim/readings';
import { NO_CONFIDENTIAL_KEY } from '../support/harness';
import {
  connect,
  createHarness,
  FULL_KEY,
  lastOf,
  opportunityImport,
  requisitionImport,
  runToEnd,
  saveImport,
  sheetIds,
  USER,
} from './import-support';

const sorted = (ids: readonly string[]) => [...ids].sort();

describe('requisition status under every reading of a repeated status', () => {
  const sets: RequisitionStatus[][] = [
    ['open', 'onHold'],
    ['open'],
    ['closed', 'draft', 'onHold'],
    ['open', 'onHold', 'closed', 'draft'],
  ];
  for (const reading of ALL_READINGS.statusReading) {
    it.each(sets.map((set) => [set.join('+'), set]))(`${reading}: %s is exact`, (_label, statuses) => {
      const h = createHarness({ opportunities: 20, requisitions: 150, readings: { statusReading: reading } });
      connect(h);
      const definition = saveImport(
        h,
        requisitionImport({
          filters: { archived: 'exclude', snoozed: 'exclude', confidential: 'exclude', requisitionStatus: statuses },
        }),
      );
      const run = lastOf(runToEnd(h, definition.id));
      expect(run.status).toBe('succeeded');
      // The truth: each status alone (unambiguous under every reading), united.
      const truth = new Set(statuses.flatMap((status) => h.sim.query('requisitions', { status })));
      expect(truth.size).toBeGreaterThan(0);
      expect(sorted(sheetIds(h, 'Requisitions'))).toEqual(sorted([...truth]));
      // Several statuses are never sent in one query.
      expect(h.sim.requests.every((request) => (request.query.status?.length ?? 0) <= 1)).toBe(true);
    });
  }
});

describe('the key check under every reading of confidential denial', () => {
  const cases = [
    {
      denial: 'forbidden',
      key: NO_CONFIDENTIAL_KEY,
      records: true,
      access: false,
      text: /not visible to this API key/,
    },
    { denial: 'forbidden', key: FULL_KEY, records: true, access: true, text: /can read confidential records/ },
    { denial: 'forbidden', key: FULL_KEY, records: false, access: 'unknown', text: /cannot be told yet/ },
    { denial: 'silent', key: NO_CONFIDENTIAL_KEY, records: true, access: 'unknown', text: /cannot be told yet/ },
    { denial: 'silent', key: NO_CONFIDENTIAL_KEY, records: false, access: 'unknown', text: /cannot be told yet/ },
    { denial: 'silent', key: FULL_KEY, records: true, access: true, text: /can read confidential records/ },
    { denial: 'silent', key: FULL_KEY, records: false, access: 'unknown', text: /cannot be told yet/ },
  ] as const;
  it.each(cases.map((c) => [c.denial, c.key === FULL_KEY ? 'with access' : 'without access', c.records, c]))(
    '%s, key %s, confidential records in the account: %s',
    (_denial, _which, _records, c) => {
      const h = createHarness({ opportunities: 40, requisitions: 30, readings: { confidentialDenial: c.denial } });
      if (!c.records) {
        for (const list of [h.dataset.opportunities, h.dataset.requisitions, h.dataset.postings]) {
          for (const record of list) record.confidentiality = 'non-confidential';
        }
      }
      const status = h.call<KeyStatus>('saveApiKey', [c.key, 'production']);
      expect(status.confidentialAccess).toBe(c.access);
      expect(status.confidential?.message).toMatch(c.text);
      if (c.access === 'unknown') {
        expect(status.confidential?.message).toMatch(/Lever returned no confidential records/);
        expect(status.confidential?.message).not.toMatch(/This key can read confidential records/);
      }
      // The builder's notice for an import that includes confidential records says the same.
      const state = h.call<{ key: KeyStatus }>('getSidebarState');
      expect(state.key.confidentialAccess).toBe(c.access);
    },
  );

  it('an import with a "cannot tell yet" key runs, stays exact, and a confidential record settles it as "can read"', () => {
    const h = createHarness({ opportunities: 200, requisitions: 60, readings: { confidentialDenial: 'silent' } });
    const confidential = h.dataset.opportunities.filter((o) => o.confidentiality === 'confidential');
    for (const record of [...h.dataset.opportunities, ...h.dataset.requisitions, ...h.dataset.postings]) {
      record.confidentiality = 'non-confidential';
    }
    expect(h.call<KeyStatus>('saveApiKey', [FULL_KEY, 'production']).confidentialAccess).toBe('unknown');
    for (const record of confidential) record.confidentiality = 'confidential';
    const definition = saveImport(
      h,
      opportunityImport({ filters: { archived: 'include', snoozed: 'include', confidential: 'include' } }),
    );
    expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');
    expect(sorted(sheetIds(h, 'Opportunities'))).toEqual(
      sorted(h.sim.query('opportunities', { confidentiality: 'all' })),
    );
    expect(JSON.parse(h.emu.userProperties(USER)['lever.key']).confidentialAccess).toBe(true);
    expect(h.call<{ key: KeyStatus }>('getSidebarState').key.confidential?.message).toMatch(/can read confidential/);
  });

  it('a "cannot tell yet" key without access imports what it can read, and stays "cannot tell yet"', () => {
    const h = createHarness({ opportunities: 200, requisitions: 60, readings: { confidentialDenial: 'silent' } });
    expect(h.call<KeyStatus>('saveApiKey', [NO_CONFIDENTIAL_KEY, 'production']).confidentialAccess).toBe('unknown');
    const definition = saveImport(
      h,
      opportunityImport({ filters: { archived: 'include', snoozed: 'include', confidential: 'include' } }),
    );
    expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');
    const truth = h.sim.query('opportunities', { confidentiality: 'all' }, NO_CONFIDENTIAL_KEY);
    expect(sorted(sheetIds(h, 'Opportunities'))).toEqual(sorted(truth));
    expect(JSON.parse(h.emu.userProperties(USER)['lever.key']).confidentialAccess).toBe('unknown');
  });

  it('the guard still stops an import asking for confidential records with a key known to be denied (403)', () => {
    const h = createHarness({ opportunities: 40, requisitions: 20, readings: { confidentialDenial: 'forbidden' } });
    expect(h.call<KeyStatus>('saveApiKey', [NO_CONFIDENTIAL_KEY, 'production']).confidentialAccess).toBe(false);
    const definition = saveImport(
      h,
      opportunityImport({ filters: { archived: 'exclude', snoozed: 'exclude', confidential: 'include' } }),
    );
    const before = h.sim.requests.length;
    const run = lastOf(runToEnd(h, definition.id));
    expect(run.status).toBe('failed');
    expect(run.errorCode).toBe('LEVER_FORBIDDEN');
    expect(h.sim.requests.slice(before).some((request) => request.path === '/v1/opportunities')).toBe(false);
  });
});

describe('"Invalid offset token" mid-pagination under every status reading', () => {
  const offsetsSent = (h: ReturnType<typeof createHarness>, path: string) =>
    h.sim.requests.filter((request) => request.path === path && request.query.offset).map((request) => request);

  for (const status of ALL_READINGS.invalidTokenStatus) {
    it.each([
      ['opportunities', '/v1/opportunities'],
      ['requisitions', '/v1/requisitions'],
    ] as const)(`${status}: an %s import restarts and ends exact, never resending a refused token`, (object, path) => {
      const h = createHarness({ opportunities: 900, requisitions: 400, readings: { invalidTokenStatus: status } });
      connect(h);
      h.sim.injectFaults({ invalidToken: true, count: 2, afterRequests: 2, path });
      const input =
        object === 'opportunities'
          ? opportunityImport({ filters: { archived: 'include', snoozed: 'include', confidential: 'exclude' } })
          : requisitionImport();
      const definition = saveImport(h, input);
      const runs: RunRecord[] = runToEnd(h, definition.id);
      expect(lastOf(runs).status).toBe('succeeded');
      const truth = h.sim.query(object, {});
      expect(sorted(sheetIds(h, object === 'opportunities' ? 'Opportunities' : 'Requisitions'))).toEqual(sorted(truth));
      const sent = offsetsSent(h, path);
      const refused = sent.filter((request) => request.status === status);
      expect(refused.length).toBeGreaterThanOrEqual(1);
      for (const request of refused) {
        const token = request.query.offset[0];
        // Never sent again after Lever refused it (the same token is never retried).
        expect(sent.filter((other) => other.query.offset[0] === token)).toHaveLength(1);
      }
      // Tokens went back exactly as sent (a decoded or re-encoded one would have been refused too).
      expect(h.sim.requests.filter((request) => request.status === status)).toHaveLength(refused.length);
    });
  }

  it('a token refused every time: every page after a first one restarts on a new query; exact or a clear error', () => {
    const h = createHarness({ opportunities: 900, requisitions: 20, readings: { invalidTokenStatus: 422 } });
    connect(h);
    h.sim.injectFaults({ invalidToken: true, count: 10_000, path: '/opportunities' });
    const definition = saveImport(h, opportunityImport());
    const run = lastOf(runToEnd(h, definition.id));
    if (run.status === 'succeeded') {
      const truth = h.sim.query('opportunities', { archived: 'false', snoozed: 'false' });
      expect(sorted(sheetIds(h, 'Opportunities'))).toEqual(sorted(truth));
    } else {
      expect(run.message).toMatch(/Invalid offset token/);
      expect(run.message).not.toMatch(/filter|page position/i);
    }
    const refused = h.sim.requests.filter((request) => request.status === 422).map((r) => r.query.offset[0]);
    expect(new Set(refused).size).toBe(refused.length);
  });
});
