// The offer refresh's row: a failed run, or wrong offers, shows FAILED in place of its seconds and requests.
import type { RunMeasure } from '../../tools/bench/harness';
import { type RefreshOffersMeasure, refreshOffersRow } from '../../tools/bench/refresh-offers';

const run = (change: Partial<RunMeasure> = {}): RunMeasure => ({
  status: 'succeeded',
  rowsInSheet: 900,
  expectedRows: 900,
  exact: true,
  executions: 1,
  seconds: 12,
  requests: 40,
  urlFetchQuota: 40,
  urlFetchCalls: 4,
  sheetsCalls: 20,
  otherRequests: 0,
  ...change,
});

const measure = (change: Partial<RefreshOffersMeasure> = {}): RefreshOffersMeasure => ({
  candidates: 60,
  full: run(),
  refresh: run({ seconds: 3, requests: 9 }),
  offersRequests: { full: 60, refresh: 7 },
  edited: 9,
  offerChanges: 3,
  wrongOffers: 0,
  ...change,
});

const FIGURES = ['full s', 'full requests', 'full offers req', 'refresh s', 'refresh requests', 'refresh offers req'];

describe('refreshOffersRow', () => {
  it('shows the figures of sound runs', () => {
    const row = refreshOffersRow('x', 250, measure());
    expect(row).toMatchObject({ 'full s': 12, 'refresh requests': 9, 'refresh offers req': 7, status: 'ok' });
  });

  it('masks every figure when a run failed', () => {
    const row = refreshOffersRow('x', 250, measure({ refresh: run({ status: 'failed', message: 'cap' }) }));
    expect(row.status).toBe('FAILED (status failed: cap)');
    for (const column of FIGURES) expect(row[column]).toBe('FAILED');
  });

  it('masks every figure when offers were wrong', () => {
    const row = refreshOffersRow('x', 250, measure({ wrongOffers: 2 }));
    expect(row.status).toBe('FAILED (offers)');
    for (const column of FIGURES) expect(row[column]).toBe('FAILED');
    expect(row['wrong offers']).toBe(2);
  });
});
