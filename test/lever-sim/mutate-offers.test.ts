// Offer changes in the simulator: served by /opportunities/:id/offers at once, and bumping the opportunity's
// updatedAt (seen by updated_at_start) only under the 'bumps' reading of readings.offerUpdates.
import { changeOffer, mutateOffers } from '../../tools/lever-sim';
import { ALL_READINGS } from '../../tools/lever-sim/readings';
import { get, makeFixture } from './support';

const HOUR = 3_600_000;

describe.each(ALL_READINGS.offerUpdates)('offer changes under offerUpdates %s', (reading) => {
  const { sim, dataset } = makeFixture({ opportunities: 800, requisitions: 40, readings: { offerUpdates: reading } });
  const now = Math.max(...dataset.opportunities.map((o) => o.updatedAt ?? 0)) + HOUR;
  const pendingId = Object.keys(dataset.offers ?? {}).find((id) => dataset.offers?.[id]?.[0]?.status === 'sent');
  const updatedSince = () => sim.query('opportunities', { updated_at_start: String(now - HOUR) });

  it('serves a signed offer at once, and moves updatedAt only when offers bump it', () => {
    if (!pendingId) throw new Error('no sent offer in the dataset');
    expect(sim.readings.offerUpdates).toBe(reading);
    changeOffer(
      dataset,
      pendingId,
      { kind: 'status', status: 'signed' },
      { at: now - 1, reading: sim.readings.offerUpdates },
    );
    const { data } = get(sim, `/opportunities/${pendingId}/offers`).json as { data: Array<{ status: string }> };
    expect(data.map((offer) => offer.status)).toEqual(['signed']);
    expect(updatedSince().includes(pendingId)).toBe(reading === 'bumps');
  });

  it('adds a new, newest offer and reports what it changed', () => {
    const changed = mutateOffers(dataset, {
      seed: 3,
      since: now,
      now: now + HOUR,
      reading,
      counts: { signed: 2, created: 2 },
    });
    expect(changed.created.length).toBe(2);
    for (const id of changed.created) {
      const offers = dataset.offers?.[id] ?? [];
      expect(offers.at(-1)?.status).toBe('sent');
      expect(offers.at(-1)?.createdAt).toBeGreaterThan(now);
    }
    const bumped = dataset.opportunities.filter((o) => [...changed.signed, ...changed.created].includes(o.id));
    expect(bumped.every((o) => (o.updatedAt ?? 0) > now === (reading === 'bumps'))).toBe(true);
  });
});

it('defaults to the strictest reading: offers do not bump updatedAt', () => {
  expect(makeFixture({ opportunities: 5, requisitions: 5 }).sim.readings.offerUpdates).toBe('separate');
});
