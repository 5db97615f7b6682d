// `npm run check:lever`, check 7: an offer dated after its opportunity's updatedAt shows that offers do not bump it
// (the simulator's offerUpdates reading 'separate'); under 'bumps' the check cannot tell, and says what the add-on does.
import { formatReport } from '../../tools/lever-check/core';
import { changeOffer, generateDataset, LeverSimulator } from '../../tools/lever-sim';
import { ALL_READINGS } from '../../tools/lever-sim/readings';
import { KEYS, NOW } from '../lever-sim/support';
import { checkOnSimulator } from './support';

const HOUR = 3_600_000;

describe.each(ALL_READINGS.offerUpdates)('offer changes under offerUpdates %s', (offerUpdates) => {
  test('are told apart when an offer moved on after its opportunity last changed', async () => {
    const dataset = generateDataset({ seed: 11, opportunities: 250, requisitions: 30, now: NOW });
    const clock = { now: NOW + 2 * HOUR };
    const sim = new LeverSimulator({ dataset, keys: KEYS, now: () => clock.now, readings: { offerUpdates } });
    const atOffer = dataset.opportunities.filter((o) => o.stage === 'offer');
    expect(atOffer.length).toBeGreaterThan(1);
    expect(atOffer.length).toBeLessThanOrEqual(100);
    const oldest = atOffer.reduce((a, b) => ((a.updatedAt ?? 0) <= (b.updatedAt ?? 0) ? a : b));
    changeOffer(dataset, oldest.id, { kind: 'created', status: 'sent' }, { at: NOW + HOUR, reading: offerUpdates });
    const report = await checkOnSimulator(sim, clock);
    expect(report.aborted).toBeUndefined();
    expect(report.requests).toBeLessThanOrEqual(50);
    expect(report.offerUpdates.reading).toBe(offerUpdates === 'separate' ? 'separate' : 'cannot-tell');
    if (offerUpdates === 'separate') expect(report.offerUpdates.detail).toContain(oldest.id);
    expect(formatReport(report)).toMatch(
      /7\. Offer changes and updatedAt: .*\n {3}Add-on: The add-on keeps only signed/,
    );
  });
});

/** The check against a simulator where the oldest Offer-stage opportunity's offer was sent at `at(updatedAt, now)`. */
async function checkWithOfferAt(offerUpdates: 'separate' | 'bumps', at: (updatedAt: number, now: number) => number) {
  const dataset = generateDataset({ seed: 11, opportunities: 250, requisitions: 30, now: NOW });
  const clock = { now: NOW + 2 * HOUR };
  const sim = new LeverSimulator({ dataset, keys: KEYS, now: () => clock.now, readings: { offerUpdates } });
  const atOffer = dataset.opportunities.filter((o) => o.stage === 'offer');
  const oldest = atOffer.reduce((a, b) => ((a.updatedAt ?? 0) <= (b.updatedAt ?? 0) ? a : b));
  const when = at(oldest.updatedAt ?? 0, clock.now);
  changeOffer(dataset, oldest.id, { kind: 'created', status: 'sent' }, { at: when, reading: offerUpdates });
  return checkOnSimulator(sim, clock);
}

describe.each(ALL_READINGS.offerUpdates)('offer events that prove nothing, under offerUpdates %s', (offerUpdates) => {
  test('an offer within a minute of its opportunity updatedAt is not taken as separate', async () => {
    const report = await checkWithOfferAt(offerUpdates, (updatedAt) => updatedAt + 30_000);
    expect(report.aborted).toBeUndefined();
    expect(report.offerUpdates.reading).toBe('cannot-tell');
  });

  test('an offer dated after the list was asked (moved during the probe) is not taken as separate', async () => {
    const report = await checkWithOfferAt(offerUpdates, (_updatedAt, now) => now + HOUR);
    expect(report.aborted).toBeUndefined();
    expect(report.offerUpdates.reading).toBe('cannot-tell');
  });
});
