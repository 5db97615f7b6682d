// The playground's demo account holds hires and offers: a requisition shows its hires and their start dates.
import type { Offer, SimKey } from '../../../tools/lever-sim';
import { DEMO_OPPS_ONLY_KEY, demoDataset, demoKeys } from '../../../tools/playground/world';

const data = demoDataset();
const offers = data.offers ?? {};

function startDate(offer: Offer | undefined): unknown {
  return offer?.fields.find((field) => field.identifier === 'anticipated_start_date')?.value;
}

describe('playground demo hires', () => {
  it('has a visible requisition filled by several hires, each with a signed offer and a start date', () => {
    const hiresOf = new Map<string, string[]>();
    for (const application of data.applications ?? []) {
      const seat = application.requisitionForHire?.id;
      if (seat) hiresOf.set(seat, [...(hiresOf.get(seat) ?? []), application.opportunityId]);
    }
    const shown = data.requisitions.filter(
      (r) => r.confidentiality !== 'confidential' && (hiresOf.get(r.id)?.length ?? 0) >= 2,
    );
    expect(shown.length).toBeGreaterThan(0);
    for (const requisition of shown) {
      expect(requisition.headcountHired).toBe(hiresOf.get(requisition.id)?.length);
      for (const id of hiresOf.get(requisition.id) ?? []) {
        const offer = offers[id]?.[0];
        expect(offer?.status).toBe('signed');
        expect(typeof startDate(offer)).toBe('number');
      }
    }
  });

  it('has pending offers too, and a demo key without the offers permission', () => {
    const statuses = new Set(Object.values(offers).flatMap((list) => list.map((offer) => offer.status)));
    expect(statuses.has('signed')).toBe(true);
    expect([...statuses].some((status) => status !== 'signed')).toBe(true);
    const limited = demoKeys().find((key) => key.key === DEMO_OPPS_ONLY_KEY) as SimKey;
    expect(limited.permissions).not.toBe('all');
    expect(limited.permissions).not.toContain('offers');
  });
});
