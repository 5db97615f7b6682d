// Which offer candidates a refresh asks Lever about, and the table it renders from (kept offers for the rest).

import { OFFER_COLUMNS, offerCandidateOf } from '../../../src/import/columns-offers';
import {
  type KeptOffer,
  keptSummary,
  MAX_KEPT_OFFER_AGE_MS,
  offersToAsk,
  settleOffers,
} from '../../../src/import/offers-keep';
import type { OfferSummary } from '../../../src/lever/source';

function offer(status: string, createdAt = 1): OfferSummary {
  return {
    id: `o-${status}-${createdAt}`,
    status,
    createdAt,
    sentAt: null,
    approvedAt: null,
    fields: { salary_amount: 100, job_title: 'Engineer' },
  };
}

const kept = (status: string | null, updatedAt: number | null = 10): KeptOffer => ({
  updatedAt,
  fetchedAt: 5,
  offer: status === null ? null : offer(status),
});

describe('offersToAsk', () => {
  const keptOffers = new Map<string, KeptOffer>([
    ['signed', kept('signed')],
    ['denied', kept('denied')],
    ['sent', kept('sent')],
    ['none', kept(null)],
    ['signedMoved', kept('signed', 9)],
    ['signedNull', kept('signed', null)],
  ]);
  const all = [...keptOffers.keys(), 'new'].map((id) => ({ id, updatedAt: id === 'signedNull' ? null : 10 }));

  it('keeps only final (signed) offers of opportunities unchanged by ID and by updatedAt', () => {
    expect(offersToAsk(all, keptOffers, new Set())).toEqual(['denied', 'sent', 'none', 'signedMoved', 'new']);
  });

  it('asks a candidate Lever returned in this run even when its kept offer is final and updatedAt is equal', () => {
    expect(offersToAsk(all, keptOffers, new Set(['signed']))).toContain('signed');
    expect(offersToAsk(all, keptOffers, new Set(['signed']))).not.toContain('signedNull');
  });

  it('asks everyone in a full run of an import that refreshes changes-only', () => {
    expect(offersToAsk(all, keptOffers, 'all')).toEqual(all.map((c) => c.id));
  });

  it('never asks again what an earlier execution of the same run read, even in a full run', () => {
    const readThisRun = new Map([...keptOffers, ['sent', { ...kept('sent'), fetchedAt: 50 }]]);
    expect(offersToAsk(all, readThisRun, 'all', 50)).not.toContain('sent');
    expect(offersToAsk(all, readThisRun, 'all', 51)).toContain('sent');
  });

  it('asks a final, unchanged offer again once it was read a day or more before the run started', () => {
    const signed = [{ id: 'signed', updatedAt: 10 }];
    expect(offersToAsk(signed, keptOffers, new Set(), 5 + MAX_KEPT_OFFER_AGE_MS - 1)).toEqual([]);
    expect(offersToAsk(signed, keptOffers, new Set(), 5 + MAX_KEPT_OFFER_AGE_MS)).toEqual(['signed']);
  });

  it('asks a candidate whose updatedAt is unknown (staged before updatedAt was)', () => {
    expect(offersToAsk([{ id: 'signed', updatedAt: undefined }], keptOffers, new Set())).toEqual(['signed']);
  });
});

describe('settleOffers', () => {
  const keptOffers = new Map<string, KeptOffer>([
    ['a', kept('signed')],
    ['b', kept('sent')],
    ['gone', kept('signed')],
  ]);
  const candidates = [
    { id: 'a', updatedAt: 10 },
    { id: 'b', updatedAt: 10 },
    { id: 'c', updatedAt: 12 },
    { id: 'refused', updatedAt: 3 },
  ];

  it('shows fresh answers for the asked, kept offers for the rest, and keeps every answered candidate', () => {
    const fetched = { b: [offer('sent', 1), offer('signed', 2)], c: [] };
    const settled = settleOffers(candidates, ['b', 'c', 'refused'], fetched, keptOffers, 99);
    expect(settled.offers).toEqual({ a: [keptOffers.get('a')?.offer], b: fetched.b, c: [] });
    expect([...settled.kept.keys()]).toEqual(['a', 'b', 'c']);
    expect(settled.kept.get('a')).toBe(keptOffers.get('a'));
    expect(settled.kept.get('b')).toEqual({ updatedAt: 10, fetchedAt: 99, offer: keptSummary(offer('signed', 2)) });
    expect(settled.kept.get('c')).toEqual({ updatedAt: 12, fetchedAt: 99, offer: null });
  });

  it('keeps only the fields the columns read', () => {
    expect(keptSummary(offer('sent'))?.fields).toEqual({ salary_amount: 100 });
  });
});

describe('the staged offer marker', () => {
  const extract = OFFER_COLUMNS[0].extract;
  const types = { hiredReason: 'hired', lostReason: 'non-hired' };
  const record = (fields: Record<string, unknown>) => ({ id: 'opp', createdAt: 1, ...fields });

  it('carries updatedAt for Offer-stage and hired opportunities, and nothing for others', () => {
    const atOffer = extract(record({ stage: 'offer', updatedAt: 42, archived: null }), { environment: 'production' });
    expect(offerCandidateOf(atOffer, types)).toEqual({ id: 'opp', updatedAt: 42 });
    const hired = extract(record({ stage: 's', updatedAt: null, archived: { reason: 'hiredReason' } }), {
      environment: 'production',
    });
    expect(offerCandidateOf(hired, types)).toEqual({ id: 'opp', updatedAt: null });
    const lost = extract(record({ stage: 's', updatedAt: 7, archived: { reason: 'lostReason' } }), {
      environment: 'production',
    });
    expect(offerCandidateOf(lost, types)).toBeNull();
    expect(extract(record({ stage: 's', updatedAt: 7, archived: null }), { environment: 'production' })).toBe('');
  });

  it('reads values staged before updatedAt as unknown', () => {
    expect(offerCandidateOf('opp', types)).toEqual({ id: 'opp', updatedAt: undefined });
    expect(offerCandidateOf('opp hiredReason', types)).toEqual({ id: 'opp', updatedAt: undefined });
  });
});
