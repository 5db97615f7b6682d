// Through the built bundle: the imported IDs equal the simulator's answer for every filter combination.
import type { ImportFilters, RunRecord, TriState } from '../../src/shared/types';
import { NO_CONFIDENTIAL_KEY } from '../support/harness';
import {
  connect,
  createHarness,
  lastOf,
  localInstant,
  opportunityImport,
  requisitionImport,
  runToEnd,
  saveImport,
  sheetIds,
} from './import-support';

const ZONE = 'America/New_York';
const TRI_STATES: TriState[] = ['exclude', 'include', 'only'];
const BOOLEAN_PARAM: Record<TriState, string | undefined> = { exclude: 'false', include: undefined, only: 'true' };
const CONFIDENTIALITY: Record<TriState, string | undefined> = {
  exclude: undefined,
  include: 'all',
  only: 'confidential',
};

/** Lever parameters for a filter set, written out independently of the product's mapping. */
function expectedParams(
  filters: ImportFilters,
  object: 'opportunities' | 'requisitions',
): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  const set = (key: string, value: string | undefined) => {
    if (value !== undefined) params[key] = value;
  };
  if (object === 'opportunities') {
    set('archived', BOOLEAN_PARAM[filters.archived]);
    set('snoozed', BOOLEAN_PARAM[filters.snoozed]);
  }
  set('confidentiality', CONFIDENTIALITY[filters.confidential]);
  if (filters.requisitionStatus?.length) params.status = filters.requisitionStatus;
  if (filters.tags?.length) params.tag = filters.tags;
  if (filters.stageIds?.length) params.stage_id = filters.stageIds;
  if (filters.createdAfter) set('created_at_start', String(localInstant(ZONE, `${filters.createdAfter}T00:00:00.000`)));
  if (filters.createdBefore) {
    const [y, m, d] = filters.createdBefore.split('-').map(Number);
    const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
    set('created_at_end', String(localInstant(ZONE, `${next}T00:00:00.000`) - 1));
  }
  return params;
}

describe('opportunity filters', () => {
  const h = createHarness({ opportunities: 400, requisitions: 60, timeZone: ZONE });
  connect(h);
  const definition = saveImport(h, opportunityImport({ columns: ['name'] }));

  function importWith(filters: ImportFilters): { ids: string[]; run: RunRecord } {
    saveImport(h, { ...opportunityImport({ columns: ['name'], filters }), id: definition.id });
    const run = lastOf(runToEnd(h, definition.id));
    return { ids: run.status === 'succeeded' ? sheetIds(h, 'Opportunities') : [], run };
  }

  const combos = TRI_STATES.flatMap((archived) => TRI_STATES.map((snoozed) => [archived, snoozed] as const));
  it.each(combos)('archived %s, snoozed %s', (archived, snoozed) => {
    const filters: ImportFilters = { archived, snoozed, confidential: 'exclude' };
    const { ids, run } = importWith(filters);
    expect(run.status).toBe('succeeded');
    expect(ids).toEqual(h.sim.query('opportunities', expectedParams(filters, 'opportunities')));
    expect(ids.length).toBeGreaterThan(0);
  });

  it.each<TriState>(['include', 'only'])(
    'confidential %s with a key that may read confidential data',
    (confidential) => {
      const filters: ImportFilters = { archived: 'include', snoozed: 'include', confidential };
      const { ids } = importWith(filters);
      expect(ids).toEqual(h.sim.query('opportunities', expectedParams(filters, 'opportunities')));
      expect(ids.length).toBeGreaterThan(0);
    },
  );

  it('combines dates, tags and stages', () => {
    const stage = h.dataset.opportunities[0].stage as string;
    const tag = h.dataset.opportunities.flatMap((o) => o.tags as string[])[0];
    const filters: ImportFilters = {
      archived: 'include',
      snoozed: 'exclude',
      confidential: 'exclude',
      createdAfter: '2025-03-01',
      createdBefore: '2025-12-31',
      stageIds: [stage, 'offer'],
      tags: [tag],
    };
    const { ids } = importWith(filters);
    expect(ids).toEqual(h.sim.query('opportunities', expectedParams(filters, 'opportunities')));
  });

  it('treats dates as whole days in the spreadsheet’s time zone, both ends inclusive', () => {
    const edges = {
      lastMsOfBeforeDay: localInstant(ZONE, '2025-12-15T23:59:59.999'),
      nextDayMidnight: localInstant(ZONE, '2025-12-16T00:00:00.000'),
      afterDayMidnight: localInstant(ZONE, '2025-12-10T00:00:00.000'),
      lastMsBeforeAfterDay: localInstant(ZONE, '2025-12-09T23:59:59.999'),
    };
    const ids = Object.keys(edges).map((name, i) => {
      const record = h.dataset.opportunities[i];
      h.dataset.opportunities[i] = {
        ...record,
        createdAt: edges[name as keyof typeof edges],
        archived: null,
        snoozedUntil: null,
        confidentiality: 'non-confidential',
      };
      return record.id;
    });
    const { ids: imported } = importWith({
      archived: 'include',
      snoozed: 'include',
      confidential: 'exclude',
      createdAfter: '2025-12-10',
      createdBefore: '2025-12-15',
    });
    expect(imported).toContain(ids[0]);
    expect(imported).not.toContain(ids[1]);
    expect(imported).toContain(ids[2]);
    expect(imported).not.toContain(ids[3]);
  });
});

describe('requisition filters', () => {
  const h = createHarness({
    opportunities: 20,
    requisitions: 150,
    timeZone: ZONE,
    readings: { confidentialDenial: 'forbidden', statusReading: 'union' },
  });
  connect(h);
  const definition = saveImport(h, requisitionImport());

  function importWith(filters: ImportFilters): RunRecord {
    saveImport(h, { ...requisitionImport({ filters }), id: definition.id });
    return lastOf(runToEnd(h, definition.id));
  }

  it.each<[string, Partial<ImportFilters>]>([
    ['every status', {}],
    ['open', { requisitionStatus: ['open'] }],
    ['on hold or closed', { requisitionStatus: ['onHold', 'closed'] }],
    ['draft, confidential included', { requisitionStatus: ['draft'], confidential: 'include' }],
    ['confidential only', { confidential: 'only' }],
    ['created in 2025', { createdAfter: '2025-01-01', createdBefore: '2025-12-31' }],
  ])('%s', (_name, partial) => {
    const filters: ImportFilters = { archived: 'exclude', snoozed: 'exclude', confidential: 'exclude', ...partial };
    expect(importWith(filters).status).toBe('succeeded');
    expect(sheetIds(h, 'Requisitions')).toEqual(h.sim.query('requisitions', expectedParams(filters, 'requisitions')));
  });

  it('without confidential access: confidential data fails clearly, the rest imports', () => {
    connect(h, NO_CONFIDENTIAL_KEY);
    const before = sheetIds(h, 'Requisitions');
    const forbidden = importWith({ archived: 'exclude', snoozed: 'exclude', confidential: 'include' });
    expect(forbidden).toMatchObject({ status: 'failed', errorCode: 'LEVER_FORBIDDEN' });
    expect(forbidden.message).toMatch(/confidential/i);
    expect(sheetIds(h, 'Requisitions')).toEqual(before);
    const filters: ImportFilters = { archived: 'exclude', snoozed: 'exclude', confidential: 'exclude' };
    expect(importWith(filters).status).toBe('succeeded');
    expect(sheetIds(h, 'Requisitions')).toEqual(
      h.sim.query('requisitions', expectedParams(filters, 'requisitions'), NO_CONFIDENTIAL_KEY),
    );
  });
});
