// The hire and offer columns' cost: what each import adds in requests and time, and FAILED when a run was not sound.
import type { RunMeasure } from '../../tools/bench/harness';
import { added, hiresOffersRows } from '../../tools/bench/hires-report';

function run(requests: number, seconds: number, change: Partial<RunMeasure> = {}): RunMeasure {
  const base = { status: 'succeeded', rowsInSheet: 100, expectedRows: 100, exact: true, executions: 1 };
  return {
    ...base,
    seconds,
    requests,
    urlFetchQuota: requests,
    urlFetchCalls: 1,
    sheetsCalls: 5,
    otherRequests: 0,
    ...change,
  };
}

describe('added', () => {
  it('gives the difference and its share of the base', () => {
    expect(added(200, 250)).toBe('+50 (+25%)');
    expect(added(10, 9.5)).toBe('-0.5 (-5%)');
    expect(added(0, 3)).toBe('+3');
  });
});

describe('hiresOffersRows', () => {
  const measure = {
    hires: 40,
    withOffers: 80,
    opportunities: { without: run(22, 2.7), with: run(76, 8.14) },
    requisitions: { without: run(8, 1.8), with: run(25, 2.9) },
    activeOffers: run(30, 4.5),
  };

  it('shows each import without and with the columns, and what they add', () => {
    const [opportunities, requisitions] = hiresOffersRows('hires-offers-2k', measure);
    expect(opportunities).toMatchObject({
      import: 'opportunities + offer columns (40 hires, 80 with offers)',
      'requests without': 22,
      'requests with': 76,
      'added requests': '+54 (+245%)',
      's with': 8.1,
      'added s': '+5.4 (+200%)',
      status: 'ok',
    });
    expect(requisitions).toMatchObject({ 'added requests': '+17 (+213%)', 'added s': '+1.1 (+61%)', status: 'ok' });
    expect(hiresOffersRows('hires-offers-2k', measure)[2]).toMatchObject({
      import: 'requisitions + active offers',
      'requests without': 8,
      'added requests': '+22 (+275%)',
    });
  });

  it('says FAILED when either run was not exact', () => {
    const broken = { ...measure, requisitions: { ...measure.requisitions, with: run(25, 2.9, { exact: false }) } };
    expect(hiresOffersRows('x', broken)[1].status).toMatch(/^FAILED \(.*not exact/);
    expect(hiresOffersRows('x', broken)[0].status).toBe('ok');
  });

  it('shows no requests or seconds for a pair with a failed run', () => {
    const broken = { ...measure, requisitions: { ...measure.requisitions, with: run(25, 2.9, { status: 'failed' }) } };
    const [sound, failed] = hiresOffersRows('x', broken);
    for (const column of ['requests without', 'requests with', 'added requests', 's without', 's with', 'added s']) {
      expect(failed[column]).toBe('FAILED');
    }
    expect(sound['requests with']).toBe(76);
  });
});
