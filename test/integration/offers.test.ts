// Through the built bundle: offer columns against the simulator's offers, on a refresh after an offer changed, and
// a key without the offers permission (the import runs, the columns stay empty, a note says why).
import type { KeyStatus, SidebarState } from '../../src/shared/types';
import { defaultKeys, FULL_KEY } from '../support/harness';
import {
  connect,
  createHarness,
  EVERYTHING,
  lastOf,
  opportunityImport,
  runToEnd,
  saveImport,
  sheet,
} from './import-support';

const COLUMNS = [
  'name',
  'offerStatus',
  'offerSentOn',
  'offerStartDate',
  'offerSalary',
  'offerCurrency',
  'offerInterval',
];
const STATUS: Record<string, string> = {
  draft: 'Draft',
  'approval-sent': 'Approval sent',
  approved: 'Approved',
  sent: 'Sent',
  'sent-manually': 'Sent manually',
  opened: 'Opened',
  denied: 'Denied',
  signed: 'Signed',
};
/** Lever's pay interval codes as its forms show them. */
const INTERVALS: Record<string, string> = { 'per-year-salary': 'Per year', 'per-hour-wage': 'Per hour' };
const NO_OFFERS_KEY = 'sim-no-offers-key-0009';
const ALL_BUT_OFFERS = ['opportunities', 'requisitions', 'stages', 'users', 'archive_reasons', 'postings'] as const;

function harness() {
  const keys = [
    ...defaultKeys(),
    {
      key: NO_OFFERS_KEY,
      environment: 'production' as const,
      permissions: [...ALL_BUT_OFFERS, 'requisition_fields' as const],
      confidential: true,
    },
  ];
  return createHarness({ opportunities: 500, requisitions: 60, keys });
}

function rowsOf(h: ReturnType<typeof harness>, name: string): Map<string, Record<string, unknown>> {
  const [header, ...body] = sheet(h, name).values();
  return new Map(body.map((row) => [String(row[0]), Object.fromEntries(header.map((l, i) => [String(l), row[i]]))]));
}

function expectMatchesSimulator(h: ReturnType<typeof harness>, rows: Map<string, Record<string, unknown>>): number {
  let withOffer = 0;
  for (const [id, row] of rows) {
    const offers = h.dataset.offers?.[id] ?? [];
    const current = [...offers].sort((a, b) => b.createdAt - a.createdAt)[0];
    const fieldOf = (identifier: string) => current?.fields.find((f) => f.identifier === identifier)?.value ?? '';
    if (!current) {
      expect(row['Offer status']).toBe('');
      continue;
    }
    withOffer++;
    expect(row['Offer status']).toBe(STATUS[current.status]);
    const sent = row['Offer sent on'];
    expect(sent instanceof Date ? sent.getTime() : '').toBe(current.sentAt ?? '');
    const start = row['Anticipated start date'];
    expect(start instanceof Date ? start.getTime() : '').toBe(fieldOf('anticipated_start_date'));
    expect(row['Offer salary']).toBe(fieldOf('salary_amount'));
    expect(row['Offer currency']).toBe(fieldOf('compensation_currency'));
    expect(row['Offer salary interval']).toBe(
      INTERVALS[String(fieldOf('salary_interval'))] ?? fieldOf('salary_interval'),
    );
  }
  return withOffer;
}

describe('offer columns', () => {
  const h = harness();
  connect(h);
  const definition = saveImport(h, opportunityImport({ columns: COLUMNS, filters: EVERYTHING }));

  it('show each opportunity’s current offer, fetching offers only for Offer-stage and hired opportunities', () => {
    expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');
    const rows = rowsOf(h, 'Opportunities');
    expect(expectMatchesSimulator(h, rows)).toBeGreaterThan(3);
    const offerRequests = h.sim.requests.filter((r) => r.path.endsWith('/offers'));
    expect(offerRequests.length).toBeGreaterThan(0);
    expect(offerRequests.length).toBeLessThan(rows.size / 3);
  });

  it('show the changed offer after a refresh', () => {
    const id = Object.keys(h.dataset.offers ?? {}).find((key) => (h.dataset.offers?.[key] ?? []).length > 0);
    if (!id || !h.dataset.offers) throw new Error('no offer in the dataset');
    const [offer] = h.dataset.offers[id];
    const changed = {
      ...offer,
      fields: offer.fields.map((f) => (f.identifier === 'salary_amount' ? { ...f, value: 123_456 } : f)),
    };
    h.dataset.offers[id] = [changed];
    const opportunity = h.dataset.opportunities.find((o) => o.id === id);
    if (opportunity) opportunity.updatedAt = h.emu.clock.now();
    h.emu.clock.advance(60_000);
    expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');
    const rows = rowsOf(h, 'Opportunities');
    expect(rows.get(id)?.['Offer salary']).toBe(123_456);
    expectMatchesSimulator(h, rows);
  });
});

describe('a key without the offers permission', () => {
  const h = harness();

  it('is told so by the key check, naming the permission and what it unlocks', () => {
    const full = h.call<KeyStatus>('saveApiKey', [FULL_KEY, 'production']);
    expect(full.offersAccess).toBe(true);
    expect(full.message ?? '').not.toMatch(/offers/);
    const limited = h.call<KeyStatus>('saveApiKey', [NO_OFFERS_KEY, 'production']);
    expect(limited.offersAccess).toBe(false);
    expect(limited.message).toMatch(/cannot read offers \(Lever's "Offers" read permission\).*offer columns/);
    expect(h.call<SidebarState>('getSidebarState', []).key).toEqual(expect.objectContaining({ offersAccess: false }));
  });

  it('imports with the offer columns empty and a note naming the permission', () => {
    const definition = saveImport(h, opportunityImport({ columns: COLUMNS, filters: EVERYTHING }));
    const run = lastOf(runToEnd(h, definition.id));
    expect(run.status).toBe('succeeded');
    expect(JSON.stringify(run)).toMatch(/cannot read offers/);
    const rows = [...rowsOf(h, 'Opportunities').values()];
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.every((row) => row['Offer status'] === '')).toBe(true);
  });

  it('asks Lever for offers once, not once per candidate, while the check says the key cannot', () => {
    const definition = saveImport(h, opportunityImport({ columns: COLUMNS, filters: EVERYTHING, sheetName: 'Probe' }));
    const before = h.sim.requests.length;
    expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');
    const offerRequests = h.sim.requests.slice(before).filter((r) => r.path.endsWith('/offers'));
    expect(offerRequests).toHaveLength(1);
    expect(offerRequests[0].status).toBe(403);
  });

  it('shows offers again once Lever grants the permission, before the key is checked again', () => {
    h.sim.addKey({ key: NO_OFFERS_KEY, environment: 'production', permissions: 'all', confidential: true });
    const definition = saveImport(
      h,
      opportunityImport({ columns: COLUMNS, filters: EVERYTHING, sheetName: 'Granted' }),
    );
    expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');
    expect(expectMatchesSimulator(h, rowsOf(h, 'Granted'))).toBeGreaterThan(0);
  });
});
